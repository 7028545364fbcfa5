/**
 * What code puts between pieces of text it joins, in the reader's language (`locale`: the BCP 47
 * tag the words are formatted with): `colon` between a label and its value, `semicolon` between
 * two clauses, `open` and `close` around an aside (a date, an age, a source; `open` brings the
 * space before it), `comma` between the parts of an aside. French keeps the mark on the line of
 * the word before it with a no-break space, U+00A0 before the colon and U+202F before the
 * semicolon, as its messages do (lib/words/french-spacing.testkit.ts). Chinese uses its
 * full-width marks, which carry their own space, as the Chinese messages do
 * (lib/words/chinese-brackets.testkit.ts); the other languages put no space before the mark.
 * `sentence` goes between two sentences: a space, except after Chinese "。", "！" or "？", which
 * the next sentence follows directly (lib/words/chinese-sentences.testkit.ts).
 */
export interface Joiners {
  colon: string;
  semicolon: string;
  open: string;
  close: string;
  comma: string;
  sentence: string;
}

const FRENCH: Joiners = { colon: '\u00a0: ', semicolon: '\u202f; ', open: ' (', close: ')', comma: ', ', sentence: ' ' };
const CHINESE: Joiners = { colon: '\uff1a', semicolon: '\uff1b', open: '\uff08', close: '\uff09', comma: '\uff0c', sentence: '' };
const PLAIN: Joiners = { colon: ': ', semicolon: '; ', open: ' (', close: ')', comma: ', ', sentence: ' ' };

export function joiners(locale: string): Joiners {
  const language = locale.split(/[-_]/)[0]?.toLowerCase();
  return language === 'fr' ? FRENCH : language === 'zh' ? CHINESE : PLAIN;
}

/** Ends with a full-width mark (。！？，：；), which carries its own space: Chinese text, not data quoted in English. */
const FULL_WIDTH_END = /[\u3002\uff01\uff1f\uff0c\uff1a\uff1b]$/u;

/** What goes after `text` before what follows it (a sentence, a link, a value after a label): nothing after a full-width mark, else a space. */
export function gapAfter(text: string, locale: string): string {
  return FULL_WIDTH_END.test(text) ? joiners(locale).sentence : ' ';
}

/** The mark that ends a sentence code finishes after a piece it adds (a menu path, a name): Chinese "。", else ".". */
export function fullStop(locale: string): string {
  return joiners(locale) === CHINESE ? '\u3002' : '.';
}

/**
 * A refusal's sentences with the English technical detail after them, for the command line: the detail
 * as a sentence of its own ("Detail: not JSON."), so no bracket follows a full stop, closed by one stop.
 */
export function withDetail(text: string, detail: string | undefined): string {
  return detail === undefined ? text : `${text} Detail: ${detail.replace(/[.\s]+$/u, '')}.`;
}
