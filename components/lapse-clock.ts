import { useEffect, useState } from 'preact/hooks';

/** The longest delay setTimeout keeps (2^31 − 1 ms, about 24 days); a later end is waited for in steps. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * The time (ms since the epoch) against which a list's entries with an end (`ends`, wall-clock ms) lapse, read again
 * when the nearest end still to come is reached: a lapse changes nothing in storage, so nothing else would redraw the
 * list. One timer, set to that end; none while no end is to come. A timer does not count the time the computer sleeps,
 * while the ends are on the wall clock: so the clock is read again too when the page is seen again (`onPageSeenAgain`),
 * or an entry could stay listed for days after its end. Page-local: no polling, and nothing wakes the background.
 */
export function useLapseClock(ends: readonly number[]): number {
  const [now, setNow] = useState(() => Date.now());
  const next = Math.min(...ends.filter((end) => end > now));
  useEffect(() => {
    if (!Number.isFinite(next)) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, next - Date.now()), LONGEST_TIMER));
    const stopLooking = onPageSeenAgain(() => setNow(Date.now()));
    return () => {
      clearTimeout(timer);
      stopLooking();
    };
  }, [next, now]);
  return now;
}

/**
 * Calls `seen` when the page may have been away (computer asleep, tab hidden, window in the background): it is shown,
 * its window takes the focus, or it comes back from the back/forward cache. Answers the function that stops listening.
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
