import type { Settings } from '../../lib/settings';
import { formatDateTime } from '../../lib/words/format';
import { useLocale, useT } from '../../utils/i18n';
import { useLapseClock } from '../lapse-clock';
import { NotSavedStatus, type NotSaved } from './setting-change';
import { SnoozeList } from './SnoozeList';

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
  const entries = Object.entries(snoozes)
    .filter(([, snooze]) => snooze.until !== 'time' || snooze.endsAt > now)
    .map(([id, snooze]) => ({
      id,
      name: exchangeNames[id] ?? id,
      until: snooze.until === 'time' ? t('snoozedUntil', formatDateTime(new Date(snooze.endsAt).toISOString(), locale)) : t('snoozedUntilChange'),
    }));
  return (
    <SnoozeList
      name="snoozes"
      entries={entries}
      words={{ title: 'snoozesTitle', empty: 'snoozesEmpty', lift: 'snoozeRemove', lifted: 'snoozeLifted' }}
      lift={async (id) => {
        const { [id]: _removed, ...rest } = snoozes;
        // Not saved: the group says so itself (`notSaved`), and the entry stays.
        if (!(await onChange(rest, { key: 'snoozeRemoveFailed', values: [exchangeNames[id] ?? id] }))) throw new Error('snooze removal not saved');
      }}
    >
      <NotSavedStatus notSaved={notSaved} testId="snoozes-notice" />
    </SnoozeList>
  );
}
