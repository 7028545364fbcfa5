import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RunSnoozeView } from '@/lib/view/run-alert-view';
import { watchRunStates } from '@/utils/run-states-watch';

/** The longest delay setTimeout keeps (2^31 − 1 ms, about 24 days); a later end is waited for in steps. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * The run-alert snoozes in force for the options list ("Run alerts snoozed"), read at once, again by
 * `reload`, and after each change of the stored states: a snooze made or lifted in the popup while
 * this page is open shows here. Only the latest read is drawn: an older answer that comes later would put a
 * lifted snooze back on the list. A read that fails leaves the list as it was (logged).
 *
 * A snooze that lapses changes nothing in storage, so nothing would tell the page: it leaves the list at its end
 * (`snoozedUntil`, in force while later than now, as lib/risk/run-episode.ts has it), from one timer set to the
 * nearest end. The page keeps that timer itself and asks the background nothing; none runs while nothing is snoozed.
 * A timer does not count the time the computer sleeps, while the end is on the wall clock: so the clock is read
 * again too when the page is seen again (`onPageSeenAgain`), or a week's snooze could stay listed for days.
 */
export function useRunSnoozes(read: () => Promise<RunSnoozeView[]>): [RunSnoozeView[] | undefined, () => Promise<void>] {
  const [snoozes, setSnoozes] = useState<RunSnoozeView[] | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const reads = useRef(0);
  const reload = useCallback(() => {
    const asked = ++reads.current;
    return read().then(
      (next) => {
        if (asked === reads.current) setSnoozes(next);
      },
      (error: unknown) => {
        console.error('[reserve-radar] the run-alert snoozes could not be read', error);
      },
    );
  }, [read]);
  useEffect(() => {
    void reload();
    return watchRunStates(() => void reload());
  }, [reload]);
  const inForce = useMemo(() => snoozes?.filter((snooze) => Date.parse(snooze.snoozedUntil) > now), [snoozes, now]);
  useEffect(() => {
    const ends = (inForce ?? []).map((snooze) => Date.parse(snooze.snoozedUntil));
    if (ends.length === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, Math.min(...ends) - Date.now()), LONGEST_TIMER));
    const stopLooking = onPageSeenAgain(() => setNow(Date.now()));
    return () => {
      clearTimeout(timer);
      stopLooking();
    };
  }, [inForce]);
  return [inForce, reload];
}

/**
 * Calls `seen` when the page may have been away (computer asleep, tab hidden, window in the background): it is shown,
 * its window takes the focus, or it comes back from the back/forward cache. Page events only: no polling, and nothing
 * wakes the background. Answers the function that stops listening.
 */
export function onPageSeenAgain(seen: () => void): () => void {
  const view = document.defaultView;
  document.addEventListener('visibilitychange', seen);
  view?.addEventListener('focus', seen);
  view?.addEventListener('pageshow', seen);
  return () => {
    document.removeEventListener('visibilitychange', seen);
    view?.removeEventListener('focus', seen);
    view?.removeEventListener('pageshow', seen);
  };
}
