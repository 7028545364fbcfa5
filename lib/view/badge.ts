import type { RiskGrade, RiskLevel } from '../risk/order';
import type { TabState } from './exchange-view';
import type { RunCause } from './run-alert-view';

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
 * What a tab's badge says, as data: the one decision behind both the badge (`badgeOf`) and the
 * toolbar button's tooltip, which words it (lib/words/badge-title.ts). Undefined where the badge
 * is cleared. A verdict that can only be shown as "?" (unknown, or ok while incomplete) carries
 * no grade and no level but unknown, so neither the badge nor the tooltip can say A, B or ok.
 */
export type BadgeMeaning = { kind: 'lookalike'; imitates: string } | { kind: 'run-alert'; exchange: string; cause: RunCause } | VerdictMeaning;

type VerdictMeaning =
  | { kind: 'verdict'; exchange: string; level: 'unknown'; incomplete: false; grade?: undefined }
  | { kind: 'verdict'; exchange: string; level: 'ok'; incomplete: false; grade: RiskGrade }
  | { kind: 'verdict'; exchange: string; level: 'caution' | 'danger'; incomplete: boolean; grade: RiskGrade };

/**
 * Nothing off exchanges, "!" on a lookalike, the grade on an exchange. A run alert that is on (not
 * snoozed) overrides the grade. A verdict with a required figure missing is never shown ok: an
 * "ok" that claims to be incomplete anyway (the grade model forbids it) and unknown both mean "?".
 * Unknown keeps no grade: the grade model gives it only "?" (lib/risk/grade.property.test.ts),
 * and whatever grade one carried, the badge still shows "?", never a letter.
 */
export function badgeMeaning(state: TabState): BadgeMeaning | undefined {
  switch (state.kind) {
    case 'not-exchange':
      return undefined;
    case 'lookalike':
      return { kind: 'lookalike', imitates: state.imitates.name };
    case 'exchange': {
      const { name: exchange, runAlert, verdict } = state.view;
      if (runAlert?.active === true) return { kind: 'run-alert', exchange, cause: runAlert.cause };
      const { level, grade, incomplete } = verdict;
      if (level === 'unknown' || (level === 'ok' && incomplete)) return { kind: 'verdict', exchange, level: 'unknown', incomplete: false };
      if (level === 'ok') return { kind: 'verdict', exchange, level, incomplete: false, grade };
      return { kind: 'verdict', exchange, level, incomplete, grade };
    }
  }
}

/**
 * The badge that shows a meaning. A caution with a required figure missing reads "D?" in the
 * caution colour: the letter is what the known figures show, the "?" that the verdict is
 * incomplete. Danger stays "F", already the worst there is; unknown is a grey "?".
 */
export function badgeOf(meaning: BadgeMeaning | undefined): Badge {
  if (meaning === undefined) return { text: '', color: LEVEL_COLORS.unknown };
  switch (meaning.kind) {
    case 'lookalike':
      return { text: '!', color: LEVEL_COLORS.danger };
    case 'run-alert':
      return RUN_ALERT_BADGE;
    case 'verdict':
      if (meaning.level === 'unknown') return { text: '?', color: LEVEL_COLORS.unknown };
      return { text: meaning.level === 'caution' && meaning.incomplete ? `${meaning.grade}?` : meaning.grade, color: LEVEL_COLORS[meaning.level] };
  }
}

/** The toolbar badge for a tab: what its meaning shows. */
export function badgeFor(state: TabState): Badge {
  return badgeOf(badgeMeaning(state));
}
