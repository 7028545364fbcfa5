/**
 * Typos of a brand: one edit, or two that keep the brand's first and last letters, scaled to the
 * brand's strength (brand-index.ts).
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { collapseRepeats, editDistance } from '../edit-distance';
import { isMixedScript, skeletonKeepingPairs } from '../skeleton';
import { nearMissWords } from './brand-words';
import type { Evidence, Label } from './types';

/**
 * Whether two different strings are one substitution, insertion, deletion or adjacent swap
 * apart, in one pass and without the dynamic-programming table: the common case of a typo check
 * is a clear "no".
 */
export function withinOneEdit(a: string, b: string): boolean {
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
export function typoOf(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  if (token.length < 5) return undefined;
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
      const firstKept = first === brand.charCodeAt(0);
      const lastKept = last === brand.charCodeAt(length - 1);
      // One edit keeps the first or the last letter of a word of three letters or more; two keep both (below).
      if (!firstKept && !lastKept) continue;
      if (entry.base !== undefined && token.startsWith(entry.base)) continue;
      const framed = firstKept && lastKept;
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
  // Real words (`finance`) are never a typo: asked last, since most tokens are a typo of nothing.
  if (best === undefined || nearMissWords.has(rawToken)) return undefined;
  return { entry: best, kind: 'typo', bait: undefined, distance: bestDistance, mixedScripts: isMixedScript(rawToken) };
}

/** Shared, so a missing length bucket costs no allocation. */
const none: readonly BrandEntry[] = [];

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * `porloniex1`, `coinbsae7`: a typo with a digit after it. The typo is judged without the digits,
 * and the digits count as edits, so the whole stays within two letters of the brand.
 */
export function typoBesideDigits(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  let end = rawToken.length;
  while (end > 0 && isDigit(rawToken.charCodeAt(end - 1))) end--;
  const digits = rawToken.length - end;
  // Skeletons fold digits to letters but keep an ASCII token's length unless `rn`/`vv` fold; then give up.
  if (digits === 0 || digits > 1 || end < 5 || rawToken.length !== token.length) return undefined;
  const typo = typoOf(token.slice(0, end), rawToken.slice(0, end), isRegistrable, brands);
  if (typo === undefined || typo.distance + digits > 2) return undefined;
  typo.distance += digits;
  return typo;
}

/**
 * `lbinanrce`, `ibittreix`, `xbinanc`: one stray letter before a one-letter typo of a long brand that
 * keeps the brand's first letter. Two edits in all.
 */
export function typoAfterStrayLetter(token: string, rawToken: string, brands: BrandIndex): Evidence | undefined {
  if (token.length < 7) return undefined;
  // Frame first, on char codes: the common case is no brand with this first letter, and no slice.
  const first = token.charCodeAt(1);
  const restLength = token.length - 1;
  let rest: string | undefined;
  for (let length = restLength - 1; length <= restLength + 1 && length < brands.typoByLength.length; length++) {
    for (const entry of brands.typoByLength[length] ?? none) {
      const brand = entry.skeleton;
      if (entry.strength !== 'long' || first !== brand.charCodeAt(0)) continue;
      rest ??= token.slice(1);
      if (rest !== brand && withinOneEdit(rest, brand) && !nearMissWords.has(rawToken.slice(1))) {
        return { entry, kind: 'typo', bait: undefined, distance: 2, mixedScripts: isMixedScript(rawToken) };
      }
    }
  }
  return undefined;
}

const letterCounts = new Int16Array(128);

/** Whether `token` has every letter of `brand`, as many times: letters were added or moved, none lost. */
function hasEveryLetter(token: string, brand: string): boolean {
  letterCounts.fill(0);
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code >= 128) return false;
    letterCounts[code]!++;
  }
  for (let i = 0; i < brand.length; i++) {
    const code = brand.charCodeAt(i);
    if (code >= 128 || --letterCounts[code]! < 0) return false;
  }
  return true;
}

/**
 * `kralken`, `karlken`, `krarcken`, `kuckion`: one or two letters added to a brand of six letters or
 * more, perhaps with two neighbours swapped, keeping its first and last letter and every letter it
 * has, the brand not whole at either end. The caller asks only for tokens of the registrable name
 * (`kralken.co`, `assets-kralken.com`; not `kralken.example.com`). Real words this shape makes
 * (`voyageur`, `kranken`) are in `nearMissWords`.
 */
