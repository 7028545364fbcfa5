import { storage } from '#imports';

/** Where the background keeps the warning-list subscriptions, with each list's last check (entrypoints/background/warnings.ts). */
export const WARNING_LISTS_KEY = 'local:warningSubscriptions' as const;

/**
 * Calls `changed` after each change of the stored subscriptions, whoever made it: a subscribe or an
 * unsubscribe on another options page, a check of the lists that changes one's state (a failure, a
 * newer list), a reset. Returns the stop.
 */
export function watchWarningLists(changed: () => void): () => void {
  return storage.watch<unknown>(WARNING_LISTS_KEY, () => changed());
}
