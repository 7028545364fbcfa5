/**
 * Is this hostname an exchange, a lookalike of one, or neither? Exact matches compare whole
 * trailing labels with the registry's registrable domains, so `binance.com.evil.io` is never
 * Binance. Lookalikes are judged on the labels left of the public suffix (tldts) and their
 * hyphen-separated tokens, folded to TR39-style skeletons; never by raw substring of the host.
 */
import { getPublicSuffix } from 'tldts';
import { exchanges } from './registry';
import type { ExchangeDefinition } from './types';
import { buildBrandIndex, baitWords, cryptoWords, favouredEndings, freeHosting, nearMissWords, trigramKey, type BrandEntry, type BrandIndex } from './brand-index';
import { collapseRepeats, editDistance } from './edit-distance';
import { hostnameFromUrl, parseHostname } from './hostname';
import { decodeIdnLabel } from './punycode';
import { isMixedScript, skeleton } from './skeleton';

export type Verdict = 'exchange' | 'lookalike' | 'unknown';

export interface ClassifyReturnType {
  verdict: Verdict;
  /** The exchange the host is, or imitates. */
  exchange: ExchangeDefinition | undefined;
  /**
   * One sentence in plain English, naming the host and the evidence: for the CLI and logs. The
   * extension's pages word a lookalike from `explanation` instead, in the reader's language.
   */
  reason: string;
  /** The canonical hostname that was judged; `undefined` when the input was not a hostname at all. */
  host: string | undefined;
  /** For a lookalike found by its labels, which kind of evidence the reason describes. */
  evidence?: EvidenceKind;
  /** For a lookalike: what the reason says, as data (lib/words/lookalike-reason.ts words it). */
  explanation?: LookalikeExplanation;
}

/**
 * Why a host is a lookalike, without words: the evidence's kind and what it names. `embedded`
 * is an official domain worn at the start of the host (`login.kraken.com.evil.io`).
 */
export interface LookalikeExplanation {
  code: EvidenceKind | 'embedded';
  /** The host as shown: a punycode host with its Unicode spelling beside it. */
  host: string;
  /** The brand seen (`binance`); for `embedded`, the official domain worn (`kraken.com`). */
  brand: string;
  /** A bait or crypto word beside the brand (`login`), where there is one. */
  bait?: string;
  /** The free hosting service, for `hosted` (`pages.dev`). */
  hosting?: string;
  /** Letters away from the brand, for `typo` (1 or 2). */
  distance?: number;
  /** Latin mixed with Cyrillic or Greek letters, for `homoglyph`. */
  mixedScripts?: boolean;
  /** The domain the host belongs to, for `embedded` (`evil.io`). */
  registrable?: string;
}

let index: BrandIndex | undefined;

function brandIndex(): BrandIndex {
  // Lazily, once: the registry module may still be evaluating when this module is imported.
  index ??= buildBrandIndex(exchanges);
  return index;
}

/** "an OKX domain", "a Kraken domain": acronyms are read letter by letter. */
function article(name: string): string {
  const first = name[0] ?? '';
  const acronym = /^[A-Z0-9.]+$/.test(name.split(/[\s.]/)[0] ?? '');
  return (acronym ? 'AEFHILMNORSX' : 'AEIOUaeiou').includes(first) ? 'an' : 'a';
}

function domainList(exchange: ExchangeDefinition): string {
  return exchange.domains.join(', ');
}

const notTheirsCache = new WeakMap<ExchangeDefinition, string>();

/** "but is not a Kraken domain (Kraken uses kraken.com)", built once per exchange. */
function notTheirs(exchange: ExchangeDefinition): string {
  let text = notTheirsCache.get(exchange);
  if (text === undefined) {
    text = `but is not ${article(exchange.name)} ${exchange.name} domain (${exchange.name} uses ${domainList(exchange)})`;
    notTheirsCache.set(exchange, text);
  }
  return text;
}

function unknown(host: string | undefined, reason: string): ClassifyReturnType {
  return { verdict: 'unknown', exchange: undefined, reason, host };
}

