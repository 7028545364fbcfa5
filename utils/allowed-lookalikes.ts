import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn, updateItem } from './in-turn';

/**
 * Hosts the user chose to open despite the lookalike warning ("continue anyway"): the background's
 * guard lets them through. Listed on the options page, where each can be removed; a reset forgets them.
 *
 * One owner: only the background changes the list (pages ask it with `allow-host` / `disallow-host`),
 * and its changes run in the list's turn (utils/in-turn.ts), so a host added in one tab and one
 * removed in the options page at the same moment both stay changed.
 */
export const allowedLookalikes = defineLazyItem<string[]>('local:allowedLookalikes', { fallback: [], version: 1 });

/** "Continue anyway": the warning page lets this host through from now on (the newest 500 kept). */
export async function allowLookalike(host: string): Promise<void> {
  await updateItem(allowedLookalikes, (allowed) => (allowed.includes(host) ? allowed : [...allowed, host].slice(-500)));
}

/** Takes one host off the list: the warning page stops it again. */
export async function disallowLookalike(host: string): Promise<void> {
  await updateItem(allowedLookalikes, (allowed) => (allowed.includes(host) ? allowed.filter((each) => each !== host) : allowed));
}

/** A reset: the list goes, after any change already asked for. */
export function forgetAllowedLookalikes(): Promise<void> {
  return inTurn(allowedLookalikes.key, () => allowedLookalikes.removeValue());
}
