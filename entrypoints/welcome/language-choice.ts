import { useRef, useState } from 'preact/hooks';
import type { Language } from '@/lib/settings';

export interface LanguageChoiceParameters {
  /** The stored setting the page opened with. */
  initial: Language;
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
 */
export function useLanguageChoice({ initial, show, save }: LanguageChoiceParameters): [Language, (language: Language) => Promise<boolean>] {
  const [language, setLanguage] = useState(initial);
  const stored = useRef(initial);
  const latest = useRef(initial);
  const choose = async (next: Language) => {
    latest.current = next;
    setLanguage(next);
    show(next);
    try {
      await save(next);
      stored.current = next;
      return true;
    } catch (error) {
      console.error('[reserve-radar] the language choice could not be saved', error);
      if (latest.current === next) {
        latest.current = stored.current;
        setLanguage(stored.current);
        show(stored.current);
      }
      return false;
    }
  };
  return [language, choose];
}
