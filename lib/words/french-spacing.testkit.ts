/**
 * French spacing around the high punctuation, as tests check it. One rule, everywhere:
 *
 * - U+00A0 NO-BREAK SPACE before `:` (a word-wide space, the "espace mot insécable" the Lexique des
 *   règles typographiques en usage à l'Imprimerie nationale puts before the colon);
 * - U+202F NARROW NO-BREAK SPACE before `;` `!` `?` (its "espace fine insécable"), and, so that one
 *   kind of space serves every other mark, before `»` and after `«`.
 *
 * Either way no line breaks between a word and its mark. Not punctuation, so not checked: a colon
 * between two digits (10:30, 1:2, 2025-11-01T00:00:00Z), the `:` and `?` of a URL, and `!` or `?`
 * right after another (`?!`). A piece of text (a text node, what code puts between two others) may
 * start with the no-break space and its mark, or end with `«` and its space: the word is beside it.
 */
export const FRENCH_SPACE_BEFORE: Readonly<Record<string, string>> = { ':': '\u00a0', ';': '\u202f', '!': '\u202f', '?': '\u202f', '»': '\u202f' };
export const FRENCH_SPACE_AFTER_OPENING_GUILLEMET = '\u202f';

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi;
const SPACE = /\s/u;

const SHOWN: Readonly<Record<string, string>> = { ' ': '␠', '\u00a0': '⍽', '\u202f': '·' };
const shown = (text: string) => [...text].map((char) => SHOWN[char] ?? char).join('');

/**
 * Where `text` (French as a reader sees it, substitutions filled in) breaks the rule, each as the
 * mark with a few characters around it (␠ space, ⍽ U+00A0, · U+202F); empty when it follows it.
 */
export function frenchSpacingProblems(text: string): string[] {
  const plain = text.replace(URL_IN_TEXT, (url) => 'u'.repeat(url.length));
  const problems: string[] = [];
  const report = (at: number) => problems.push(shown(plain.slice(Math.max(0, at - 8), at + 6)));
  for (let at = 0; at < plain.length; at += 1) {
    const mark = plain[at] ?? '';
    const before = plain[at - 1] ?? '';
    if (mark === '«') {
      const after = plain[at + 1] ?? '';
      if (after !== FRENCH_SPACE_AFTER_OPENING_GUILLEMET || SPACE.test(plain[at + 2] ?? '')) report(at);
      continue;
    }
    const wanted = FRENCH_SPACE_BEFORE[mark];
    if (wanted === undefined) continue;
    if (mark === ':' && /\d/.test(before) && /\d/.test(plain[at + 1] ?? '')) continue;
    if ((mark === '!' || mark === '?') && (before === '!' || before === '?')) continue;
    if (before !== wanted || SPACE.test(plain[at - 2] ?? '')) report(at);
  }
  return problems;
}

/**
 * A messages.json message as French text to check: named placeholders read through their content,
 * and each `$1`…`$9` as a word (what it stands for is text: "$1 :" needs its space like any word).
 */
export function frenchMessageText(message: string, placeholders?: Record<string, { content: string }>): string {
  const named = new Map(Object.entries(placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  return message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named.get(name.toLowerCase()) ?? whole).replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : 'Xyz'));
}
