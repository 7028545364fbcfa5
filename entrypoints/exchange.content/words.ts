import type { I18n } from '@/utils/i18n';
import type { Language } from '@/lib/settings';
import { send } from '@/utils/send';
import { browser } from 'wxt/browser';
import { browserTranslate, i18nFromMessages } from '@/utils/translate';
import type { PageWords } from '@/lib/view/page-state';

/** The wait before words that got no answer are asked for once more. */
const WORDS_RETRY_MS = 500;

/**
 * The words for the card and the in-page warnings, loaded once per language setting for this page, in that setting's
 * language (the setting may change while the page is open). This
 * script may not read the extension's files (that needs web_accessible_resources, which lets any
 * page detect the extension), so a chosen language's words come from the background over the
 * extension's own message channel, which the page cannot see. A load that got no answer is asked once more after
 * `WORDS_RETRY_MS`; one that failed twice is not kept: the next question for that language asks again.
 *
 * Two loaders over the same words: the first answers a failed load with the browser's own words rather than none
 * (no answer: the worker stopped while answering, or the extension was reloaded under this page); the second answers
 * it with undefined, for a page that keeps the words it shows until the new ones come.
 */
export function pageWordsLoader(): PageWordsLoader {
  const held = new Map<Language, Promise<I18n | undefined>>();
  const load = (language: Language) => {
    let words = held.get(language);
    if (words === undefined) {
      // The background decides where the words come from (lib/locales.ts `resolveLocale`), so this script carries no
      // language rules: it gets the words, or word that the browser's own lookup reads the same file.
      const ask = () => send({ type: 'page-words', language });
      words = ask()
        // Asked once more, a moment later (a worker stopped while answering, or was starting): the card is not left in the
        // browser's words beside the pill's own until the background next answers. Twice at most, never a loop.
        .catch(() => new Promise((retry) => setTimeout(retry, WORDS_RETRY_MS)).then(ask))
        .then(i18nFromPageWords)
        .catch(() => void held.delete(language));
      held.set(language, words);
    }
    return words;
  };
  return [async (language) => (await load(language)) ?? browserWords(), load];
}

/** Both loaders, handed on together so a part that keeps its words picks the one answering `undefined` itself. */
export type PageWordsLoader = readonly [(language: Language) => Promise<I18n>, (language: Language) => Promise<I18n | undefined>];

/** The browser's own words, for words that did not come. */
export const browserWords = (): I18n => ({ t: browserTranslate, locale: browser.i18n.getUILanguage() });

/** The words of a page-words answer (or its stored copy, first-paint-view-card.ts) as the card reads them. */
export function i18nFromPageWords({ locale, messages }: PageWords): I18n {
  return messages === undefined ? { t: browserTranslate, locale } : i18nFromMessages(messages, locale);
}
