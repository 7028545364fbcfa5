import { browser } from 'wxt/browser';
import type { I18n, MessageKey, Messages, Translate } from '@/lib/words/translate-from';
import { PILL_WORDS } from '@/lib/words/pill-words';
import type { Language } from '@/lib/settings';
import type { PageWords } from '@/lib/view/page-state';
import { browserTranslate, fetchMessages, i18nFromMessages, wordsSource } from '@/utils/translate';
import { deletedSince, deleteMark } from './delete-everything';

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

/**
 * The pill's words in the user's language, placeholders left as `$1`… as the browser's lookup leaves them. `asked`: the
 * delete count (./delete-everything.ts `deleteMark`) taken before `language` was read from the settings; words for a
 * setting "Delete everything" cleared since are handed out but not kept for the session.
 */
export async function chosenWords(language: Language, asked: number): Promise<Record<string, string>> {
  const words = await keptWords(language, asked);
  return Object.fromEntries(PILL_WORDS.map((key) => [key, words[key] as string]));
}

/**
 * The balance line's sentences (lib/words/balance-nudge-text.ts), from the same kept words: each is
 * a fixed sentence without placeholders, and every key it asks for is kept (holdings.test.ts). `asked` as for `chosenWords`.
 */
export async function balanceTranslate(language: Language, asked: number): Promise<Translate> {
  const words = await keptWords(language, asked);
  return (key, substitutions) => (substitutions === undefined && Object.hasOwn(words, key) ? (words[key] as string) : browserTranslate(key, substitutions));
}

/** Every word the first answer may need: the pill's, and the balance line's fixed sentences. */
const KEPT_WORDS: readonly MessageKey[] = [...PILL_WORDS, 'balanceOverCap', 'balanceOverShare', 'balanceRisky_caution', 'balanceRisky_danger'];

/**
 * The session's entry names the language setting: worded from a setting read before a "Delete everything" (`asked`, taken before
 * the caller's read, which may be long before the words are looked up: a held copy, or a read beside the page's other questions),
 * it is not kept for the session after it.
 */
async function keptWords(language: Language, asked: number): Promise<Record<string, string>> {
  const source = wordsSource(language);
  const { tag } = source;
  const held = heldWords.get(language);
  if (held?.tag === tag && !deletedSince(held.asked)) return held.words;
  const kept = await sessionWords(language, tag);
  if (kept !== undefined) return kept;
  const { t } = await i18nFor(language);
  const words = Object.fromEntries(KEPT_WORDS.map((key) => [key, t(key, ['$1', '$2', '$3'])]));
  // Kept only when worded from the right source (not the fallback of a file that failed to load).
  if (
    source.kind === 'browser' ||
    (await messagesFor(source.id).then(
      () => true,
      () => false,
    ))
  ) {
    const entry: SessionWords = { language, tag, words };
    // The check and the write in one step (delete-everything.ts); held only when written, or they would never be written.
    if (!deletedSince(asked)) {
      heldWords.set(language, { tag, words, asked });
      void sessionStorage()
        ?.set({ [SESSION_WORDS_KEY]: entry })
        .catch(() => undefined);
    }
  }
  return words;
}

/**
 * The pill's words (and the balance line's) are kept for the browser session (`storage.session`, which content scripts
 * cannot read in Chrome), so that a woken worker's first answer needs no word lookup: the
 * browser's first `i18n.getMessage` in a new process loads the whole messages file, several ms of
 * a first visit's wait (docs/performance.md). That storage is emptied when the browser restarts
 * and when the extension is reloaded or updated, the only times the browser's language or the
 * messages can change; the entry names the language setting and the locale it was worded for.
 */
const SESSION_WORDS_KEY = 'pillWords';
interface SessionWords {
  language: Language;
  tag: string;
  words: Record<string, string>;
}
/**
 * The session's words held in memory, so that only the first answer reads them, with the delete count taken before they
 * were written or read there: a "Delete everything" since emptied the session too, and the next answer words and writes them again.
 */
const heldWords = new Map<Language, { tag: string; words: Record<string, string>; asked: number }>();
let earlySessionRead: { read: Promise<Record<string, unknown>>; asked: number } | undefined;

/**
 * `storage.session`, or undefined where the browser has none: the words are then worded afresh, and
 * nothing the worker starts after this read is lost. The manifests' minimum versions all have the
 * session area; this guard keeps a browser that lies about its version from stopping the worker.
 */
function sessionStorage(): typeof browser.storage.session | undefined {
  return (browser.storage as Partial<typeof browser.storage>).session;
}

/** Asked for as the worker starts, beside the first answer's other reads. */
export function readSessionWordsEarly(): void {
  const read = sessionStorage()?.get(SESSION_WORDS_KEY);
  read?.catch(() => undefined);
  earlySessionRead = read === undefined ? undefined : { read, asked: deleteMark() };
}

async function sessionWords(language: Language, tag: string): Promise<Record<string, string> | undefined> {
  const { read, asked } = earlySessionRead ?? { asked: deleteMark(), read: sessionStorage()?.get(SESSION_WORDS_KEY) ?? Promise.resolve<Record<string, unknown>>({}) };
  earlySessionRead = undefined;
  const entry = (await read.catch((): Record<string, unknown> => ({})))[SESSION_WORDS_KEY] as Partial<SessionWords> | undefined;
  const words = entry?.words;
  if (entry?.language !== language || entry.tag !== tag || typeof words !== 'object' || words === null) return undefined;
  if (!KEPT_WORDS.every((key) => typeof words[key] === 'string')) return undefined;
  const kept = Object.fromEntries(KEPT_WORDS.map((key) => [key, words[key] as string]));
  heldWords.set(language, { tag, words: kept, asked });
  return kept;
}
