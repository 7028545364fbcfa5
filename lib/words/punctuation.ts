/**
 * What code puts between pieces of text it joins, in the reader's language (`locale`: the BCP 47
 * tag the words are formatted with): `colon` between a label and its value, `semicolon` between
 * two clauses. French keeps the mark on the line of the word before it with a no-break space,
 * U+00A0 before the colon and U+202F before the semicolon, as its messages do
 * (lib/words/french-spacing.testkit.ts). Chinese uses its full-width marks, which carry their own
 * space, as the Chinese messages do; the other languages put no space before the mark.
 */
export interface Joiners {
  colon: string;
  semicolon: string;
}

const FRENCH: Joiners = { colon: '\u00a0: ', semicolon: '\u202f; ' };
const CHINESE: Joiners = { colon: '\uff1a', semicolon: '\uff1b' };
const PLAIN: Joiners = { colon: ': ', semicolon: '; ' };

export function joiners(locale: string): Joiners {
  const language = locale.split(/[-_]/)[0]?.toLowerCase();
  return language === 'fr' ? FRENCH : language === 'zh' ? CHINESE : PLAIN;
}
