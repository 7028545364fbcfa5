/**
 * Bounded optimal-string-alignment distance (Levenshtein plus adjacent swaps, so "coinbsae" is
 * one edit from "coinbase"). The rows live at module level: a typo check runs for every label of
 * every page the user opens, and must not allocate.
 */

const maxLength = 64;
let previousPrevious = new Int32Array(maxLength + 1);
let previous = new Int32Array(maxLength + 1);
let current = new Int32Array(maxLength + 1);

export type EditDistanceParameters = { a: string; b: string; max: number };
/** The distance when it is at most `max`, otherwise `max + 1`. */

export function editDistance({ a, b, max }: EditDistanceParameters): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > maxLength || b.length > maxLength) return max + 1;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[b.length]!;
  return distance > max ? max + 1 : distance;
}

/** "krakken" → "kraken": a doubled letter is the cheapest typo to miss in a URL bar. */
export function collapseRepeats(value: string): string {
  // On char codes, copying the runs between repeats; text outside the BMP goes by code points.
  let collapsed = '';
  let from = 0;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return collapseCodePoints(value);
    if (code === value.charCodeAt(i - 1)) {
      collapsed += value.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? value : collapsed + value.slice(from);
}

function collapseCodePoints(value: string): string {
  let collapsed = '';
  let last = '';
  for (const char of value) {
    if (char !== last) collapsed += char;
    last = char;
  }
  return collapsed;
}
