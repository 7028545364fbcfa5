import type { I18n } from '@/utils/i18n';
import type { Language } from '@/lib/settings';
import { send } from '@/utils/send';
import { browser } from 'wxt/browser';
import { browserTranslate, i18nFromMessages } from '@/utils/translate';
import type { PageWords } from '@/lib/view/page-state';

/**
 * The words for the card and the in-page warnings, loaded once per language setting for this page, in that setting's
 * language (the setting may change while the page is open). This
 * script may not read the extension's files (that needs web_accessible_resources, which lets any
 * page detect the extension), so a chosen language's words come from the background over the
 * extension's own message channel, which the page cannot see. A load that failed is not kept: the next
 * question for that language asks again.
 */
export function pageWordsLoader(): (language: Language) => Promise<I18n> {
  const held = new Map<Language, Promise<I18n>>();
  return (language) => {
    let words = held.get(language);
    if (words === undefined) {
      words = load(language, () => held.delete(language));
      held.set(language, words);
    }
    return words;
  };
}

/**
 * The background decides where the words come from (lib/locales.ts `resolveLocale`), so this
 * script carries no language rules: it gets the words, or word that the browser's own lookup
 * reads the same file.
 */
async function load(language: Language, failed: () => void): Promise<I18n> {
  try {
    return i18nFromPageWords(await send({ type: 'page-words', language }));
  } catch {
    failed();
    // No answer (the worker stopped while answering, or the extension was reloaded under this page): the browser's own words rather than none.
    return { t: browserTranslate, locale: browser.i18n.getUILanguage() };
  }
}

/** The words of a page-words answer (or its stored copy, first-paint-view-card.ts) as the card reads them. */
export function i18nFromPageWords({ locale, messages }: PageWords): I18n {
  return messages === undefined ? { t: browserTranslate, locale } : i18nFromMessages(messages, locale);
}