export type EvidenceKind = 'token' | 'homoglyph' | 'tld-swap' | 'hyphenated' | 'inside' | 'affixed' | 'typo' | 'hosted' | 'padded';

interface Evidence {
  entry: BrandEntry;
  kind: EvidenceKind;
  /** A bait or crypto word beside the brand, where there is one. */
  bait: string | undefined;
  distance: number;
  mixedScripts: boolean;
  /** The free hosting service the host is on, for `hosted`. */
  hosting?: string;
}

interface Label {
  raw: string;
  skeleton: string;
  rawTokens: string[];
  tokens: string[];
  /** Bait or crypto word per token (judged on the decoded text, not the skeleton); filled on first need. */
  contexts: (string | undefined)[] | undefined;
}

function contextsOf(label: Label): (string | undefined)[] {
  label.contexts ??= label.rawTokens.map(contextWord);
  return label.contexts;
}

/** The most telling bait or crypto word among a label's tokens. */
function contextOf(label: Label): string | undefined {
  return bestContext(contextsOf(label), -1);
}

/** Bait that only counts when nothing better is there: `www-kraken` is bait, but weaker than `login`. */
const faintContext: ReadonlySet<string> = new Set(['www', 'com', 'net', 'org', 'io', 'web', 'app']);

function bestContext(words: readonly (string | undefined)[], skip: number): string | undefined {
  let faint: string | undefined;
  for (let j = 0; j < words.length; j++) {
    const word = words[j];
    if (j === skip || word === undefined) continue;
    if (!faintContext.has(word)) return word;
    faint ??= word;
  }
  return faint;
}

/** `vww-kraken`, `wvvw-kraken`, `mwww-kraken`: a mistyped www is still a prefix pretending to be a URL. */
const wwwLike = /^(?:[vw]{3,4}|[a-z]www|www[a-z])$/;

function contextWord(token: string): string | undefined {
  if (baitWords.has(token) || cryptoWords.has(token)) return token;
  if (token.length <= 4 && token.includes('w') && wwwLike.test(token)) return 'www';
  let end = token.length;
  while (end > 0 && token.charCodeAt(end - 1) >= 0x30 && token.charCodeAt(end - 1) <= 0x39) end--;
  const trimmed = end === token.length ? token : token.slice(0, end);
  if (trimmed !== token && trimmed !== '' && (baitWords.has(trimmed) || cryptoWords.has(trimmed))) return trimmed;
  if (trimmed.length > 3 && trimmed.endsWith('s')) {
    const singular = trimmed.slice(0, -1);
    if (baitWords.has(singular) || cryptoWords.has(singular)) return singular;
  }
  return undefined;
}

function hasRepeat(token: string): boolean {
  for (let i = 1; i < token.length; i++) if (token.charCodeAt(i) === token.charCodeAt(i - 1)) return true;
  return false;
}

/** What sits around a brand inside one token: nothing, digits, a plural s, or a bait word. */
function affixContext(affix: string, isSuffix: boolean): { ok: boolean; bait: string | undefined; digitsOnly: boolean } {
  if (affix === '') return { ok: true, bait: undefined, digitsOnly: false };
  if (/^\d+$/.test(affix)) return { ok: true, bait: undefined, digitsOnly: true };
  if (isSuffix && affix === 's') return { ok: true, bait: undefined, digitsOnly: false };
  const stripped = affix.replace(/^\d+/, '');
  const word = contextWord(affix) ?? contextWord(stripped) ?? twoContextWords(stripped);
  return { ok: word !== undefined, bait: word, digitsOnly: false };
}

/** `walletapp` → `wallet`: an affix made of two bait or crypto words. */
function twoContextWords(affix: string): string | undefined {
  for (let split = 2; split <= affix.length - 2; split++) {
    const first = contextWord(affix.slice(0, split));
    if (first !== undefined && contextWord(affix.slice(split)) !== undefined) return first;
  }
  return undefined;
}

