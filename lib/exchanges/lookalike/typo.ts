/**
 * Typos of a brand: one edit, or two that keep the brand's first and last letters, scaled to the
 * brand's strength (brand-index.ts).
 */
import type { BrandEntry, BrandIndex } from '../brand-index';
import { editDistance } from '../edit-distance';
import { isMixedScript } from '../skeleton';
import { nearMissWords } from './brand-words';
import type { Evidence } from './types';

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
