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
  return { lang, foreign: !NAMES_NO_LANGUAGE.test(lang) && !sameLanguage(lang, locale) };
}

/**
 * ISO 639 codes that name no one language: several (`mul`), none (`zxx`), one without a code
 * (`mis`), and the reserved private-use `qaa`–`qtz`. The tag stays on the text, but no note names
 * a language for it ("not translated, in Multiple languages" would say nothing true).
 */
const NAMES_NO_LANGUAGE = /^(mul|zxx|mis|q[a-t][a-z])(-|$)/i;

const isEnglish = (lang: string) => /^en(-|$)/i.test(lang);

/** Same language and script (`de-AT` reads as `de`; `zh-Hant` does not as `zh-CN`); a tag that does not parse counts as another language. */
function sameLanguage(a: string, b: string): boolean {
  try {
    const [x, y] = [new Intl.Locale(a).maximize(), new Intl.Locale(b).maximize()];
    return x.language === y.language && x.script === y.script;
  } catch {
    return a.toLowerCase() === b.toLowerCase();
  }
}

/**
 * The language's name in the reader's language ("Französisch", "Arabisch (Welt)"), else the tag
 * itself. The standard name, a noun with the region after it, reads right after a preposition
 * ("auf Arabisch (Welt)"; the dialect name "Modernes Hocharabisch" does not), and the tag's
 * extensions and private use are left out: Firefox refuses to name a tag with them, Chrome does not.
 */
export function languageName(lang: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', languageDisplay: 'standard' }).of(new Intl.Locale(lang).baseName) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * The "not translated" words before foreign text: the curated ones for our own English data,
 * the language named for any other (a warning list's).
 */
export function notTranslatedLabel(lang: string, t: Translate, locale: string): string {
  return isEnglish(lang) ? t('dataNotTranslated') : t('dataNotTranslatedIn', languageName(lang, locale));
}

/** The same inside plain text (a notification): the words, then the text quoted. Unchanged when not foreign. */
export function notTranslatedQuote(text: string, lang: string | undefined, t: Translate, locale: string): string {
  const marked = textLanguage(lang, locale);
  if (!marked.foreign) return text;
  return isEnglish(marked.lang) ? t('dataNotTranslatedQuote', text) : t('dataNotTranslatedQuoteIn', [languageName(marked.lang, locale), text]);
}
