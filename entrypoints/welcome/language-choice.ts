import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '@/lib/settings';

export interface LanguageChoiceParameters {
  /** The stored setting the page opened with. */
  initial: Language;
  /** The stored setting now, followed while the page is open: another page (the options) may change it. */
  stored: Language;
  /** Reads the stored setting. */
  read: () => Promise<Language>;
  /** Puts the page in a language's words (`usePageWords`). */
  show: (language: Language) => void;
  /** Stores the setting; rejects when the browser cannot. */
  save: (language: Language) => Promise<unknown>;
}

/**
 * The welcome page's language choice. A pick is shown at once, and stored; if storing fails, the
 * page goes back to the last language that was stored, since every other page would open in that
 * one, and the choice resolves false for the page to say so. A failure of a pick the user has
 * since changed leaves the newer pick alone.
 *
 * A change stored elsewhere is shown too, picker and words. While a pick of the page's own is
 * being stored, what storage reports may be the page's own earlier picks coming back, so the
 * page waits, and once its picks are stored reads the setting and shows it if it is not the last pick.
 */
export function useLanguageChoice({ initial, stored, read, show, save }: LanguageChoiceParameters): [Language, (language: Language) => Promise<boolean>] {
  const [language, setLanguage] = useState(initial);
  const kept = useRef(initial);
  const latest = useRef(initial);
  const saving = useRef(0);
  const showStored = (next: Language) => {
    kept.current = latest.current = next;
    setLanguage(next);
    show(next);
  };
  useEffect(() => {
    if (saving.current === 0 && stored !== latest.current) showStored(stored);
  }, [stored]);
  const choose = async (next: Language) => {
    latest.current = next;
    setLanguage(next);
    show(next);
    saving.current++;
    try {
      await save(next);
      kept.current = next;
      return true;
    } catch (error) {
      console.error('[reserve-radar] the language choice could not be saved', error);
      if (latest.current === next) showStored(kept.current);
      return false;
    } finally {
      if (--saving.current === 0) {
        const now = await read().catch(() => latest.current);
        if (saving.current === 0 && now !== latest.current) showStored(now);
      }
    }
  };
  return [language, choose];
}
