import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SubscriptionRow } from '@/components/Options';
import { watchWarningLists } from '@/utils/warning-lists-watch';

export interface SubscriptionsState {
  /** Undefined until the first read answers. */
  subscriptions: SubscriptionRow[] | undefined;
  /** The latest read failed: the rows shown before stay, and the section says so. */
  failed: boolean;
  /** Shows the rows `asked` answers (an unsubscribe answers them); never rejects. */
  show: (asked: Promise<SubscriptionRow[]>) => Promise<void>;
  /** Reads the rows again; never rejects. */
  reload: () => Promise<void>;
}

/**
 * The options page's warning-list rows, read from the background with `read` at once, again by `reload`, and after
 * each change of the stored subscriptions: a list subscribed or unsubscribed on another options page, or one whose
 * state a check changed (failing, expired, a newer list), shows here without a reload. Only the latest asked is
 * drawn: an older answer that comes later would put back a list since removed.
 */
export function useSubscriptions(read: () => Promise<SubscriptionRow[]>): SubscriptionsState {
  const [subscriptions, setSubscriptions] = useState<SubscriptionRow[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const asks = useRef(0);
  const show = useCallback(async (asked: Promise<SubscriptionRow[]>) => {
    const ask = ++asks.current;
    try {
      const rows = await asked;
      if (ask !== asks.current) return;
      setSubscriptions(rows);
      setFailed(false);
    } catch (error) {
      console.error('[reserve-radar] the warning lists could not be read', error);
      if (ask === asks.current) setFailed(true);
    }
  }, []);
  const reload = useCallback(() => show(read()), [show, read]);
  useEffect(() => {
    void reload();
    return watchWarningLists(() => void reload());
  }, [reload]);
  return { subscriptions, failed, show, reload };
}
