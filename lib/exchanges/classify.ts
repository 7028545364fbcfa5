/**
 * Is this hostname an exchange, a lookalike of one, or neither? Exact matches compare whole
 * trailing labels with the registry's registrable domains, so `binance.com.evil.io` is never
 * Binance. Lookalikes are judged on the labels left of the public suffix (tldts) and their
 * hyphen-separated tokens, folded to TR39-style skeletons; never by raw substring of the host.
 */
import { getPublicSuffix } from 'tldts';
import { exchanges } from './registry';
import { brandsCollapsedTo, brandsNamed, brandsStartingAt, beginsWord, buildBrandIndex, buildDomainIndex, trigramBrandLength, type BrandEntry, type BrandIndex, type DomainIndex } from './brand-index';
import { collapseRepeats } from './edit-distance';
import { mayStartKey } from './lookalike/key-heads';
import { hostnameFromUrl, parseHostname } from './hostname';
import { isMixedScript } from './skeleton';
import { accountNotices, baitWords } from './lookalike/bait-words';
import { coinedTokens, cryptoEndings, favouredEndings, throwawayEndings, wordEndings } from './lookalike/brand-words';
import { dashedDomain, embeddedDomain, exactMatch, hostingOf } from './lookalike/domains';
import { affixContext, bestContext, carriesOn, compoundBeside, contextElsewhere, contextOf, contextsOf, faintContext, misspelledBait, tellingBait } from './lookalike/context';
import { article, describeHost, explanationOf, lookalikeReason, notTheirs } from './lookalike/reason';
import { labelOf, namesBefore } from './lookalike/labels';
import { commonWordBesideAlert, commonWordOnThrowaway, paddedBrand, strayShortToken } from './lookalike/padding';
import { coinedTypoAsName, commonTypoBesideBait, typoInToken, typoOf } from './lookalike/typo';
import { commonTypoAlone, paddedCommonTypo, splitAcrossDot } from './lookalike/across-labels';
import { brandGluedOnBuilder, brandTypoOnBuilder, coinedTypoOnBuilder, commonTypoOnBuilder, commonWordOnBuilder, siteBuilders } from './lookalike/hosted';
import { coinedTypoOnCourse, typoBesideBaitOnHosting } from './lookalike/hosted-typos';
import type { ClassifyReturnType, Evidence, Label } from './lookalike/types';

export type { ClassifyReturnType, EvidenceKind, LookalikeExplanation, Verdict } from './lookalike/types';

let index: BrandIndex | undefined;
let domains: DomainIndex | undefined;

// Lazily, once: the registry module may still be evaluating when this module is imported.
function brandIndex(): BrandIndex {
  index ??= buildBrandIndex(exchanges);
  return index;
}

export function domainIndex(): DomainIndex {
  domains ??= index ?? buildDomainIndex(exchanges);
  return domains;
}

function unknown(host: string | undefined, reason: string): ClassifyReturnType {
  return { verdict: 'unknown', exchange: undefined, reason, host };
}

function hasRepeat(token: string): boolean {
  for (let i = 1; i < token.length; i++) if (token.charCodeAt(i) === token.charCodeAt(i - 1)) return true;
  return false;
}

/**
 * The text before and after a brand found at `at` in a token's skeleton, as written where the two
 * line up. Where a fold changed the length (`rn` → `m` in `geminiearn`), the brand as written is
 * looked up in the decoded token, so the bait after it reads `earn`, not `eam`.
 */
function affixesOf(token: string, rawToken: string, entry: BrandEntry, at: number): [string, string] {
  if (rawToken.length === token.length) return [rawToken.slice(0, at), rawToken.slice(at + entry.skeleton.length)];
  const rawAt = rawToken.indexOf(entry.token);
  if (rawAt < 0) return [token.slice(0, at), token.slice(at + entry.skeleton.length)];
  return [rawToken.slice(0, rawAt), rawToken.slice(rawAt + entry.token.length)];
}

const strayLetter: ReturnType<typeof affixContext> = { ok: true, bait: undefined, digitsOnly: false };