function evidenceInToken(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  if (token.length < brands.shortestBrand - 1) return undefined;
  const exact = brands.byToken.get(token);
  if (exact) {
    const entry = exact[0]!;
    const homoglyph = rawToken !== entry.token;
    return { entry, kind: homoglyph ? 'homoglyph' : 'token', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  if (token.length > 4 && token.endsWith('s')) {
    const plural = brands.byToken.get(token.slice(0, -1));
    if (plural && plural[0]!.token.length >= 5) {
      return { entry: plural[0]!, kind: 'affixed', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawToken) };
    }
  }
  if (hasRepeat(token)) {
    const collapsed = brands.byCollapsed.get(collapseRepeats(token));
    const entry = collapsed?.find((candidate) => candidate.skeleton !== token && candidate.skeleton.length >= 5);
    if (entry) return { entry, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  } else {
    // A brand with a doubled letter typed once (`bitrex`).
    const single = brands.byCollapsed.get(token);
    const entry = single?.find((candidate) => candidate.skeleton !== token && candidate.skeleton.length >= 5);
    if (entry) return { entry, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  }
  // Bait words are read from the decoded text where it lines up with the skeleton (`login`, not `logln`).
  const affixSource = rawToken.length === token.length ? rawToken : token;
  let inside: BrandEntry | undefined;
  let insideAt = -1;
  let affixed: Evidence | undefined;
  for (let at = 0; at + 3 <= token.length; at++) {
    const key = trigramKey(token, at);
    const list = key < 0 ? undefined : brands.byTrigram.get(key);
    if (list === undefined) continue;
    for (const entry of list) {
      const length = entry.skeleton.length;
      if (length >= token.length || !token.startsWith(entry.skeleton, at)) continue;
      if (entry.strength === 'long' || entry.distinctive) {
        if (inside === undefined || length > inside.skeleton.length) {
          inside = entry;
          insideAt = at;
        }
        continue;
      }
      // Medium and weak brands only count inside a token when everything around them is bait.
      if (affixed !== undefined) continue;
      // `coingate`: a short common word glued to a crypto word is another company's name, not bait.
      const shortCommon = entry.strength === 'weak' && length <= 4;
      const prefix = affixSource.slice(0, at);
      const suffix = affixSource.slice(at + length);
      const before = affixContext(prefix, false);
      const after = affixContext(suffix, true);
      if (!before.ok || !after.ok) continue;
      const digitsOnly = (before.digitsOnly || prefix === '') && (after.digitsOnly || suffix === '');
      if (digitsOnly && !isRegistrable) continue;
      // `geminiapp`: glued to a faint word (app, web, com) a common word is still just a word.
      const telling = before.bait !== undefined && !faintContext.has(before.bait) ? before.bait : after.bait !== undefined && !faintContext.has(after.bait) ? after.bait : undefined;
      const bait = telling ?? before.bait ?? after.bait;
      if (entry.strength === 'weak' && bait !== undefined && telling === undefined) continue;
      if (shortCommon && !digitsOnly && (telling === undefined || !baitWords.has(telling))) continue;
      affixed = { entry, kind: 'affixed', bait, distance: 0, mixedScripts: false };
    }
  }
  if (inside !== undefined) {
    const before = affixContext(affixSource.slice(0, insideAt), false);
    const after = affixContext(affixSource.slice(insideAt + inside.skeleton.length), true);
    return { entry: inside, kind: 'inside', bait: before.bait ?? after.bait, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  if (affixed !== undefined) {
    affixed.mixedScripts = isMixedScript(rawToken);
    return affixed;
  }
  // `okxweb`, `mexcq`: coined names too short for the trigram index, glued to anything.
  for (const entry of brands.shortDistinctive) {
    const at = token.indexOf(entry.skeleton);
    if (at < 0) continue;
    const before = affixContext(affixSource.slice(0, at), false);
    const after = affixContext(affixSource.slice(at + entry.skeleton.length), true);
    return { entry, kind: 'inside', bait: before.bait ?? after.bait, distance: 0, mixedScripts: isMixedScript(rawToken) };
  }
  // `wkraken`, `lkraken`: one stray letter before a common-word brand of six letters or more, as the whole name.
  if (isRegistrable && token.length >= 7) {
    const stray = brands.byToken.get(token.slice(1))?.find((candidate) => candidate.strength === 'weak' && candidate.skeleton.length >= 6);
    if (stray) return { entry: stray, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  }
  return typoOf(token, rawToken, isRegistrable, brands);
}

/**
 * Whether two different strings are one substitution, insertion, deletion or adjacent swap
 * apart, in one pass and without the dynamic-programming table: the common case of a typo check
 * is a clear "no".
 */
function withinOneEdit(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const difference = a.length - b.length;
  if (difference > 1 || difference < -1) return false;
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  if (difference !== 0) return prefix + suffix >= shorter;
  if (prefix + suffix >= shorter - 1) return true;
  return prefix + suffix === shorter - 2 && a.charCodeAt(prefix) === b.charCodeAt(prefix + 1) && a.charCodeAt(prefix + 1) === b.charCodeAt(prefix);
}

/**
 * Edit distance scaled to the brand: one edit for a long brand; two when the typo keeps the
 * brand's first and last letters and length (how `bimanrce`, `polroneix`, `bjtftrex` are made,
 * while `github` is not `bithumb`); one for a six-letter brand, on the registrable name only and
 * with first and last letters kept (`kueoin`, not `orbit` for `korbit`).
 */
function typoOf(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  if (token.length < 5 || nearMissWords.has(rawToken)) return undefined;
  let best: BrandEntry | undefined;
  let bestDistance = Infinity;
  const first = token.charCodeAt(0);
  const last = token.charCodeAt(token.length - 1);
  const lengths = brands.typoByLength;
  // Two edits only when the token is at most one letter shorter (`token.length >= length - 1`).
  for (let length = Math.max(0, token.length - 2); length <= token.length + 1 && length < lengths.length; length++) {
    const list = lengths[length];
    if (list === undefined) continue;
    for (const entry of list) {
      const brand = entry.skeleton;
      const framed = first === brand.charCodeAt(0) && last === brand.charCodeAt(length - 1);
      if (entry.strength === 'medium' && !(isRegistrable && framed)) continue;
      const max = Math.min(entry.strength === 'long' && framed && token.length >= length - 1 ? 2 : 1, bestDistance - 1);
      if (max < 1 || Math.abs(token.length - length) > max) continue;
      const distance = withinOneEdit(token, brand) ? 1 : max === 1 ? 2 : editDistance({ a: token, b: brand, max });
      if (distance <= max) {
        best = entry;
        bestDistance = distance;
      }
    }
  }
  return best && { entry: best, kind: 'typo', bait: undefined, distance: bestDistance, mixedScripts: isMixedScript(rawToken) };
}

/** The longest long brand anywhere in `text`, found through the trigram index. */
function longBrandInside(text: string, brands: BrandIndex): BrandEntry | undefined {
  let found: BrandEntry | undefined;
  for (let at = 0; at + 3 <= text.length; at++) {
    const key = trigramKey(text, at);
    const list = key < 0 ? undefined : brands.byTrigram.get(key);
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
      evidence.bait ??= bestContext(contextsOf(label), i);
      return evidence;
    }
  }
  if (label.tokens.length > 1) {
    // `coin-base`, `bi-nance`: the brand split by hyphens so no single token carries it.
    const joined = label.tokens.join('');
    const whole = brands.byToken.get(joined)?.[0] ?? brands.byCollapsed.get(collapseRepeats(joined))?.[0];
    if (whole) return { entry: whole, kind: 'hyphenated', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.raw) };
    // `claims-block-fi-portal`: the brand split across two neighbouring tokens, among others.
    for (let i = 0; i + 1 < label.tokens.length; i++) {
      const first = label.tokens[i]!;
      const second = label.tokens[i + 1]!;
      if (first.length < 2 || second.length < 2 || first.length + second.length < 5) continue;
      const pair = brands.byToken.get(first + second)?.[0];
      if (pair) return { entry: pair, kind: 'hyphenated', bait: bestContext(contextsOf(label), -1), distance: 0, mixedScripts: isMixedScript(label.raw) };
    }
    if (isRegistrable && label.tokens.length === 2) {
      const typo = typoOf(joined, label.rawTokens.join(''), isRegistrable, brands);
      if (typo && typo.entry.strength === 'long') return { ...typo, kind: 'hyphenated' };
    }
    const inside = longBrandInside(joined, brands);
    if (inside) return { entry: inside, kind: 'hyphenated', bait: contextOf(label), distance: 0, mixedScripts: isMixedScript(label.raw) };
  }
  return undefined;
}

/** Short and common brand tokens (`gate`, `kraken`) need more than their mere presence. */
function isEnough(evidence: Evidence, isRegistrable: boolean, contextElsewhere: boolean, label: Label, hosted: boolean, favoured: boolean): boolean {
  // A coined name (`okx`, `mexc`) is a warning wherever it stands as a token, however short.
  if (evidence.entry.strength !== 'weak' || evidence.entry.distinctive) return true;
  // On free hosting, a common-word brand that is the whole site name (`kraken.pages.dev`) is enough.
  if (hosted && isRegistrable && label.tokens.length === 1 && evidence.kind === 'tld-swap' && evidence.entry.tldSwapAllowed) return true;
  if (evidence.kind === 'token' && isRegistrable && strayShortToken(label, evidence.entry.skeleton, favoured)) return true;
  switch (evidence.kind) {
    case 'homoglyph':
      return true;
    case 'tld-swap':
      return evidence.entry.tldSwapAllowed;
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

/** Two-letter tokens that make a common word a product name rather than a lure (`gemini-ai`). */
const productSuffixes: ReadonlySet<string> = new Set(['ai', 'js', 'go', 'ui', 'ml', 'vr', 'ar', 'tv', 'hq', 'db', 'os', 'io', 'gg', 'uk', 'us', 'eu']);

/**
 * `kraken-ix`, `v-kraken`: a common-word brand of six letters or more beside a one- or two-letter
 * token, as the whole registrable name, is how typosquats pad a name; a real product says what it is.
 */
function strayShortToken(label: Label, brand: string, favoured: boolean): boolean {
  if (label.tokens.length !== 2) return false;
  // The other token as written (skeletons fold `ai` to something else).
  const other = label.tokens[0] === brand ? label.rawTokens[1]! : label.tokens[1] === brand ? label.rawTokens[0]! : undefined;
  if (other === undefined) return false;
  // `482913-gemini`: a number of three digits or more, the way throwaway hosts are numbered.
  if (other.length >= 3 && /^\d+$/.test(other)) return true;
  // On an ending where throwaway hosts cluster (`luno-xy.cc`), four-letter common words too.
  if (brand.length < (favoured ? 4 : 6)) return false;
  return other.length <= 2 && /^[a-z]+$/.test(other) && !productSuffixes.has(other);
}

/**
 * `krakenz.top`, `coinexp.top`, `geminiop.cc`: a brand of five letters or more with one to four
 * stray letters or digits glued after it (or one or two before it), as a token of the registrable
 * name, on an ending where throwaway hosts cluster (`favouredEndings`).
 */
function paddedOnFavouredEnding(label: Label, brands: BrandIndex): Evidence | undefined {
  for (let i = 0; i < label.tokens.length; i++) {
    const token = label.tokens[i]!;
    for (let cut = 1; cut <= 4 && token.length - cut >= 5; cut++) {
      const entry = brands.byToken.get(token.slice(0, token.length - cut))?.[0];
      if (entry) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
    for (let cut = 1; cut <= 2 && token.length - cut >= 5; cut++) {
      const entry = brands.byToken.get(token.slice(cut))?.[0];
      if (entry) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
  }
  return undefined;
}

const hostingSet: ReadonlySet<string> = new Set(freeHosting);

/** The free hosting service a host is published on (`pages.dev`), if any: its last two or three labels, looked up. */
function hostingOf(host: string): string | undefined {
  const last = host.lastIndexOf('.');
  const second = last > 0 ? host.lastIndexOf('.', last - 1) : -1;
  if (second < 0) return undefined;
  const two = host.slice(second + 1);
  if (hostingSet.has(two)) return two;
  const third = host.lastIndexOf('.', second - 1);
  if (third < 0) return undefined;
  const three = host.slice(third + 1);
  return hostingSet.has(three) ? three : undefined;
}

function describeHost(host: string, labels: readonly Label[], suffix: string): string {
  if (!host.includes('xn--')) return host;
  return `${host} (${labels.map((label) => label.raw).join('.')}.${suffix})`;
}

function lookalikeReason(display: string, evidence: Evidence): string {
  const { entry, kind, bait } = evidence;
  const name = entry.exchange.name;
  const brand = `“${entry.token}”`;
  const notIt = notTheirs(entry.exchange);
  switch (kind) {
    case 'homoglyph':
      return `${display} spells the brand ${brand} with look-alike characters${evidence.mixedScripts ? ', mixing Latin with Cyrillic or Greek letters,' : ''} ${notIt}`;
    case 'tld-swap':
      return `${display} is the name ${brand} under a different ending ${notIt}`;
    case 'hyphenated':
      return `${display} splits the brand ${brand} with hyphens ${notIt}`;
    case 'padded':
      return `${display} pads the brand ${brand} with a stray letter or two ${notIt}`;
    case 'hosted':
      return `${display} puts the brand ${brand}${bait ? ` and the bait word “${bait}”` : ''} on ${evidence.hosting}, a free hosting service anyone can publish on, ${notIt}`;
    case 'typo':
      return `${display} is ${evidence.distance === 1 ? 'one letter' : `${evidence.distance} letters`} away from the brand ${brand} (a typosquat) ${notIt}`;
    default:
      return bait ? `${display} contains the brand ${brand} plus the bait word “${bait}” ${notIt}` : `${display} contains the brand ${brand} ${notIt}`;
  }
}

function explanationOf(display: string, { entry, kind, bait, hosting, distance, mixedScripts }: Evidence): LookalikeExplanation {
  return {
    code: kind,
    host: display,
    brand: entry.token,
    ...(bait === undefined ? {} : { bait }),
    ...(kind === 'hosted' && hosting !== undefined ? { hosting } : {}),
    ...(kind === 'typo' ? { distance } : {}),
    ...(kind === 'homoglyph' ? { mixedScripts } : {}),
  };
}

/**
 * Host equals an official domain or is a subdomain of one. Official domains are registrable
 * (the meta-test checks), so looking up the host's last two or three labels is exact and needs
 * no public-suffix work: the fast path for every page the user opens.
 */
function exactMatch(host: string, brands: BrandIndex): { exchange: ExchangeDefinition; domain: string } | undefined {
  let at = host.length;
  for (let labels = 1; labels <= brands.maxDomainLabels; labels++) {
    at = host.lastIndexOf('.', at - 1);
    if (labels === 1) continue;
    const candidate = at < 0 ? host : host.slice(at + 1);
    const exchange = brands.byDomain.get(candidate);
    if (exchange) return { exchange, domain: candidate };
    if (at < 0) break;
  }
  return undefined;
}

/**
 * `login.kraken.com.evil.io`, `coinbase.com-verify.site`, `accounts-binance.com.x`: an official
 * domain worn at the start of a label or after a hyphen, followed by a dot, hyphen or digit (so
 * `gate.io` is not found in `gate.iot.example`).
 */
function embeddedDomain(host: string, names: readonly string[], brands: BrandIndex): { exchange: ExchangeDefinition; domain: string } | undefined {
  let offset = 0;
  for (const name of names) {
    const hyphen = name.lastIndexOf('-');
    for (let start = 0; start >= 0; start = start === 0 && hyphen >= 0 ? hyphen + 1 : -1) {
      const candidates = brands.domainsByName.get(start === 0 ? name : name.slice(start));
      if (candidates === undefined) continue;
      for (const { domain, exchange } of candidates) {
        const from = offset + start;
        if (!host.startsWith(domain, from)) continue;
        const after = host.charCodeAt(from + domain.length);
        if (after === 0x2e || after === 0x2d || (after >= 0x30 && after <= 0x39)) return { exchange, domain };
      }
    }
    offset += name.length + 1;
  }
  return undefined;
}

interface LabelParts {
  tokens: string[];
  rawTokens: string[];
}

function splitTokens(text: string): string[] {
  if (!text.includes('-') && !text.includes('_')) return [text];
  return text.split(/[-_]+/).filter((token) => token !== '');
}

function labelOf(name: string): Label {
  const raw = decodeIdnLabel(name);
  const labelSkeleton = skeleton(raw);
  const tokens = splitTokens(labelSkeleton);
  const rawTokens = labelSkeleton === raw ? tokens : splitTokens(raw);
  // A skeleton fold never adds or removes hyphens, so tokens line up; if not, compare skeletons.
  const aligned = rawTokens.length === tokens.length ? rawTokens : tokens;
  return { raw, skeleton: labelSkeleton, tokens, rawTokens: aligned, contexts: undefined };
}

// Hostnames arrive validated and lowercase; a shared options object keeps tldts from allocating one per call.
const suffixOptions = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false } as const;

/**
 * Classifies one hostname (`www.binance.com`, `BINANCE.COM.`, `xn--…`, `binance.com:443`).
 * Never throws: anything that is not a hostname comes back `unknown` with the reason.
 */
export function classify(hostname: string): ClassifyReturnType {
  const parsed = parseHostname(hostname);
  if (!parsed.ok) return unknown(undefined, parsed.reason);
  const { host, kind } = parsed;
  if (kind === 'ip') return unknown(host, `${host} is an IP address, not an exchange's domain`);
  if (kind === 'local') return unknown(host, `${host} is a local name with no domain ending, not an exchange's domain`);
  const brands = brandIndex();

  const exact = exactMatch(host, brands);
  if (exact) {
    const where = host === exact.domain ? `is ${exact.exchange.name}'s domain` : `is on ${exact.domain}, a ${exact.exchange.name} domain`;
    return { verdict: 'exchange', exchange: exact.exchange, reason: `${host} ${where}`, host };
  }

  const suffix = getPublicSuffix(host, suffixOptions);
  if (!suffix || suffix.length >= host.length) return unknown(host, `${host} is a public domain ending, not a site`);
  // On free hosting the site's own name is the label left of the service (`coinbase.vercel.app`).
  const hosting = hostingOf(host);
  const ownEnd = hosting ? host.length - hosting.length - 1 : host.length - suffix.length - 1;
  const names = host.slice(0, ownEnd).split('.');
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
  // The ending the site is registered under (`top` in `krakenz.top`); never a free hosting service's.
  const favoured = hosting === undefined && favouredEndings.has(suffix);
  for (let i = registrableAt; i >= 0; i--) {
    const label = labels[i]!;
    const isRegistrable = i === registrableAt;
    let evidence = evidenceInLabel(label, isRegistrable, brands);
    if (evidence) {
      let elsewhere: string | undefined;
      for (let j = 0; j < labels.length && elsewhere === undefined; j++) {
        if (j !== i && labels[j]!.raw !== 'www') elsewhere = contextOf(labels[j]!);
      }
      // A telling word in a subdomain (`stretto.ftx-claims`) is context for the registrable name too; `www`, `app` are not.
      if (!evidence.bait && (!isRegistrable || (elsewhere !== undefined && !faintContext.has(elsewhere)))) evidence.bait = elsewhere;
      if (!isEnough(evidence, isRegistrable, elsewhere !== undefined, label, hosting !== undefined, favoured)) evidence = undefined;
    }
    if (!evidence && isRegistrable && favoured) evidence = paddedOnFavouredEnding(label, brands);
    if (!evidence) continue;
    if (hosting !== undefined && evidence.kind !== 'homoglyph' && evidence.kind !== 'typo') {
      evidence.kind = 'hosted';
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

  return unknown(
    host,
    labels.some((label) => label.raw !== label.skeleton && isMixedScript(label.raw))
      ? `${describeHost(host, labels, hosting ?? suffix)} mixes Latin with Cyrillic or Greek letters but does not imitate a known exchange`
      : `${host} is not a known exchange domain and does not resemble one`,
  );
}

/** `classify` for a whole URL (`https://accounts.binance.com/en/login`). Never throws. */
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
