import { groupSources } from '../../lib/view/source-groups';
import { formatCount } from '../../lib/words/format';
import { pluralText } from '../../lib/words/plural';
import type { MessageKey, Translate } from '../../lib/words/translate-from';
import type { SourceRow } from '../Options';

/** How many of the page's source rows failed in a refresh, when any did, and what the failed ones fall back on. */
export interface RefreshFailed {
  failed: number;
  of: number;
  /** `last`: each failed row keeps its last good data; `bundled`: none had any, so the data that came with the extension is used; `mixed`: some of each. */
  kept: 'last' | 'bundled' | 'mixed';
}

/**
 * Whether the row's last attempt failed. A failure does not make a row "failing" while its last success
 * is recent (schedule.ts statusAt), but it leaves its reason on the row until a success clears it.
 */
const lastAttemptFailed = (row: SourceRow): boolean => row.status === 'failing' || row.lastFetchFailure !== undefined || row.lastFeedFailure !== undefined || row.lastAnswerFailure !== undefined;

/**
 * What "Refresh now" ended with, counted by the rows the page shows (the per-exchange answers are one
 * row): "finished" alone only when no row failed, so the status line never reads as success over failures.
 * No rows at all means the background did not answer: that is an error, not a finished refresh.
 */
export function refreshOutcome(rows: readonly SourceRow[] | undefined): MessageKey | RefreshFailed {
  if (rows === undefined) return 'errorBackground';
  const groups = groupSources(rows);
  const failedRows = groups.flatMap((group) => group.members.filter(lastAttemptFailed));
  const failed = groups.filter((group) => group.members.some(lastAttemptFailed)).length;
  if (failed === 0) return 'refreshDone';
  // A /cexs row that never answered itself may still show totals fetched with the feed: that is kept data too.
  const withData = failedRows.filter((row) => row.lastSuccess !== undefined || row.heldFetched === true).length;
  const kept = withData === failedRows.length ? 'last' : withData === 0 ? 'bundled' : 'mixed';
  return { failed, of: groups.length, kept };
}

/** "Refresh finished, but 1 of 4 sources failed; we keep its last good data." */
export function refreshFailedText({ failed, of, kept }: RefreshFailed, t: Translate, locale: string): string {
  const counts = [formatCount(failed, locale), formatCount(of, locale)];
  // "Some kept, some bundled" needs two failed rows, so its count is never the "one" form.
  if (kept === 'mixed') return t('refreshDoneFailedMixed', counts);
  // The page always has several rows (the feed, DefiLlama's totals, prices, per-exchange answers), so "all" is never one.
  if (failed === of) return t(kept === 'last' ? 'refreshDoneAllFailed' : 'refreshDoneAllFailedBundled', formatCount(of, locale));
  const keys =
    kept === 'last' ? ({ one: 'refreshDoneSomeFailedOne', other: 'refreshDoneSomeFailed' } as const) : ({ one: 'refreshDoneSomeFailedBundledOne', other: 'refreshDoneSomeFailedBundled' } as const);
  return pluralText(failed, keys, t, locale, counts);
}