function evidenceInToken(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  if (token.length < brands.shortestBrand - 1) return undefined;
  const exact = brandsNamed(brands, token);
  if (exact) {
    const entry = exact[0]!;
    const homoglyph = rawToken !== entry.token;
    return { entry, kind: homoglyph ? 'homoglyph' : 'token', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  if (token.length > 4 && token.endsWith('s')) {
    const plural = brandsNamed(brands, token, 0, token.length - 1);
    if (plural && plural[0]!.token.length >= 5 && !carriesOn(plural[0]!, rawToken)) {
      return { entry: plural[0]!, kind: 'affixed', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawToken) };
    }
  }
  if (hasRepeat(token)) {
    const collapsed = brandsCollapsedTo(brands, collapseRepeats(token));
    const entry = collapsed?.find((candidate) => candidate.skeleton !== token && candidate.skeleton.length >= 5);
    if (entry) return { entry, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  } else {
    // A brand with a doubled letter typed once (`bitrex`).
    const single = brandsCollapsedTo(brands, token);
    const entry = single?.find((candidate) => candidate.skeleton !== token && candidate.skeleton.length >= 5);
    if (entry) return { entry, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  }
  // Bait words are read from the decoded text (`login`, not `logln`): see `affixesOf`.
  let inside: BrandEntry | undefined;
  let insideAt = -1;
  let affixed: Evidence | undefined;
  let faint: BrandEntry | undefined;
  for (let at = 0; at + trigramBrandLength <= token.length; at++) {
    const list = brandsStartingAt(brands, token, at);
    if (list === undefined) continue;
    for (const entry of list) {
      const length = entry.skeleton.length;
      if (length >= token.length || !token.startsWith(entry.skeleton, at)) continue;
      if (entry.strength === 'long' || entry.distinctive || (at === 0 && entry.leading !== undefined && !beginsWord(entry, rawToken))) {
        if (inside === undefined || length > inside.skeleton.length) {
          inside = entry;
          insideAt = at;
        }
        continue;
      }
      // Medium and weak brands only count inside a token when everything around them is bait.
      if (affixed !== undefined || (at === 0 && carriesOn(entry, rawToken))) continue;
      // `coingate`: a short common word glued to a crypto word is another company's name, not bait.
      const shortCommon = entry.strength === 'weak' && length <= 4;
      const [prefix, suffix] = affixesOf(token, rawToken, entry, at);
      // `lrobinhoodbonus`: one stray letter before a common word of six letters or more, bait after it.
      const after = affixContext(suffix, true);
      const strayBefore = prefix.length === 1 && length >= 6 && after.bait !== undefined && !faintContext.has(after.bait);
      const before = strayBefore ? strayLetter : affixContext(prefix, false);
      if (!before.ok || !after.ok) continue;
      const digitsOnly = (before.digitsOnly || prefix === '') && (after.digitsOnly || suffix === '');
      if (digitsOnly && !isRegistrable) continue;
      // `geminiapp`: glued to a faint word (app, web, com) a common word is still just a word.
      const telling = before.bait !== undefined && !faintContext.has(before.bait) ? before.bait : after.bait !== undefined && !faintContext.has(after.bait) ? after.bait : undefined;
      const bait = telling ?? before.bait ?? after.bait;
      // `robinhoodapp`: glued to `app` or `web` only, a common word reads as the word alone, wanting bait elsewhere.
      if (entry.strength === 'weak' && bait !== undefined && telling === undefined) {
        if (bait === 'app' || bait === 'web') faint ??= entry;
        continue;
      }
      if (before.filler === true && telling === undefined) continue;
      if (shortCommon && !digitsOnly && (telling === undefined || !baitWords.has(telling))) continue;
      affixed = { entry, kind: 'affixed', bait, distance: 0, mixedScripts: false };
    }
  }
  if (inside !== undefined) {
    const [prefix, suffix] = affixesOf(token, rawToken, inside, insideAt);
    const before = affixContext(prefix, false);
    const after = affixContext(suffix, true);
    return { entry: inside, kind: 'inside', bait: before.bait ?? after.bait, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  if (affixed !== undefined) {
    affixed.mixedScripts = isMixedScript(rawToken);
    return affixed;
  }
  if (faint !== undefined) return { entry: faint, kind: 'inside', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawToken), glued: true };
  // `okxweb`, `mexcq`: coined names too short for the trigram index, glued to anything.
  for (const entry of brands.shortDistinctive) {
    const at = token.indexOf(entry.skeleton);
    if (at < 0) continue;
    const [prefix, suffix] = affixesOf(token, rawToken, entry, at);
    const before = affixContext(prefix, false);
    const after = affixContext(suffix, true);
    return { entry, kind: 'inside', bait: before.bait ?? after.bait, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  // `wkraken`, `lkraken`: one stray letter before a common-word brand of six letters or more, as the whole name.
  if (isRegistrable && token.length >= 7) {
    const stray = brandsNamed(brands, token, 1)?.find((candidate) => candidate.strength === 'weak' && candidate.skeleton.length >= 6);
    if (stray) return { entry: stray, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  }
  return typoInToken(token, rawToken, isRegistrable, brands);
}

/** The longest long brand anywhere in `text`, found through the trigram index. */
function longBrandInside(text: string, brands: BrandIndex): BrandEntry | undefined {
  let found: BrandEntry | undefined;
  for (let at = 0; at + trigramBrandLength <= text.length; at++) {
    const list = brandsStartingAt(brands, text, at);
    if (list === undefined) continue;
    for (const entry of list) {
      if (entry.strength !== 'long' || (found !== undefined && entry.skeleton.length <= found.skeleton.length)) continue;
      if (text.startsWith(entry.skeleton, at)) found = entry;
    }
  }
  return found;
}

function evidenceInLabel(label: Label, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  for (let i = 0; i < label.tokens.length; i++) {
    const evidence = evidenceInToken(label.tokens[i]!, label.rawTokens[i]!, isRegistrable, brands);
    if (evidence) {
      if (evidence.kind === 'token' && isRegistrable && label.tokens.length === 1) evidence.kind = 'tld-swap';
      evidence.bait ??=
        bestContext(contextsOf(label), i) ??
        (evidence.kind === 'token' || evidence.kind === 'homoglyph' ? compoundBeside(label, i) : undefined) ??
        (label.tokens.length > 1 ? misspelledBait(label, i) : undefined);
      // `celsius-networks`: a bare common word, but the name and its ending (`celsiusnetwork`) across the hyphen.
      if (evidence.entry.strength === 'weak' && evidence.bait === undefined && label.tokens.length > 1) {
        const inside = longBrandInside(label.tokens.join(''), brands);
        if (inside !== undefined && inside.exchange === evidence.entry.exchange) return { ...evidence, entry: inside, kind: 'hyphenated' };
      }
      return evidence;
    }
  }
  if (label.tokens.length > 1) {
    // `coin-base`, `bi-nance`: the brand split by hyphens so no single token carries it.
    const joined = label.tokens.join('');
    const whole = brandsNamed(brands, joined)?.[0] ?? brandsCollapsedTo(brands, collapseRepeats(joined))?.[0];
    if (whole) return { entry: whole, kind: 'hyphenated', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.raw) };
    // `claims-block-fi-portal`: the brand split across two neighbouring tokens, among others.
    for (let i = 0; i + 1 < label.tokens.length; i++) {
      const first = label.tokens[i]!;
      const second = label.tokens[i + 1]!;
      if (first.length < 2 || second.length < 2 || first.length + second.length < 5) continue;
      // `ku-coins-help`: a coined brand split in the plural, beside bait (`robin-hoods-bay`, `bit-by-bits` are places and sayings).
      const rawSecond = label.rawTokens[i + 1]!;
      const plural = rawSecond.length > 2 && rawSecond.endsWith('s') ? brands.byToken.get(first + second.slice(0, -1))?.[0] : undefined;
      const pair = mayStartKey(brands.tokenHeads, first, 0) ? (brands.byToken.get(first + second)?.[0] ?? (plural?.distinctive && tellingBait(label) !== undefined ? plural : undefined)) : undefined;
      if (pair) return { entry: pair, kind: 'hyphenated', bait: bestContext(contextsOf(label), -1), distance: 0, mixedScripts: isMixedScript(label.raw) };
    }
    if (isRegistrable && label.tokens.length === 2) {
      const typo = typoOf(joined, label.rawTokens.join(''), isRegistrable, brands);
      if (typo && typo.entry.strength === 'long') return { ...typo, kind: 'hyphenated' };
    }
    const inside = longBrandInside(joined, brands);
    if (inside) return { entry: inside, kind: 'hyphenated', bait: contextOf(label), distance: 0, mixedScripts: isMixedScript(label.raw) };
    const context = contextOf(label);
    const bait = tellingBait(label) ?? (context !== undefined && !faintContext.has(context) ? context : undefined);
    if (bait !== undefined) return commonTypoBesideBait(label, bait, brands);
  }
  return undefined;
}

/**
 * Short and common brand tokens (`gate`, `kraken`) need more than their mere presence. `wordEnding`:
 * the host is registered under an ending where ordinary words belong to others (`wordEndings`).
 */
function isEnough(evidence: Evidence, isRegistrable: boolean, contextElsewhere: boolean, label: Label, hosted: boolean, favoured: boolean, wordEnding: boolean): boolean {
  // A coined name (`okx`, `mexc`) is a warning wherever it stands as a token, however short.
  if (evidence.entry.strength !== 'weak' || evidence.entry.distinctive) return true;
  // `ftx-id`: a short coined name standing as a whole token.
  if ((evidence.kind === 'token' || evidence.kind === 'tld-swap') && coinedTokens.has(evidence.entry.token)) return true;
  // On free hosting, a common-word brand that is the whole site name (`kraken.pages.dev`) is enough.
  if (hosted && isRegistrable && label.tokens.length === 1 && evidence.kind === 'tld-swap' && evidence.entry.tldSwapAllowed) return true;
  // `reset-kraken`, but not `gate-reset`: account notices count beside a common word of six letters or more.
  if (evidence.bait !== undefined && evidence.entry.skeleton.length < 6 && accountNotices.has(evidence.bait)) return false;
  if (evidence.kind === 'token' && isRegistrable && strayShortToken(label, evidence.entry.skeleton, favoured)) return true;
  switch (evidence.kind) {
    case 'homoglyph':
      return true;
    case 'tld-swap':
      return evidence.entry.tldSwapAllowed && !wordEnding;
    case 'typo':
      return isRegistrable || evidence.bait !== undefined;
    case 'hyphenated':
      return isRegistrable;
    case 'affixed':
      return evidence.bait !== undefined || isRegistrable;
    default:
      return evidence.bait !== undefined || (!isRegistrable && contextElsewhere);
  }
}

/** A label that writes a common ending where it is not one (`com` in `krakn.com-verify.site`, `kraken.com.evil.io`). */
const wornEnding = /^(?:com|net|org)(?:-|$)/;

// Hostnames arrive validated and lowercase; a shared options object keeps tldts from allocating one per call.
const suffixOptions = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;

/**
 * Classifies one hostname (`www.binance.com`, `BINANCE.COM.`, `xn--…`, `binance.com:443`).
 * Anything that is not a hostname comes back `unknown` with the reason. In the extension's build
 * it throws until the public-suffix list is read (`classifyReady`, lib/exchanges/classify-ready.ts);
 * after that, and in tests and on the command line, it never throws.
 */
export function classify(hostname: string): ClassifyReturnType {
  const parsed = parseHostname(hostname);
  if (!parsed.ok) return unknown(undefined, parsed.reason);
  const { host, kind } = parsed;
  if (kind === 'ip') return unknown(host, `${host} is an IP address, not an exchange's domain`);
  if (kind === 'local') return unknown(host, `${host} is a local name with no domain ending, not an exchange's domain`);
  // An exchange's own page (the usual question) needs the official domains only.
  const exact = exactMatch(host, domainIndex());
  if (exact) {
    const where = host === exact.domain ? `is ${exact.exchange.name}'s domain` : `is on ${exact.domain}, a ${exact.exchange.name} domain`;
    return { verdict: 'exchange', exchange: exact.exchange, reason: `${host} ${where}`, host };
  }
  const brands = brandIndex();

  let suffix = getPublicSuffix(host, suffixOptions);
  // `coinbase-test.fk`: under an ending where the list makes every name an ending (`*.fk`), the first label is a site's name.
  if (suffix === host && getPublicSuffix(`zz${host}`, suffixOptions) === `zz${host}`) suffix = host.slice(host.indexOf('.') + 1);
  if (!suffix || suffix.length >= host.length) return unknown(host, `${host} is a public domain ending, not a site`);
  // On free hosting the site's own name is the label left of the service (`coinbase.vercel.app`).
  const hosting = hostingOf(host);
  const ownEnd = hosting ? host.length - hosting.length - 1 : host.length - suffix.length - 1;
  const names = namesBefore(host, ownEnd);
  const registrable = `${names[names.length - 1]}.${hosting ?? suffix}`;

  const embedded = embeddedDomain(host, names, brands);
  const labels: Label[] = names.map(labelOf);
  if (embedded) {
    const { exchange, domain } = embedded;
    const display = describeHost(host, labels, hosting ?? suffix);
    return {
      verdict: 'lookalike',
      exchange,
      reason: `${display} starts with the ${exchange.name} domain “${domain}” but belongs to ${registrable}, which is not ${article(exchange.name)} ${exchange.name} domain`,
      host,
      explanation: { code: 'embedded', host: display, brand: domain, registrable },
    };
  }

  const registrableAt = labels.length - 1;
  const dashed = hosting === undefined ? dashedDomain(labels[registrableAt]!, suffix, brands) : undefined;
  if (dashed) {
    const { exchange, domain } = dashed;
    const display = describeHost(host, labels, suffix);
    return {
      verdict: 'lookalike',
      exchange,
      reason: `${display} looks like an address on the ${exchange.name} domain “${domain}”, with a hyphen where a dot belongs, ${notTheirs(exchange)}`,
      host,
      explanation: { code: 'dashed', host: display, brand: domain },
    };
  }

  // The ending the site is registered under (`top` in `krakenz.top`); never a free hosting service's.
  // A crypto-only ending (`kraken-studio.exchange`) is context for a common-word brand, and padding on it counts.
  const cryptoEnding = hosting === undefined && cryptoEndings.has(suffix) ? suffix : undefined;
  const favoured = hosting === undefined && (favouredEndings.has(suffix) || cryptoEnding !== undefined);
  const wordEnding = hosting === undefined && wordEndings.has(suffix);
  const throwaway = hosting === undefined && throwawayEndings.has(suffix);
  for (let i = registrableAt; i >= 0; i--) {
    const label = labels[i]!;
    const isRegistrable = i === registrableAt;
    // `krakn.com-verify.site`: a name followed by a `com` label that is not the ending is worn as a domain, on a throwaway host.
    const worn = !isRegistrable && wornEnding.test(labels[i + 1]!.raw);
    const asName = isRegistrable || worn;
    const favouredHere = favoured || worn;
    let evidence = evidenceInLabel(label, asName, brands);
    if (evidence) {
      const elsewhere = contextElsewhere(labels, i, evidence.entry.strength === 'weak' && evidence.entry.skeleton.length >= 6);
      // A telling word in a subdomain (`stretto.ftx-claims`) is context for the registrable name too; `www`, `app` are not.
      // `support.celsiusapp.com`: a glued name that is the site's own (`celsiusapp`) wants bait in its own label.
      const ownLabelOnly = asName && evidence.glued === true;
      if (!evidence.bait && !ownLabelOnly && (!isRegistrable || (elsewhere !== undefined && !faintContext.has(elsewhere)))) evidence.bait = elsewhere;
      if (!evidence.bait && !ownLabelOnly && cryptoEnding !== undefined && evidence.entry.tldSwapAllowed) evidence.bait = cryptoEnding;
      if (!isEnough(evidence, asName, elsewhere !== undefined, label, hosting !== undefined, favouredHere, wordEnding && !worn)) evidence = undefined;
    }
    // A padded brand (`krakenz`) on a throwaway-favoured ending, or beside a telling bait word (`krakeni-logins`).
    if (!evidence && asName && (favouredHere || (label.tokens.length > 1 && tellingBait(label) !== undefined))) evidence = paddedBrand(label, brands);
    if (!evidence && asName && label.tokens.length === 1) evidence = commonTypoAlone(label, labels, favouredHere, brands);
    // `kraken-tracker.icu`, `bitekraken.cc`, `krakexn5.vip`: a common word anywhere, or mistyped and numbered, in a throwaway name.
    if (!evidence && asName && (throwaway || worn)) evidence = commonWordOnThrowaway(label, brands) ?? (label.tokens.length === 1 ? paddedCommonTypo(label, brands) : undefined);
    if (!evidence && isRegistrable && hosting === undefined) evidence = commonWordBesideAlert(label, brands) ?? coinedTypoAsName(label, brands);
    // `kraken-helpp.wixstudio.com`, `krekan-docs.gitbook.io`, `koinbas-app.webflow.io`, `blocfki.webflow.io`: common words with sloppy bait, and typos, on a site builder.
    if (!evidence && isRegistrable && hosting !== undefined && siteBuilders.has(hosting))
      evidence =
        commonWordOnBuilder(label, brands) ?? commonTypoOnBuilder(label, brands) ?? coinedTypoOnBuilder(label, brands) ?? brandTypoOnBuilder(label, brands) ?? brandGluedOnBuilder(label, brands);
    if (!evidence && isRegistrable && hosting !== undefined) evidence = typoBesideBaitOnHosting(label, brands);
    if (!evidence) continue;
    if (hosting !== undefined && evidence.kind !== 'homoglyph') {
      evidence.kind = evidence.kind === 'typo' ? 'hosted-typo' : 'hosted';
      evidence.hosting = hosting;
    } else if (evidence.kind === 'token' && evidence.entry.strength === 'weak' && isRegistrable && !evidence.bait && strayShortToken(label, evidence.entry.skeleton, favoured)) {
      evidence.kind = 'padded';
    }
    const display = describeHost(host, labels, hosting ?? suffix);
    return {
      verdict: 'lookalike',
      exchange: evidence.entry.exchange,
      reason: lookalikeReason(display, evidence),
      host,
      evidence: evidence.kind,
      explanation: explanationOf(display, evidence),
    };
  }

  const split = splitAcrossDot(labels, brands) ?? (hosting === undefined ? coinedTypoOnCourse(host, labels, brands) : undefined);
  if (split) {
    const display = describeHost(host, labels, hosting ?? suffix);
    return { verdict: 'lookalike', exchange: split.entry.exchange, reason: lookalikeReason(display, split), host, evidence: split.kind, explanation: explanationOf(display, split) };
  }

  return unknown(
    host,
    labels.some((label) => label.raw !== label.skeleton && isMixedScript(label.raw))
      ? `${describeHost(host, labels, hosting ?? suffix)} mixes Latin with Cyrillic or Greek letters but does not imitate a known exchange`
      : `${host} is not a known exchange domain and does not resemble one`,
  );
}

/** `classify` for a whole URL (`https://accounts.binance.com/en/login`); throws only as `classify` does. */
export function classifyUrl(url: string): ClassifyReturnType {
  const extracted = hostnameFromUrl(url);
  if (!extracted.ok) return unknown(undefined, extracted.reason);
  return classify(extracted.host);
}

/**
 * Content-script match patterns for every official domain (`https://*.binance.com/*`); in a
 * match pattern `*.` also matches the bare domain, so one pattern per domain is enough. HTTPS
 * only: every exchange in the registry serves its site over HTTPS, and a plain-HTTP page is one
 * anybody on the network path can write, so the pill is not drawn there (docs/security.md).
 */
export function exchangeMatchPatterns(): string[] {
  const patterns = new Set<string>();
  for (const exchange of exchanges) {
    for (const domain of exchange.domains) patterns.add(`https://*.${domain.toLowerCase()}/*`);
  }
  return [...patterns];
}
