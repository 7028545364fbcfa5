import type { I18n, Messages } from '@/lib/words/translate-from';
import { PILL_WORDS } from '@/lib/words/pill-words';
import type { Language } from '@/lib/settings';
import type { PageWords } from '@/lib/view/page-state';
import { browserTranslate, fetchMessages, i18nFromMessages, wordsSource } from '@/utils/translate';

/**
 * The user's words in the background: for its own sentences (the pill's balance line, the
 * reminder), for the stored first paint, and for the exchange-page script, which may not read the
 * extension's files (that would take web_accessible_resources, which any page can probe to learn
 * that the extension is installed; docs/security.md) and asks here instead.
 */

const i18nCache = new Map<Language, Promise<I18n>>();

/** The words in the user's chosen language, loaded once per language while the worker lives. */
export function i18nFor(language: Language): Promise<I18n> {
  let cached = i18nCache.get(language);
  if (cached === undefined) {
    const source = wordsSource(language);
    cached =
      source.kind === 'browser'
        ? Promise.resolve({ t: browserTranslate, locale: source.tag })
        : messagesFor(source.id).then(
            (messages) => i18nFromMessages(messages, source.tag),
            // The browser's own words rather than none; tried again on the next call.
            () => {
              i18nCache.delete(language);
              return { t: browserTranslate, locale: source.tag };
            },
          );
    i18nCache.set(language, cached);
  }
  return cached;
}

const messagesCache = new Map<string, Promise<Messages>>();

/** A locale's messages without the translators' descriptions (half the file), once per locale; a failed load is tried again next time. */
function messagesFor(id: string): Promise<Messages> {
  let cached = messagesCache.get(id);
  if (cached === undefined) {
    cached = fetchMessages(id).then((file) =>
      Object.fromEntries(Object.entries(file).map(([key, { message, placeholders }]) => [key, placeholders === undefined ? { message } : { message, placeholders }])),
    );
    cached.catch(() => messagesCache.delete(id));
    messagesCache.set(id, cached);
  }
  return cached;
}

/**
 * Every word of the user's language, for the exchange-page script's card and warnings; none when
 * the browser's own lookup, which that script has, reads the same file.
 */
export async function pageWordsFor(language: Language): Promise<PageWords> {
  const source = wordsSource(language);
  return source.kind === 'browser' ? { locale: source.tag } : { locale: source.tag, messages: await messagesFor(source.id) };
}

/** The pill's words in the user's language, placeholders left as `$1`… as the browser's lookup leaves them. */
export async function chosenWords(language: Language): Promise<Record<string, string>> {
  const { t } = await i18nFor(language);
  return Object.fromEntries(PILL_WORDS.map((key) => [key, t(key, ['$1', '$2', '$3'])]));
}
