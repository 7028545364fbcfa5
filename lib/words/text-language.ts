import type { Translate } from './translate-from';

/**
 * How text we did not write is marked on a page in the reader's language: the `lang` attribute
 * it carries, and whether it is in another language than the reader's (then a "not translated"
 * note goes with it). Text of unknown language (a warning list that does not say, or says `und`)
 * gets `lang=""`, which HTML defines as "unknown", and no note: nothing is claimed about it.
 */
export interface TextLanguage {
  lang: string;
  foreign: boolean;
}

export function textLanguage(lang: string | undefined, locale: string): TextLanguage {
  if (lang === undefined || lang === '' || /^und(-|$)/i.test(lang)) return { lang: '', foreign: false };
  return { lang, foreign: !sameLanguage(lang, locale) };
}

/** Same language and script (`de-AT` reads as `de`; `zh-Hant` does not as `zh-CN`); a tag that does not parse counts as another language. */
function sameLanguage(a: string, b: string): boolean {
  try {
    const [x, y] = [new Intl.Locale(a).maximize(), new Intl.Locale(b).maximize()];
    return x.language === y.language && x.script === y.script;
  } catch {
    return a.toLowerCase() === b.toLowerCase();
  }
}

/** The language's name in the reader's language ("Französisch"), else the tag itself. */
export function languageName(lang: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * The "not translated" words before foreign text: the curated ones for our own English data,
 * the language named for any other (a warning list's).
 */
export function notTranslatedLabel(lang: string, t: Translate, locale: string): string {
  return /^en(-|$)/i.test(lang) ? t('dataNotTranslated') : t('dataNotTranslatedIn', languageName(lang, locale));
}

/** The same inside plain text (a notification): the words, then the text quoted. Unchanged when not foreign. */
export function notTranslatedQuote(text: string, lang: string | undefined, t: Translate, locale: string): string {
  const marked = textLanguage(lang, locale);
  if (!marked.foreign) return text;
  return /^en(-|$)/i.test(marked.lang) ? t('dataNotTranslatedQuote', text) : t('dataNotTranslatedQuoteIn', [languageName(marked.lang, locale), text]);
}
