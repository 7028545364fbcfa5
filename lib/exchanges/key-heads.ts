/**
 * The first two letters of a set of lookup keys, as a table of char-code pairs: asked before a
 * Map or Set look-up of a freshly cut string, it spares hashing the string when no key can match,
 * which is most of the time (a few dozen brands and domains against every label of every page).
 */
export interface KeyHeads {
  /** One bit per pair of Latin-1 char codes: 8 KB. */
  pairs: Uint32Array;
  /** A key shorter than two letters or outside Latin-1: the table cannot rule anything out. */
  any: boolean;
}

export function keyHeads(keys: Iterable<string>): KeyHeads {
  const heads: KeyHeads = { pairs: new Uint32Array(0x800), any: false };
  for (const key of keys) {
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
