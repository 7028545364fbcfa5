import type { RunSnoozeView } from '../../lib/view/run-alert-view';
import { formatDateTime } from '../../lib/words/format';
import { useLocale, useT } from '../../utils/i18n';
import { SnoozeList } from './SnoozeList';

export interface RunSnoozesProps {
  /** Run-alert snoozes in force; undefined until they load (or when they could not be read). */
  snoozes: RunSnoozeView[] | undefined;
  /** Lifts one; rejects when it was not lifted. */
  onRemove: (exchangeId: string) => Promise<unknown>;
}

/**
 * The run alerts muted from the popup ("Snooze this exchange's alerts for a week"), a section of its
 * own beside the cards hidden on exchange pages: a muted alert stays out of the badge and notifications, so the
 * user must be able to see it and turn it back on. A snooze lifted elsewhere (the popup) or lapsed takes its button
 * away: the focus then goes to the heading, not the page (SnoozeList.tsx).
 */
export function RunSnoozes({ snoozes, onRemove }: RunSnoozesProps) {
  const t = useT();
  const locale = useLocale();
  if (snoozes === undefined) return null;
  return (
    <SnoozeList
      name="run-snoozes"
      entries={snoozes.map((snooze) => ({ id: snooze.exchangeId, name: snooze.name, until: t('runSnoozedUntil', formatDateTime(snooze.snoozedUntil, locale)) }))}
      words={{ title: 'runSnoozesTitle', empty: 'runSnoozesEmpty', lift: 'runUnsnoozeFor', lifted: 'runSnoozeLifted', notLifted: 'runUnsnoozeFailed' }}
      lift={(id) =>
        onRemove(id).catch((error: unknown) => {
          console.error('[reserve-radar] run-alert snooze not lifted:', error);
          throw error;
        })
      }
      listLabelled
    />
  );
}
