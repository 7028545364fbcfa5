import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RunSnoozeView } from '@/lib/view/run-alert-view';
import { watchRunStates } from '@/utils/run-states-watch';

/**
 * The run-alert snoozes in force for the options list ("Run alerts snoozed"), read at once, again by
 * `reload`, and after each change of the stored states: a snooze made or lifted in the popup while
 * this page is open shows here. Only the latest read is drawn: an older answer that comes later would put a
 * lifted snooze back on the list. A read that fails leaves the list as it was (logged).
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
  return [snoozes, reload];
}
