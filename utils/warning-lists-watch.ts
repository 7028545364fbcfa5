import { storage } from '#imports';

/**
 * The storage name of the warning-list subscriptions, with each list's last check: the background keeps them there
 * (entrypoints/background/warning-store.ts) and the options page watches it, so the two share this one name.
 */
export const WARNING_LISTS_NAME = 'warningSubscriptions';

/** The same in local storage, as `storage` items and watches name it. */
export const WARNING_LISTS_KEY = `local:${WARNING_LISTS_NAME}` as const;

/**
 * Calls `changed` after each change of the stored subscriptions, whoever made it: a subscribe or an
 * unsubscribe on another options page, a check of the lists that changes one's state (a failure, a
 * newer list), a reset. Returns the stop.
 */
export function watchWarningLists(changed: () => void): () => void {
  return storage.watch<unknown>(WARNING_LISTS_KEY, () => changed());
}
