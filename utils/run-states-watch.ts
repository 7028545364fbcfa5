import { storage } from '#imports';

/** Where the background keeps each exchange's run-alert state, snoozes included (entrypoints/background/data.ts). */
export const RUN_STATES_KEY = 'local:runAlerts';

/**
 * Calls `changed` after each change of the stored run-alert states, whoever made it: a snooze or
 * a lift in the popup or the options page, an episode that starts or ends. Pages that show a
 * snooze follow it this way rather than keeping what they read when they opened. Returns the stop.
 */
export function watchRunStates(changed: () => void): () => void {
  return storage.watch<unknown>(RUN_STATES_KEY, () => changed());
}
