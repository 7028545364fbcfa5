/**
 * The first two letters and the lengths of a set of lookup keys, as bit tables: asked before a Map
 * or Set look-up of a freshly cut string, they spare cutting and hashing the string when no key can
 * match, which is most of the time (a few dozen brands and domains against every label of every page).
 */
export interface KeyHeads {
  /** One bit per pair of Latin-1 char codes: 8 KB. */
  pairs: Uint32Array;
  /** A key shorter than two letters or outside Latin-1: the table cannot rule anything out. */
  any: boolean;
  /** Bit n: a key of n letters (bit 31: of 31 or more). */
  lengths: number;
}

export function keyHeads(keys: Iterable<string>): KeyHeads {
  const heads: KeyHeads = { pairs: new Uint32Array(0x800), any: false, lengths: 0 };
  for (const key of keys) {
    heads.lengths |= 1 << Math.min(key.length, 31);
    const a = key.charCodeAt(0);
    const b = key.charCodeAt(1);
    if (key.length < 2 || a >= 0x100 || b >= 0x100) heads.any = true;
    else heads.pairs[(a << 3) | (b >> 5)]! |= 1 << (b & 31);
  }
  return heads;
}

/** Whether a key may start at `at` in `text` (`false` only when none does). */
export function mayStartKey(heads: KeyHeads, text: string, at: number): boolean {
  if (heads.any) return true;
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  // Past the end charCodeAt is NaN, and a one-letter text is no key of two letters or more.
  return a < 0x100 && b < 0x100 && (heads.pairs[(a << 3) | (b >> 5)]! & (1 << (b & 31))) !== 0;
}

/** Whether `text.slice(start, end)` may be a key (`false` only when it is none). */
export function mayBeKey(heads: KeyHeads, text: string, start: number, end: number): boolean {
  return ((heads.lengths >>> Math.min(end - start, 31)) & 1) !== 0 && mayStartKey(heads, text, start);
}
