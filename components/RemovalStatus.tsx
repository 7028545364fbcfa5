import './removal-status.css';
import { useT } from '../utils/i18n';
import type { RemovalSaid } from './focus-after-remove';

/**
 * A list's polite live region for `useFocusAfterRemove`'s words. It is in the page, empty, before anything is removed
 * (a region that appears with its words is often not read), and each removal's words are a new text node, so a second
 * "Removed BTC." is read again. A removal that failed is shown as well as read: the entry is still there, and why must be seen.
 */
export function RemovalStatus({ said, testId }: { said: RemovalSaid | undefined; testId: string }) {
  const t = useT();
  return (
    <p role="status" class={said?.failedId === undefined ? 'visually-hidden' : 'removal-failed'} data-testid={testId}>
      {said !== undefined && <span key={said.count}>{t(said.key, said.args)}</span>}
    </p>
  );
}
