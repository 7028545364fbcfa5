import { browser } from 'wxt/browser';
import { translateFrom, type I18n, type Messages, type Translate } from '@/components/translate-from';
import type { Language } from '@/lib/settings';

/**
 * The browser's own message lookup. WXT's generated types list only the `@@` keys; our keys
 * are checked instead by `MessageKey` (from the English messages file) and the locale test.
 */
export const browserTranslate: Translate = (key, substitutions) => browser.i18n.getMessage(key as '@@ui_locale', substitutions);

/**
 * Words for the chosen language: the browser's when "auto", else that locale's bundled
 * messages file (the browser API cannot switch language at run time).
 */
export async function loadI18n(language: Language): Promise<I18n> {
  if (language === 'auto') return { t: browserTranslate, locale: browser.i18n.getUILanguage() };
  try {
    const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'));
    return { t: translateFrom((await response.json()) as Messages), locale: language };
  } catch {
    return { t: browserTranslate, locale: browser.i18n.getUILanguage() };
  }
}

/**
 * The browser's language, with some words already at hand (the pill's, sent by the background):
 * those are used as given, any other key goes to the browser's lookup when first needed.
 */
export function i18nWithWords(words: Record<string, string>, language: Language = 'auto'): I18n {
  const known = translateFrom(Object.fromEntries(Object.entries(words).map(([key, message]) => [key, { message }])));
  return { t: (key, substitutions) => (Object.hasOwn(words, key) ? known(key, substitutions) : browserTranslate(key, substitutions)), locale: language === 'auto' ? browser.i18n.getUILanguage() : language };
}
