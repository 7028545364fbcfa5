import type { CexsEntryProblem, CexsRejectedEntry } from '../reserves/defillama';
import type { MessageKey, Translate } from './translate-from';

export const CEXS_ENTRY_KEYS: Record<CexsEntryProblem['code'], MessageKey> = {
  'not-object': 'cexsEntryNotObject',
  'no-name': 'cexsEntryNoName',
  'total-without-clean': 'cexsEntryTotalWithoutClean',
  'clean-without-total': 'cexsEntryCleanWithoutTotal',
  'clean-above-total': 'cexsEntryCleanAboveTotal',
  'not-a-number': 'cexsEntryNotNumber',
  'below-min': 'cexsEntryBelowMin',
  'above-max': 'cexsEntryAboveMax',
};

/** Why DefiLlama's `/cexs` entry was refused, as a clause (`radar status` prints it in English). */
export function cexsEntryProblemText(problem: CexsEntryProblem, t: Translate): string {
  switch (problem.code) {
    case 'clean-above-total':
      return t('cexsEntryCleanAboveTotal', [String(problem.clean), String(problem.total)]);
    case 'not-a-number':
      return t('cexsEntryNotNumber', [problem.field, problem.value]);
    case 'below-min':
      return t('cexsEntryBelowMin', [problem.field, String(problem.value), String(problem.min)]);
    case 'above-max':
      return t('cexsEntryAboveMax', [problem.field, String(problem.value), String(problem.max)]);
    default:
      return t(CEXS_ENTRY_KEYS[problem.code]);
  }
}

/** The entry's name, or its position in the list when it has none. */
export function cexsEntryName(entry: CexsRejectedEntry, t: Translate): string {
  return entry.name ?? t('cexsEntryAt', String(entry.index));
}
