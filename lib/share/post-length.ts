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
