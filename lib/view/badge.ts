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

/** The toolbar badge for a tab: empty off exchanges, the grade on one, "!" on a lookalike. */
export function badgeFor(state: TabState): Badge {
  switch (state.kind) {
    case 'not-exchange':
      return { text: '', color: LEVEL_COLORS.unknown };
    case 'lookalike':
      return { text: '!', color: LEVEL_COLORS.danger };
    case 'exchange': {
      const { level, grade } = state.view.verdict;
      return { text: grade, color: LEVEL_COLORS[level] };
    }
  }
}
