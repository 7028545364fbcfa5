/**
 * What code puts between pieces of text it joins, in the reader's language (`locale`: the BCP 47
 * tag the words are formatted with): `colon` between a label and its value, `semicolon` between
 * two clauses. French keeps the mark on the line of the word before it with a no-break space,
 * U+00A0 before the colon and U+202F before the semicolon, as its messages do
 * (lib/words/french-spacing.testkit.ts); the other languages put no space there.
 */
export interface Joiners {
  colon: string;
  semicolon: string;
}

const FRENCH: Joiners = { colon: '\u00a0: ', semicolon: '\u202f; ' };
const PLAIN: Joiners = { colon: ': ', semicolon: '; ' };

export function joiners(locale: string): Joiners {
  return locale.split(/[-_]/)[0]?.toLowerCase() === 'fr' ? FRENCH : PLAIN;
}