export function insertedTypo(token: string, rawToken: string, brands: BrandIndex): Evidence | undefined {
  const first = token.charCodeAt(0);
  const last = token.charCodeAt(token.length - 1);
  for (let length = token.length - 2; length < token.length; length++) {
    for (const entry of brands.insertTargets[length] ?? none) {
      const brand = entry.skeleton;
      if (first !== brand.charCodeAt(0) || last !== brand.charCodeAt(length - 1) || !hasEveryLetter(token, brand)) continue;
      // The brand whole at either end (`geminiai`) is padding, which padding.ts judges by its ending.
      if (token.startsWith(brand) || token.endsWith(brand) || (entry.base !== undefined && token.startsWith(entry.base))) continue;
      const distance = editDistance({ a: token, b: brand, max: 2 });
      if (distance > 2) continue;
      return nearMissWords.has(rawToken) ? undefined : { entry, kind: 'typo', bait: undefined, distance, mixedScripts: isMixedScript(rawToken) };
    }
  }
  return undefined;
}

/**
 * `gemin-payments`, `krakn-login`, `gemeni-exchange`: a common-word brand one letter off, as one token
 * of a label whose other tokens carry a telling bait or crypto word (`bait`, found by the caller, who
 * has filled `label.contexts`). `karken.vip`: with no bait, as the whole name on an ending where
 * throwaway hosts cluster (the caller's judgement). Two letters off only with the brand's first two
 * letters and its last kept.
 */
export function commonTypoBesideBait(label: Label, bait: string | undefined, brands: BrandIndex): Evidence | undefined {
  const { tokens, rawTokens } = label;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.length < 5 || label.contexts?.[i] !== undefined) continue;
    for (let length = token.length - 1; length <= token.length + 1; length++) {
      for (const entry of brands.insertTargets[length] ?? none) {
        const brand = entry.skeleton;
        if (entry.strength !== 'weak' || brand === token) continue;
        if (withinOneEdit(token, brand)) return { entry, kind: 'typo', bait, distance: 1, mixedScripts: isMixedScript(rawTokens[i]!) };
        // Two letters off when the first two letters and the last are kept (`kraiin`, `krain`).
        const framed = token.charCodeAt(0) === brand.charCodeAt(0) && token.charCodeAt(1) === brand.charCodeAt(1) && token.charCodeAt(token.length - 1) === brand.charCodeAt(length - 1);
        if (framed && !nearMissWords.has(rawTokens[i]!) && editDistance({ a: token, b: brand, max: 2 }) <= 2) {
          return { entry, kind: 'typo', bait, distance: 2, mixedScripts: isMixedScript(rawTokens[i]!) };
        }
      }
    }
  }
  return undefined;
}

/**
 * `biinancec`, `binnancex`: a letter doubled and one more edit. With doubled letters typed once, the
 * token is one letter from a long brand of seven letters or more (the brand's own doubled letters typed
 * once too): two edits in all.
 */
export function doubledTypo(token: string, rawToken: string, brands: BrandIndex): Evidence | undefined {
  if (token.length < 7) return undefined;
  // Doubled as written: the skeleton makes pairs of its own (`flinance` → `fllnance`).
  let doubled = false;
  for (let i = 1; i < rawToken.length && !doubled; i++) doubled = rawToken.charCodeAt(i) === rawToken.charCodeAt(i - 1);
  if (!doubled) return undefined;
  const collapsed = collapseRepeats(token);
  // By the brand's skeleton length, which its own doubled letters make longer than its collapsed form.
  for (let length = collapsed.length - 1; length <= collapsed.length + 2 && length < brands.typoByLength.length; length++) {
    for (const entry of brands.typoByLength[length] ?? none) {
      // Seven letters or more once collapsed: one letter from a shorter name (`bitrex`) is too many names.
      if (entry.strength !== 'long' || entry.collapsed.length < 7 || entry.collapsed === collapsed) continue;
      // One edit keeps the first or the last letter (see `typoOf`).
      if (collapsed.charCodeAt(0) !== entry.collapsed.charCodeAt(0) && collapsed.charCodeAt(collapsed.length - 1) !== entry.collapsed.charCodeAt(entry.collapsed.length - 1)) continue;
      // A common word and its ending (`gatecom`, `lunocom`) never: `comm` doubles a letter of the
      // ending itself, and one letter changed in the short word is another word (`ratecomm`).
      if (entry.base !== undefined || !withinOneEdit(collapsed, entry.collapsed)) continue;
      if (nearMissWords.has(rawToken) || nearMissWords.has(collapseRepeats(rawToken))) return undefined;
      return { entry, kind: 'typo', bait: undefined, distance: 2, mixedScripts: isMixedScript(rawToken) };
    }
  }
  return undefined;
}

