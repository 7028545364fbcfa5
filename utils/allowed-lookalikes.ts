import { defineLazyItem } from '@/utils/lazy-item';

/**
 * Hosts the user chose to open despite the lookalike warning ("continue anyway"): the background's
 * guard lets them through. Listed on the options page, where each can be removed; a reset forgets them.
 */
export const allowedLookalikes = defineLazyItem<string[]>('local:allowedLookalikes', { fallback: [], version: 1 });

/** Takes one host off the list: the warning page stops it again. */
export async function disallowLookalike(host: string): Promise<string[]> {
  const next = (await allowedLookalikes.getValue()).filter((allowed) => allowed !== host);
  await allowedLookalikes.setValue(next);
  return next;
}
