import { groupSources } from '../../lib/view/source-groups';
import { formatCount } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import type { MessageKey, Translate } from '../../lib/words/translate-from';
import type { SourceRow } from '../Options';

/** How many of the page's source rows were failing after a refresh, when any was. */
export interface RefreshFailed {
  failed: number;
  of: number;
}

/**
 * What "Refresh now" ended with, counted by the rows the page shows (the per-exchange answers are one
 * row): "finished" alone only when no row is failing, so the status line never reads as success over failures.
 */
export function refreshOutcome(rows: readonly SourceRow[] | undefined): MessageKey | RefreshFailed {
  const groups = groupSources(rows ?? []);
  const failed = groups.filter((group) => group.status === 'failing').length;
  return failed === 0 ? 'refreshDone' : { failed, of: groups.length };
}

/** "Refresh finished, but 1 of 4 sources failed; we keep its last good data." */
export function refreshFailedText({ failed, of }: RefreshFailed, t: Translate, locale: string): string {
  // The page always has several rows (the feed, DefiLlama's totals, prices, per-exchange answers), so "all" is never one.
  if (failed === of) return t('refreshDoneAllFailed', formatCount(of, locale));
  return pluralText(failed, { one: 'refreshDoneSomeFailedOne', other: 'refreshDoneSomeFailed' }, t, locale, [formatCount(failed, locale), formatCount(of, locale)]);
}