/** A typo of a brand as one token, by the rules above in turn. */
export function typoInToken(token: string, rawToken: string, isRegistrable: boolean, brands: BrandIndex): Evidence | undefined {
  const typo =
    typoOf(token, rawToken, isRegistrable, brands) ??
    (isRegistrable ? insertedTypo(token, rawToken, brands) : undefined) ??
    typoBesideDigits(token, rawToken, isRegistrable, brands) ??
    typoAfterStrayLetter(token, rawToken, brands) ??
    doubledTypo(token, rawToken, brands);
  if (typo !== undefined || rawToken.length === token.length || !/^[a-z0-9]+$/.test(rawToken)) return typo;
  // `kuciorn`: folding `rn` to `m` hides a typo that the letters as written show.
  const unpaired = skeletonKeepingPairs(rawToken);
  return typoOf(unpaired, rawToken, isRegistrable, brands) ?? (isRegistrable ? insertedTypo(unpaired, rawToken, brands) : undefined);
}

/**
 * `ibtget.com`, `bitgte.com`, `qucoin.ai`: a coined brand of six letters as the whole registered name, two letters
 * swapped at either end or its first letter said alike (`c`/`k`/`q`); `typoOf` keeps both ends for a six-letter brand.
 * A changed letter at an end makes other names (`chemex`, `dionex`, `ducoin`, `rateio`), so it is not read. Only for a
 * site's own name: on a site builder a changed letter with no bait is as likely another name (`kucoim`, `blockui`).
 */
export function coinedTypoAsName(label: Label, brands: BrandIndex): Evidence | undefined {
  if (label.tokens.length !== 1) return undefined;
  const token = label.tokens[0]!;
  const rawToken = label.rawTokens[0]!;
  for (const entry of brands.typoByLength[token.length] ?? none) {
    if (!entry.distinctive || entry.strength !== 'medium' || !(swappedAtEnd(token, entry.skeleton) || saidAlikeFirst(token, entry.skeleton))) continue;
    if (nearMissWords.has(rawToken)) return undefined;
    return { entry, kind: 'typo', bait: undefined, distance: 1, mixedScripts: isMixedScript(rawToken) };
  }
  return undefined;
}

/** The first two letters or the last two swapped, the rest as written. */
function swappedAtEnd(token: string, brand: string): boolean {
  const n = brand.length;
  const first = token.charCodeAt(0) === brand.charCodeAt(1) && token.charCodeAt(1) === brand.charCodeAt(0) && token.endsWith(brand.slice(2));
  return first || (token.charCodeAt(n - 1) === brand.charCodeAt(n - 2) && token.charCodeAt(n - 2) === brand.charCodeAt(n - 1) && token.startsWith(brand.slice(0, n - 2)));
}

/** `qucoin`, `cucoin` for `kucoin`: the first letter said alike, the rest as written. */
function saidAlikeFirst(token: string, brand: string): boolean {
  const a = token.charCodeAt(0);
  const b = brand.charCodeAt(0);
  return a !== b && soundsAlike(a, b) && token.endsWith(brand.slice(1));
}

/** Letters that sound alike at the start of a brand (`cucoin`, `koinbase`, `qucoin`). */
export function soundsAlike(a: number, b: number): boolean {
  const c = 0x63;
  const k = 0x6b;
  const q = 0x71;
  return (a === c || a === k || a === q) && (b === c || b === k || b === q);
}
