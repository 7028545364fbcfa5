import type { TabState } from './exchange-view';

export interface Badge {
  text: string;
  /** Background colour, chosen for contrast with white badge text. */
  color: string;
}

/** The toolbar badge for a tab: empty off exchanges, "!" on a lookalike. */
export function badgeFor(state: TabState): Badge {
  switch (state.kind) {
    case 'not-exchange':
      return { text: '', color: '#5f6368' };
    case 'lookalike':
      return { text: '!', color: '#b3261e' };
    case 'exchange': {
      const { status, por } = state.view;
      if (status.kind !== 'operating') return { text: '✕', color: '#b3261e' };
      if (por === undefined) return { text: '?', color: '#5f6368' };
      if (por.method === 'none') return { text: '–', color: '#8a5a00' };
      return { text: 'PoR', color: '#1a5fb4' };
    }
  }
}
