import { useRef } from 'preact/hooks';
import type { RunSnoozeView } from '../../lib/view/run-alert-view';
import { formatDateTime } from '../../lib/words/format';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { useFocusAfterRemove } from '../focus-after-remove';
import { RemovalStatus } from '../RemovalStatus';

export interface RunSnoozesProps {
  /** Run-alert snoozes in force; undefined until they load (or when they could not be read). */
  snoozes: RunSnoozeView[] | undefined;
  /** Lifts one; rejects when it was not lifted. */
  onRemove: (exchangeId: string) => Promise<unknown>;
}

/**
 * The run alerts muted from the popup ("Snooze this exchange's alerts for a week"), a section of its
 * own beside the cards hidden on exchange pages: a muted alert stays out of the badge and notifications, so the
 * user must be able to see it and turn it back on.
 */
export function RunSnoozes({ snoozes, onRemove }: RunSnoozesProps) {
  const t = useT();
  const locale = useLocale();
  // A snooze lifted elsewhere (the popup) or lapsed takes its button away: the focus then goes to the heading, not the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    (snoozes ?? []).map((snooze) => snooze.exchangeId),
    (list) => list?.querySelector<HTMLElement>('[data-testid="run-snoozes-empty"]'),
    () => heading.current,
  );
  if (snoozes === undefined) return null;
  return (
    <section aria-labelledby="run-snoozes-title">
      <h2 id="run-snoozes-title" tabIndex={-1} ref={heading}>
        {t('runSnoozesTitle')}
      </h2>
      <div ref={container}>
        {snoozes.length === 0 ? (
          <p class="muted" tabIndex={-1} data-testid="run-snoozes-empty">
            {t('runSnoozesEmpty')}
          </p>
        ) : (
          <ul class="snoozes" aria-labelledby="run-snoozes-title" data-testid="run-snoozes">
            {snoozes.map((snooze, index) => (
              <li key={snooze.exchangeId}>
                <span>
                  {snooze.name}
                  {joiners(locale).colon}
                  {t('runSnoozedUntil', formatDateTime(snooze.snoozedUntil, locale))}
                </span>{' '}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  onClick={() => {
                    removing(snooze.exchangeId, index, snooze.name, 'runSnoozeLifted');
                    onRemove(snooze.exchangeId).catch((error: unknown) => {
                      console.error('[reserve-radar] run-alert snooze not lifted:', error);
                      kept(snooze.exchangeId, { key: 'runUnsnoozeFailed', args: [snooze.name] });
                    });
                  }}
                >
                  {t('runUnsnoozeFor', snooze.name)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <RemovalStatus said={said} testId="run-snoozes-removed" />
    </section>
  );
}
