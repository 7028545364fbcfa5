import { useRef } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { formatDateTime } from '../../lib/words/format';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { useFocusAfterRemove } from '../focus-after-remove';
import { useLapseClock } from '../lapse-clock';
import { RemovalStatus } from '../RemovalStatus';
import { NotSavedStatus, type NotSaved } from './setting-change';

export interface CardSnoozesProps {
  snoozes: Settings['snoozes'];
  exchangeNames: Record<string, string>;
  /** Stores the snoozes without the removed one; resolves false when that was not saved (the group then says so). */
  onChange: (snoozes: Settings['snoozes'], failed: NotSaved) => Promise<boolean>;
  notSaved: NotSaved | undefined;
}

/** The cards hidden on exchange pages ("Snooze" on the card) and not yet lapsed, each with a button that lifts the snooze. */
export function CardSnoozes({ snoozes, exchangeNames, onChange, notSaved }: CardSnoozesProps) {
  const t = useT();
  const locale = useLocale();
  // A card hidden until a set time shows again from then on (lib/view/nudge-policy.ts): it leaves the list at that time.
  const now = useLapseClock(Object.values(snoozes).flatMap((snooze) => (snooze.until === 'time' ? [snooze.endsAt] : [])));
  const entries = Object.entries(snoozes).filter(([, snooze]) => snooze.until !== 'time' || snooze.endsAt > now);
  const heading = useRef<HTMLHeadingElement>(null);
  const { container, removing, kept, said } = useFocusAfterRemove<HTMLDivElement>(
    entries.map(([id]) => id),
    (list) => list?.querySelector<HTMLElement>('[data-testid="snoozes-empty"]'),
    () => heading.current,
  );
  return (
    <section aria-labelledby="snoozes-title">
      <h2 id="snoozes-title" tabIndex={-1} ref={heading}>
        {t('snoozesTitle')}
      </h2>
      <div ref={container}>
        {entries.length === 0 ? (
          <p class="muted" tabIndex={-1} data-testid="snoozes-empty">
            {t('snoozesEmpty')}
          </p>
        ) : (
          <ul class="snoozes" data-testid="snoozes">
            {entries.map(([id, snooze], index) => (
              <li key={id}>
                <span>
                  {exchangeNames[id] ?? id}
                  {joiners(locale).colon}
                  {snooze.until === 'time' ? t('snoozedUntil', formatDateTime(new Date(snooze.endsAt).toISOString(), locale)) : t('snoozedUntilChange')}
                </span>{' '}
                <button
                  type="button"
                  class="ghost"
                  data-remove=""
                  onClick={() => {
                    const name = exchangeNames[id] ?? id;
                    removing(id, index, name, 'snoozeLifted');
                    const { [id]: _removed, ...rest } = snoozes;
                    void onChange(rest, { key: 'snoozeRemoveFailed', values: [name] }).then((saved) => {
                      if (!saved) kept(id);
                    });
                  }}
                >
                  {t('snoozeRemove', exchangeNames[id] ?? id)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <RemovalStatus said={said} testId="snoozes-removed" />
      <NotSavedStatus notSaved={notSaved} testId="snoozes-notice" />
    </section>
  );
}
