/** The most a short post holds, in X's weighted characters. */
export const POST_LIMIT = 280;

/** A link, whatever its length, counts as this many characters: X shortens every link (t.co) to it. */
export const LINK_WEIGHT = 23;

const LINK = /\bhttps?:\/\/\S+/gi;

/** Code points X counts as one character (Latin, Greek, Cyrillic, most punctuation); every other one (Chinese, for instance) counts as two. */
const LIGHT: readonly (readonly [number, number])[] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

/**
 * `text`'s length as X measures a post (twitter-text's weighted length): each link counts as
 * `LINK_WEIGHT`, each code point outside `LIGHT` as two. A line that fits it fits a post whole.
 */
export function postLength(text: string): number {
  let length = 0;
  const words = text.replace(LINK, () => {
    length += LINK_WEIGHT;
    return '';
  });
  for (const character of words) {
    const code = character.codePointAt(0) ?? 0;
    length += LIGHT.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return length;
}

/** `text` cut so that it and an ellipsis weigh at most `limit`; the whole of it when it fits. */
export function cutToPostLength(text: string, limit: number): string {
  if (postLength(text) <= limit) return text;
  const characters = Array.from(text);
  while (characters.length > 0 && postLength(`${characters.join('').trimEnd()}…`) > limit) characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

/** How far back from the cut a space is looked for, so a cut ends after a whole word; text without spaces (Chinese) is cut where it fits. */
const WORD_REACH = 30;

/**
 * `text` cut as `cutToPostLength` cuts it, but after a whole word: back to the last space when
 * one is within `WORD_REACH` characters, and never inside a link (a link that does not fit whole
 * is left out, so no broken address is shown).
 */
export function cutAtWord(text: string, limit: number): string {
  if (postLength(text) <= limit) return text;
  let kept = cutToPostLength(text, limit).slice(0, -1);
  if (!/^\s/.test(text.slice(kept.length))) {
    const space = kept.lastIndexOf(' ');
    const partial = kept.slice(space + 1);
    if (/^https?:/i.test(partial) || (space > 0 && Array.from(partial).length <= WORD_REACH)) kept = kept.slice(0, Math.max(space, 0)).trimEnd();
  }
  return `${kept}…`;
}

/** Text from a list or the data, on one line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
