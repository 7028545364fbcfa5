/**
 * A brand padded with stray letters, digits or a short token: how typosquats stretch a name that is
 * also an ordinary word, told apart from a real product that says what it is.
 */
import { brandsNamed, type BrandEntry, type BrandIndex } from '../brand-index';
import { isMixedScript } from '../skeleton';
import { alertWords } from './bait-words';
import { carriesOn } from './context';
import { gluedOtherUse, isOtherUse } from './other-use';
import type { Evidence, Label } from './types';

/** Two-letter tokens that make a common word a product name rather than a lure (`gemini-ai`). */
const productSuffixes: ReadonlySet<string> = new Set(['ai', 'js', 'go', 'ui', 'ml', 'vr', 'ar', 'tv', 'hq', 'db', 'os', 'io', 'gg', 'uk', 'us', 'eu']);

/** Product suffixes that are also a country (`kraken-us-in`). */
const countryCodes: ReadonlySet<string> = new Set(['us', 'uk', 'eu']);

/**
 * `kraken-ix`, `v-kraken`: a common-word brand of six letters or more beside a one- or two-letter
 * token, as the whole registrable name, is how typosquats pad a name; a real product says what it is.
 */
export function strayShortToken(label: Label, brand: string, favoured: boolean): boolean {
  if (label.tokens.length > 2) return languageCodes(label, brand);
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
 * name. The caller asks for it on an ending where throwaway hosts cluster (`favouredEndings`) or
 * beside a telling bait word (`krakeni-logins`).
 */
export function paddedBrand(label: Label, brands: BrandIndex): Evidence | undefined {
  for (let i = 0; i < label.tokens.length; i++) {
    const token = label.tokens[i]!;
    for (let cut = 1; cut <= 4 && token.length - cut >= 5; cut++) {
      const entry = brandsNamed(brands, token, 0, token.length - cut)?.[0];
      if (entry && !carriesOn(entry, label.rawTokens[i]!)) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
    for (let cut = 1; cut <= 2 && token.length - cut >= 5; cut++) {
      const entry = brandsNamed(brands, token, cut)?.[0];
      if (entry) return { entry, kind: 'padded', bait: undefined, distance: 0, mixedScripts: isMixedScript(label.rawTokens[i]!) };
    }
  }
  return undefined;
}

/**
 * `kraken-fr-en`, `kraken-pt-br`: a common-word brand of six letters or more beside two or more
 * two-letter tokens, the way a language or country is written into a copied site's address. Product
 * suffixes (`gemini-ai-ml`) are not languages.
 */
function languageCodes(label: Label, brand: string): boolean {
  if (brand.length < 6 || label.tokens.length > 4) return false;
  let seen = false;
  for (let i = 0; i < label.tokens.length; i++) {
    if (label.tokens[i] === brand && !seen) {
      seen = true;
      continue;
    }
    const raw = label.rawTokens[i]!;
    if (raw.length !== 2 || !/^[a-z]{2}$/.test(raw) || (productSuffixes.has(raw) && !countryCodes.has(raw))) return false;
  }
  return seen;
}

const noEntries: readonly BrandEntry[] = [];

/** The longest common-word brand of six letters or more (`kraken`, `gemini`, `robinhood`) inside `token`, and where. */
export function commonWordIn(token: string, brands: BrandIndex): { entry: BrandEntry; at: number } | undefined {
  for (let length = Math.min(token.length, brands.insertTargets.length - 1); length >= 6; length--) {
    for (const entry of brands.insertTargets[length] ?? noEntries) {
      if (entry.strength !== 'weak') continue;
      const at = token.indexOf(entry.skeleton);
      if (at >= 0) return { entry, at };
    }
  }
  return undefined;
}

/** Words that begin with a common-word brand and mean something else (an API gateway, a meteor shower, plurals), and names that hold one (`capgemini`, `gitkraken`). */
const wordsFromBrand: readonly [string, number][] = [
  ['krakend', 0],
  ['krakens', 0],
  ['geminid', 0],
  ['geminis', 0],
  ['robinhoods', 0],
  ['voyagers', 0],
  ['voyageur', 0],
  ['capgemini', 3],
  ['gitkraken', 3],
];

/** Whether a word of `wordsFromBrand` holds the brand found at `at` in `written` (`geminidshotgun`, `capgeminiblog`). */
function inWordFromBrand(written: string, at: number): boolean {
  for (const [word, offset] of wordsFromBrand) if (at >= offset && written.startsWith(word, at - offset)) return true;
  return false;
}

/**
 * `kraken-tracker.icu`, `world-robinhood.xyz`, `krakenelonmusk.xyz`, `bitekraken.cc`: on an ending made for
 * throwaway registrations (`throwawayEndings`, the caller's judgement; not `.shop`, `.online`, where real
 * businesses sit), a common-word brand of six letters or more anywhere in the registered name counts,
 * whatever is beside it, unless a word there says what else the brand names (`kraken-rum.top`,
 * `gemini-ai.xyz`). The bare name (`kraken.top`) is judged before, as a name under another ending.
 */
export function commonWordOnThrowaway(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  for (const raw of rawTokens) if (isOtherUse(raw)) return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const found = commonWordIn(token, brands);
    // A closed exchange (Celsius, Voyager) is imitated by claims lures, which carry bait; its word alone is the word.
    if (found === undefined || found.entry.exchange.status.kind !== 'operating') continue;
    const written = rawTokens[i]!.length === token.length ? rawTokens[i]! : token;
    if (inWordFromBrand(written, found.at)) continue;
    if (gluedOtherUse(written.slice(0, found.at), false) || gluedOtherUse(written.slice(found.at + found.entry.skeleton.length), true)) return undefined;
    return { entry: found.entry, kind: 'inside', bait: undefined, distance: 0, mixedScripts: isMixedScript(rawTokens[i]!) };
  }
  return undefined;
}

function isAlert(word: string): boolean {
  return alertWords.has(word) || (word.length > 4 && word.endsWith('s') && alertWords.has(word.slice(0, -1)));
}

/**
 * `robinhoodbreach.com`, `kraken-suspicious.com`, `urgent-gemini.net`: a common-word brand of six letters or more,
 * of an exchange that still trades, and a security alert (`alertWords`), the two alone making the registered name
 * (the caller's judgement: a domain of its own, not free hosting). With any other word beside them the name tells a
 * story or a product (`robinhood-breach-lawsuit`, `robinhood-unusual-options`), and a closed exchange's alerts are news.
 */
export function commonWordBesideAlert(label: Label, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  if (tokens.length > 2) return undefined;
  const joined = tokens.length === 1 ? tokens[0]! : tokens[0]! + tokens[1]!;
  const written = tokens.length === 1 ? rawTokens[0]! : rawTokens[0]! + rawTokens[1]!;
  const found = commonWordIn(joined, brands);
  if (found === undefined || found.entry.exchange.status.kind !== 'operating' || written.length !== joined.length) return undefined;
  const end = found.at + found.entry.skeleton.length;
  // The brand at one end, the alert the rest, split where the tokens meet if there are two.
  const alert = found.at === 0 ? written.slice(end) : end === joined.length ? written.slice(0, found.at) : undefined;
  if (alert === undefined || !isAlert(alert) || (tokens.length === 2 && tokens[0]!.length !== found.at && tokens[0]!.length !== end)) return undefined;
  return { entry: found.entry, kind: 'affixed', bait: alert, distance: 0, mixedScripts: isMixedScript(written) };
}
