import type { I18n } from '@/components/i18n';
import type { Language } from '@/lib/settings';
import { send } from '@/utils/send';
import { browserTranslate, i18nFromMessages, wordsSource } from '@/utils/translate';

/**
 * The words for the card and the in-page warnings, loaded once per language for this page. This
 * script may not read the extension's files (that needs web_accessible_resources, which lets any
 * page detect the extension), so a chosen language's words come from the background over the
 * extension's own message channel, which the page cannot see.
 */
export function pageWordsLoader(): (language: Language) => Promise<I18n> {
  const held = new Map<Language, Promise<I18n>>();
  return (language) => {
    let words = held.get(language);
    if (words === undefined) {
      words = load(language);
      held.set(language, words);
    }
    return words;
  };
}

async function load(language: Language): Promise<I18n> {
  const source = wordsSource(language);
  if (source.kind === 'browser') return { t: browserTranslate, locale: source.tag };
  try {
    const { locale, messages } = await send({ type: 'page-words' });
    return i18nFromMessages(messages, locale);
  } catch {
    // The extension was reloaded under this page: the browser's own words rather than none.
    return { t: browserTranslate, locale: source.tag };
  }
}
