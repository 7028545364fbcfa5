/**
 * Rules that read a host across its labels: a brand split by a dot, and a mistyped common-word brand
 * whose context is its ending or a subdomain.
 */
import { trigramKey, type BrandEntry, type BrandIndex } from '../brand-index';
import { isMixedScript } from '../skeleton';
import { tellingBait } from './context';
import { nearMissWords } from './brand-words';
import { commonTypoBesideBait, withinOneEdit } from './typo';
import type { Evidence, Label } from './types';

const none: readonly BrandEntry[] = [];

/**
 * `coin.base-verification.com`, `by.bit-com.xyz`: a coined or long brand begun by the last token of one
 * label and ended by the whole first token of the next, so it reads across the dot.
 */
export function splitAcrossDot(labels: readonly Label[], brands: BrandIndex): Evidence | undefined {
  for (let i = 0; i + 1 < labels.length; i++) {
    const head = labels[i]!.tokens[labels[i]!.tokens.length - 1];
    const tail = labels[i + 1]!.tokens[0];
    // A label of hyphens or underscores alone has no token.
    if (head === undefined || tail === undefined || head.length < 2 || tail.length < 2 || head.length + tail.length < 5) continue;
    const key = trigramKey(head.length >= 3 ? head : head + tail, 0);
    for (const entry of brands.byTrigram.get(key) ?? none) {
      if (!(entry.distinctive || entry.strength === 'long') || entry.skeleton.length !== head.length + tail.length) continue;
      if (entry.skeleton.startsWith(head) && entry.skeleton.endsWith(tail)) {
        return { entry, kind: 'split', bait: undefined, distance: 0, mixedScripts: isMixedScript(labels[i]!.raw + labels[i + 1]!.raw) };
      }
    }
  }
  return undefined;
}

/**
 * `karken.vip`, `airdrop.krain.network`: a common-word brand mistyped as the whole registrable name, on
 * an ending where throwaway hosts cluster or with a telling bait word in a subdomain.
 */
export function commonTypoAlone(label: Label, labels: readonly Label[], favoured: boolean, brands: BrandIndex): Evidence | undefined {
  if (!favoured && labels.length === 1) return undefined;
  const typo = commonTypoBesideBait(label, undefined, brands);
  if (typo === undefined || favoured) return typo;
  for (const other of labels) {
    if (other === label || other.raw === 'www') continue;
    const bait = tellingBait(other);
    if (bait !== undefined) return { ...typo, bait };
  }
  return undefined;
}

/**
 * `krakexn5.vip`, `krakexnk.vip`: a common-word brand of six letters or more one letter off, then one to
 * three digits or one more letter, as the whole name on an ending made for throwaway registrations (the
 * caller's judgement): how numbered copies of one typosquat are registered. The brand whole with a
 * letter after it (`krakend2`) is padding, judged by padding.ts.
 */
export function paddedCommonTypo(label: Label, brands: BrandIndex): Evidence | undefined {
  const token = label.tokens[0]!;
  const raw = label.rawTokens[0]!;
  if (raw.length !== token.length || raw.length < 7) return undefined;
  let end = raw.length;
  while (end > raw.length - 3 && raw.charCodeAt(end - 1) >= 0x30 && raw.charCodeAt(end - 1) <= 0x39) end--;
  if (end === raw.length) end--;
  const core = token.slice(0, end);
  if (nearMissWords.has(raw.slice(0, end))) return undefined;
  for (let length = core.length - 1; length <= core.length + 1; length++) {
    for (const entry of brands.insertTargets[length] ?? none) {
      if (entry.strength === 'weak' && !core.startsWith(entry.skeleton) && withinOneEdit(core, entry.skeleton)) {
        return { entry, kind: 'typo', bait: undefined, distance: 2, mixedScripts: isMixedScript(raw) };
      }
    }
  }
  return undefined;
}
