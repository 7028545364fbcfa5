import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { I18n, MessageKey } from '@/lib/words/translate-from';
import type { Language, Settings } from '@/lib/settings';
import { loadI18n } from './translate';
import { followStoredSettings } from './stored-settings';

export interface PageWordsParameters {
  language: Language;
  i18n: I18n;
  /** The page's title, said in its words. */
  title: MessageKey;
  /** Where a language's words come from; the extension's own files unless a test says otherwise. */
  load?: (language: Language) => Promise<I18n>;
}

/**
 * An extension page's words and the way to change their language. Words load asynchronously, and
 * quick changes (arrowing through the language radios fires one per choice) can be answered out of
 * order: only the latest language asked for is ever shown, so the page never stays in a language
 * its picker no longer shows. The page's `lang` and title follow in the same draw as the words (a layout effect), so
 * a screen reader never meets the new words under the old language.
 */
export function usePageWords({ language, i18n: initial, title, load = loadI18n }: PageWordsParameters): [I18n, (language: Language) => void] {
  const [i18n, setI18n] = useState(initial);
  const wanted = useRef(language);
  const show = useCallback(
    (next: Language) => {
      if (next === wanted.current) return;
      wanted.current = next;
      load(next).then(
        (words) => {
          if (wanted.current === next) setI18n(words);
        },
        (error: unknown) => console.error('[reserve-radar] the words for this language could not be loaded', error),
      );
    },
    [load],
  );
  useLayoutEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = i18n.t(title);
  }, [i18n, title]);
  return [i18n, show];
}

/**
 * An extension page's settings and words, both following a change made in the options page while the
 * page is open: the settings as stored, the words in the language they name (`followStoredSettings`).
 */
export function useWatchedSettings({ settings: initial, i18n, title }: { settings: Settings; i18n: I18n; title: MessageKey }): [Settings, I18n] {
  const [settings, setSettings] = useState(initial);
  const [words, showLanguage] = usePageWords({ language: initial.language, i18n, title });
  useEffect(
    () =>
      followStoredSettings((next) => {
        setSettings(next);
        showLanguage(next.language);
      }),
    [showLanguage],
  );
  return [settings, words];
}
