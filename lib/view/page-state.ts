import type { Settings } from '../settings';
import type { TabState } from './exchange-view';

/**
 * What the pill needs of the user's choices, cut to the exchange the page is on: the page's
 * script learns nothing about other exchanges (not their snoozes, not when they were visited).
 */
export type NudgeSettings = Pick<Settings, 'nudgePolicy' | 'autoExpandOnDanger' | 'language' | 'corner' | 'cornerChosen' | 'snoozes'>;

export interface NudgeContext {
  settings: NudgeSettings;
  /** When the pill was last shown on this exchange (ms since epoch), if ever. */
  lastShownAt?: number;
  /**
   * The collapsed pill's words in the user's language (the browser's, or the one chosen in the
   * options), placeholders left as `$1`….
   */
  words?: Record<string, string>;
}

/**
 * Every word of the user's language, for the exchange-page script's card and in-page warnings:
 * that script may not read the extension's files, so the background sends them.
 */
export interface PageWords {
  /** BCP 47 tag for `lang` and Intl. */
  locale: string;
  /**
   * The messages file's entries, as `translateFrom` reads them; absent when the browser's own
   * lookup reads the same file (the language follows the browser's), which the script then uses.
   */
  messages?: Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
}

/**
 * The background's answer to the exchange-page script: the tab's state plus, on an exchange,
 * the nudge's settings, so the page's script needs no storage reads and no schema code of
 * its own before the pill's first paint.
 */
export type PageState = TabState & { nudge?: NudgeContext };

export interface PageStateForParameters {
  state: TabState;
  /** Validated settings. */
  settings: Settings;
  /** When the pill was last shown, per exchange id. */
  seen: Record<string, number>;
  /** The pill's words in the user's language. */
  words?: Record<string, string> | undefined;
}

export function pageStateFor({ state, settings, seen, words }: PageStateForParameters): PageState {
  if (state.kind !== 'exchange') return state;
  const id = state.view.id;
  const snooze = Object.hasOwn(settings.snoozes, id) ? settings.snoozes[id] : undefined;
  const lastShownAt = Object.hasOwn(seen, id) ? seen[id] : undefined;
  return {
    ...state,
    nudge: {
      settings: {
        nudgePolicy: settings.nudgePolicy,
        autoExpandOnDanger: settings.autoExpandOnDanger,
        language: settings.language,
        corner: settings.corner,
        cornerChosen: settings.cornerChosen,
        snoozes: snooze === undefined ? {} : { [id]: snooze },
      },
      ...(typeof lastShownAt === 'number' ? { lastShownAt } : {}),
      ...(words !== undefined ? { words } : {}),
    },
  };
}
