import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SubscriptionRow } from '@/components/Options';
import { watchWarningLists } from '@/utils/warning-lists-watch';

export interface SubscriptionsState {
  /** Undefined until the first read answers. */
  subscriptions: SubscriptionRow[] | undefined;
  /** The latest read failed: the rows shown before stay, and the section says so. */
  failed: boolean;
  /** Reads the rows again; never rejects. */
  reload: () => Promise<void>;
  /** Unsubscribes the list with `remove` and shows the rows it answers; rejects as `remove` does, and then changes nothing here. */
  unsubscribe: (url: string) => Promise<void>;
}

/**
 * The options page's warning-list rows, read from the background with `read` at once, again by `reload`, and after
 * each change of the stored subscriptions: a list subscribed or unsubscribed on another options page, or one whose
 * state a check changed (failing, expired, a newer list), shows here without a reload.
 *
 * Reads and unsubscribes are numbered when they are sent, and an answer is used only when no answer to a later one
 * came before it: an older answer that comes later would put back a list since removed, and an unsubscribe's rows,
 * worked out before another page's subscribe, would hide that list. A refused unsubscribe is no answer.
 */
export function useSubscriptions(read: () => Promise<SubscriptionRow[]>, remove: (url: string) => Promise<SubscriptionRow[]>): SubscriptionsState {
  const [subscriptions, setSubscriptions] = useState<SubscriptionRow[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  // The number of the last one sent, and of the newest whose answer was used.
  const sent = useRef(0);
  const used = useRef(0);
  /** Whether the answer to `ask` is to be used: no later one has answered. Marks it used when so. */
  const takes = useCallback((ask: number) => {
    if (ask < used.current) return false;
    used.current = ask;
    return true;
  }, []);
  const reload = useCallback(async () => {
    const ask = ++sent.current;
    try {
      const rows = await read();
      if (!takes(ask)) return;
      setSubscriptions(rows);
      setFailed(false);
    } catch (error) {
      console.error('[reserve-radar] the warning lists could not be read', error);
      if (takes(ask)) setFailed(true);
    }
  }, [read, takes]);
  const unsubscribe = useCallback(
    async (url: string) => {
      const ask = ++sent.current;
      const rows = await remove(url);
      if (!takes(ask)) return;
      setSubscriptions(rows);
      setFailed(false);
    },
    [remove, takes],
  );
  useEffect(() => {
    void reload();
    return watchWarningLists(() => void reload());
  }, [reload]);
  return { subscriptions, failed, reload, unsubscribe };
}
