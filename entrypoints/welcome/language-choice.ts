import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '@/lib/settings';

export interface LanguageChoiceParameters {
  /** The stored setting the page opened with. */
  initial: Language;
  /**
   * Calls `report` each time storage reports a change of the settings (another page, the options, may change the
   * language); returns the way to stop. What a report says is not taken: it may be late, or an earlier pick's.
   */
  watch: (report: () => void) => () => void;
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
 * A change stored elsewhere is shown too, picker and words. The browser may report a write after
 * the write's promise resolves, so a report of the page's own earlier pick can come at any time:
 * a report is never taken at its word. While no pick of the page's own is being stored, each report
 * (and the start of watching, for a change made while the page was loading) has the setting read
 * and shown; once its picks are stored the page reads it too. Only the latest read counts: one that
 * a newer report or pick overtook is dropped.
 */
export function useLanguageChoice({ initial, watch, read, show, save }: LanguageChoiceParameters): [Language, (language: Language) => Promise<boolean>] {
  const [language, setLanguage] = useState(initial);
  const kept = useRef(initial);
  const latest = useRef(initial);
  const saving = useRef(0);
  const turn = useRef(0);
  const showStored = (next: Language) => {
    kept.current = latest.current = next;
    setLanguage(next);
    show(next);
  };
  const readAndShow = async () => {
    const mine = ++turn.current;
    const now = await read().catch(() => undefined);
    if (now !== undefined && mine === turn.current && saving.current === 0 && now !== latest.current) showStored(now);
  };
  useEffect(() => {
    const stop = watch(() => {
      if (saving.current === 0) void readAndShow();
      else turn.current++;
    });
    void readAndShow();
    return stop;
  }, []);
  const choose = async (next: Language) => {
    latest.current = next;
    turn.current++;
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
      if (--saving.current === 0) await readAndShow();
    }
  };
  return [language, choose];
}
