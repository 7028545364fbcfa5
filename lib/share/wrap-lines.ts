/**
 * Line breaking for the share picture, which a canvas draws line by line.
 *
 * A line may break at an ordinary space (which the break drops) and, in Chinese, which has no
 * spaces, between two characters. It never breaks at a no-break space (French "mot\u00a0:",
 * "12,5\u00a0%", "1\u202f000"), which joins. Chinese keeps the breaking rules of its typography
 * (kinsoku): a closing mark such as ，。：；） never starts a line, an opening mark such as （
 * never ends one; and a number keeps the character after it (2026年, 4月). A run wider than a
 * line with no break in it (a long address, a row of emoji) is cut between graphemes, so no cut
 * splits a surrogate pair, a flag, a ZWJ sequence or a letter from its accent.
 *
 * The kinsoku rules are Chinese only: Japanese small kana (っ, ャ) may start a line, Korean
 * breaks at its spaces, and Thai, Lao and Khmer, which have no break points here, are cut by
 * grapheme. None is one of the extension's languages; they reach the picture only in data
 * (an exchange's name, a list's title).
 */

/** Whitespace a line may break at: all but the no-break spaces. */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/;
/** No-break spaces and the word joiner: no break on either side of them. */
const GLUE = /^[\u00a0\u2007\u202f\u2060]/;
/** Chinese and Japanese characters and their full-width marks, between which a line may break. */
const IDEOGRAPHIC = /^[\u2e80-\u2fff\u3000-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;
/** Marks that close or follow: never at the start of a line. */
const CLOSING =
  /^[\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\uff3d\uff5d\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\u30fb\u30fc\u3005\uff05\u201d\u2019\u2026)\]}!,.:;?%]/;
/** Marks that open: never at the end of a line. */
const OPENING = /^[\uff08\uff3b\uff5b\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\u201c\u2018([{]/;
const DIGIT = /^[0-9\uff10-\uff19]/;

let graphemeSegmenter: Intl.Segmenter | undefined;

function graphemesOf(text: string): string[] {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (part) => part.segment);
}

/** Whether a line may break between these two graphemes, neither of them a breaking space. */
function mayBreakBetween(before: string, after: string): boolean {
  if (GLUE.test(before) || GLUE.test(after)) return false;
  if (!IDEOGRAPHIC.test(before) && !IDEOGRAPHIC.test(after)) return false;
  if (CLOSING.test(after) || OPENING.test(before)) return false;
  return !(DIGIT.test(before) && IDEOGRAPHIC.test(after));
}

/** Whether a line may end before `graphemes[at]`; a space there is dropped with the break. */
function breaksAt(graphemes: readonly string[], at: number): boolean {
  const before = graphemes[at - 1] ?? '';
  const after = graphemes[at] ?? '';
  return after === ' ' || (before !== ' ' && mayBreakBetween(before, after));
}

function nextToGlue(graphemes: readonly string[], at: number): boolean {
  return GLUE.test(graphemes[at - 1] ?? '') || GLUE.test(graphemes[at] ?? '');
}

/**
 * Splits text into lines no wider than `maxWidth` (only a single grapheme wider than a line is
 * drawn wider, or a no-break space with the grapheme after it); runs of breaking whitespace become
 * one space, and a space at a break is dropped.
 *
 * Each line is found by searching, doubling then halving, for the longest prefix that fits, so a
 * line costs a few `measure` calls however long the text: O(lines · log n) in all. The search
 * takes the width of a prefix to grow with its length, as drawn text does for practical purposes;
 * the line it gives, which may end before that prefix, is measured too.
 */
export function wrap(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const joined = text
    .split(BREAKING_SPACE)
    .filter((part) => part !== '')
    .join(' ');
  if (joined === '') return [];
  // Most of the picture's paragraphs fit on one line: one measure says so.
  if (measure(joined) <= maxWidth) return [joined];
  const graphemes = graphemesOf(joined);
  const offsets = [0];
  for (const grapheme of graphemes) offsets.push((offsets.at(-1) ?? 0) + grapheme.length);
  const count = graphemes.length;
  const lines: string[] = [];
  let start = 0;
  while (start < count) {
    const fits = (end: number) => measure(joined.slice(offsets[start], offsets[end])) <= maxWidth;
    // The longest prefix that fits: `fitting` graphemes fit, `tooMany` do not (count + 1: unknown).
    let fitting = start;
    let tooMany = count + 1;
    for (let step = 1; fitting < count; step *= 2) {
      const probe = Math.min(fitting + step, count);
      if (!fits(probe)) {
        tooMany = probe;
        break;
      }
      fitting = probe;
    }
    while (tooMany - fitting > 1) {
      const middle = (fitting + tooMany) >> 1;
      if (fits(middle)) fitting = middle;
      else tooMany = middle;
    }
    if (fitting === count) {
      lines.push(joined.slice(offsets[start]));
      break;
    }
    // Only the fitting prefix was measured; a shorter line can be wider (contextual shaping,
    // ligatures), so a line that ends before it is measured too.
    const fitsUpTo = (end: number) => end === fitting || fits(end);
    // The last place within the fitting prefix where the line may break and still fits.
    let end = fitting;
    while (end > start && !(breaksAt(graphemes, end) && fitsUpTo(end))) end--;
    if (end === start) {
      // No break fits: cut between graphemes, away from a no-break space if the line allows it.
      const cut = Math.max(fitting, start + 1);
      end = cut;
      while (end > start + 1 && (nextToGlue(graphemes, end) || !fitsUpTo(end))) end--;
      if (nextToGlue(graphemes, end) || !fitsUpTo(end)) end = cut;
      // A no-break space is never a line of its own: it goes with the grapheme after it, or with
      // the one before it when a space or the end of the text follows it.
      if (end === start + 1) while (end < count && graphemes[end] !== ' ' && GLUE.test(graphemes[end - 1] ?? '')) end++;
      let after = end;
      while (after < count && GLUE.test(graphemes[after] ?? '')) after++;
      if (after > end && (after === count || graphemes[after] === ' ')) end = after;
    }
    lines.push(joined.slice(offsets[start], offsets[end]));
    start = graphemes[end] === ' ' ? end + 1 : end;
  }
  return lines;
}
