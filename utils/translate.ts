import { browser } from 'wxt/browser';
import { translateFrom, type I18n, type Messages, type Translate } from '@/lib/words/translate-from';
import { availableLocales } from '@/utils/locales';
import { browserLocale, DEFAULT_LOCALE, resolveLocale } from '@/lib/locales';
import type { Language } from '@/lib/settings';

/**
 * The browser's own message lookup. WXT's generated types list only the `@@` keys; our keys
 * are checked instead by `MessageKey` (from the English messages file) and the locale test.
 */
export const browserTranslate: Translate = (key, substitutions) => browser.i18n.getMessage(key as '@@ui_locale', substitutions);

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Where the words for a language setting come from: the browser's own lookup when it reads the
 * same file (`auto`, and the browser's language is one we have, the usual case: no file to
 * load), else that locale's messages file, loaded by whoever may read it (extension pages and
 * the background fetch it; the exchange-page script asks the background).
 */
export type WordsSource = { kind: 'browser'; id: string; tag: string } | { kind: 'file'; id: string; tag: string };

export function wordsSource(language: Language): WordsSource {
  const ui = uiLanguage();
  const { id, tag } = resolveLocale({ language, uiLanguage: ui, available: availableLocales });
  // A chosen language always loads its file: how a browser picks its own file differs (Firefox
  // negotiates `pt-PT` to `pt_BR`, Chrome does not), so only "auto" may trust it.
  const followsBrowser = language === 'auto' || !availableLocales.some((entry) => entry.id === language);
  return followsBrowser && browserLocale(ui, availableLocales) === id ? { kind: 'browser', id, tag } : { kind: 'file', id, tag };
}

/** A locale's messages file, from the extension's own files (extension pages and the background only). */
export async function fetchMessages(id: string): Promise<Messages> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${id}/messages.json` as '/popup.html'));
  if (!response.ok) throw new Error(`no messages file for ${id} (${response.status})`);
  return (await response.json()) as Messages;
}

/**
 * The words of a messages file; a key the file lacks (a translation behind the English one) comes
 * from the browser's lookup rather than as a blank.
 */
export function i18nFromMessages(messages: Messages, tag: string): I18n {
  const fromFile = translateFrom(messages);
  return { t: (key, substitutions) => (Object.hasOwn(messages, key) ? fromFile(key, substitutions) : browserTranslate(key, substitutions)), locale: tag };
}

/** Words for the user's language setting, in an extension page or the background. */
export async function loadI18n(language: Language): Promise<I18n> {
  const source = wordsSource(language);
  if (source.kind === 'browser') return { t: browserTranslate, locale: source.tag };
  try {
    return i18nFromMessages(await fetchMessages(source.id), source.tag);
  } catch {
    return { t: browserTranslate, locale: uiLanguage() };
  }
}

/**
 * Some words already at hand (the pill's, sent by the background), used as given; any other key
 * goes to `rest` when given, else to the browser's lookup, whose first call in a page loads the
 * whole messages file (a blocking call): the collapsed pill never makes it. The language tag is
 * `rest`'s, else empty (it comes later, with the rest).
 */
export function i18nWithWords(words: Record<string, string>, rest?: I18n): I18n {
  const known = translateFrom(Object.fromEntries(Object.entries(words).map(([key, message]) => [key, { message }])));
  const other = rest?.t ?? browserTranslate;
  return { t: (key, substitutions) => (Object.hasOwn(words, key) ? known(key, substitutions) : other(key, substitutions)), locale: rest?.locale ?? '' };
}
