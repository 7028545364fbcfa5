import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLapseClock } from '@/components/lapse-clock';
import type { RunSnoozeView } from '@/lib/view/run-alert-view';
import { watchRunStates } from '@/utils/run-states-watch';

/**
 * The run-alert snoozes in force for the options list ("Run alerts snoozed"), read at once, again by
 * `reload`, and after each change of the stored states: a snooze made or lifted in the popup while
 * this page is open shows here. Only the latest read is drawn: an older answer that comes later would put a
 * lifted snooze back on the list. A read that fails leaves the list as it was (logged).
 *
 * A snooze that lapses changes nothing in storage, so nothing would tell the page: it leaves the list at its end
 * (`snoozedUntil`, in force while later than now, as lib/risk/run-episode.ts has it), by `useLapseClock`: the page
 * keeps that clock itself and asks the background nothing.
 */
export function useRunSnoozes(read: () => Promise<RunSnoozeView[]>): [RunSnoozeView[] | undefined, () => Promise<void>] {
  const [snoozes, setSnoozes] = useState<RunSnoozeView[] | undefined>(undefined);
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
  const now = useLapseClock((snoozes ?? []).map((snooze) => Date.parse(snooze.snoozedUntil)));
  const inForce = useMemo(() => snoozes?.filter((snooze) => Date.parse(snooze.snoozedUntil) > now), [snoozes, now]);
  return [inForce, reload];
}
