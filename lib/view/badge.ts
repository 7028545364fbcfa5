import type { RiskLevel } from '../risk/order';
import type { TabState } from './exchange-view';

export interface Badge {
  text: string;
  /** Background colour, chosen for contrast with white badge text. */
  color: string;
}

/** One colour per level, shared by the badge and the on-page pill. */
export const LEVEL_COLORS: Readonly<Record<RiskLevel, string>> = {
  ok: '#1e7b34',
  caution: '#8a5a00',
  danger: '#b3261e',
  unknown: '#5f6368',
};

/** The badge of a run alert: on the exchange's pages, and everywhere for an exchange the user keeps money on. */
export const RUN_ALERT_BADGE: Badge = { text: '!', color: LEVEL_COLORS.danger };

/**
 * The toolbar badge for a tab: empty off exchanges, the grade on one, "!" on a lookalike.
 * A caution verdict with a required figure missing reads "D?" in the caution colour: the letter is
 * what the known figures show, the "?" that the verdict is incomplete. Danger stays "F", already
 * the worst there is, and unknown stays "?"; no incomplete verdict can show A, B or green.
 * A run alert that is on (not snoozed) overrides all of it: a red "!", whatever the grade.
 */
export function badgeFor(state: TabState): Badge {
  switch (state.kind) {
    case 'not-exchange':
      return { text: '', color: LEVEL_COLORS.unknown };
    case 'lookalike':
      return { text: '!', color: LEVEL_COLORS.danger };
    case 'exchange': {
      if (state.view.runAlert?.active === true) return RUN_ALERT_BADGE;
      const { level, grade, incomplete } = state.view.verdict;
      if (level === 'caution' && incomplete) return { text: `${grade}?`, color: LEVEL_COLORS.caution };
      // Fail closed on a verdict that claims ok while incomplete: the grade model forbids it, the badge does not trust it.
      if (level === 'ok' && incomplete) return { text: '?', color: LEVEL_COLORS.unknown };
      return { text: grade, color: LEVEL_COLORS[level] };
    }
  }
}

/**
 * What a tab's badge says, as data, for the toolbar button's tooltip to word
 * (lib/words/badge-title.ts); undefined where the badge is cleared. It follows `badgeFor`
 * branch for branch: the tooltip never says more than the badge shows.
 */
export type BadgeMeaning =
  | { kind: 'lookalike'; imitates: string }
  | { kind: 'run-alert'; exchange: string }
  | { kind: 'verdict'; exchange: string; level: RiskLevel; incomplete: boolean; grade?: string };

export function badgeMeaning(state: TabState): BadgeMeaning | undefined {
  switch (state.kind) {
    case 'not-exchange':
      return undefined;
    case 'lookalike':
      return { kind: 'lookalike', imitates: state.imitates.name };
    case 'exchange': {
      const { name, runAlert, verdict } = state.view;
      if (runAlert?.active === true) return { kind: 'run-alert', exchange: name };
      const { level, grade, incomplete } = verdict;
      // The badge's "?": an incomplete "ok" is shown as unknown, and unknown has no grade to name.
      if (level === 'unknown' || (level === 'ok' && incomplete)) return { kind: 'verdict', exchange: name, level: 'unknown', incomplete: false };
      return { kind: 'verdict', exchange: name, level, incomplete, grade };
    }
  }
}
