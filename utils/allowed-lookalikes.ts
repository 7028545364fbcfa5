import { defineLazyItem } from '@/utils/lazy-item';

/**
 * Hosts the user chose to open despite the lookalike warning ("continue anyway"): the background's
 * guard lets them through. Listed on the options page, where each can be removed; a reset forgets them.
 *
 * One owner: only the background changes the list (pages ask it with `allow-host` / `disallow-host`),
 * and its changes run one after another, so a host added in one tab and one removed in the options
 * page at the same moment both stay changed.
 */
export const allowedLookalikes = defineLazyItem<string[]>('local:allowedLookalikes', { fallback: [], version: 1 });

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` after every change asked before it; a failed one does not stop the next. */
function inTurn<T>(change: () => Promise<T>): Promise<T> {
  const run = queue.then(change, change);
  queue = run.catch(() => undefined);
  return run;
}

/** "Continue anyway": the warning page lets this host through from now on (the newest 500 kept). */
export function allowLookalike(host: string): Promise<void> {
  return inTurn(async () => {
    const allowed = await allowedLookalikes.getValue();
    if (!allowed.includes(host)) await allowedLookalikes.setValue([...allowed, host].slice(-500));
  });
}

/** Takes one host off the list: the warning page stops it again. */
export function disallowLookalike(host: string): Promise<void> {
  return inTurn(async () => {
    const allowed = await allowedLookalikes.getValue();
    if (allowed.includes(host)) await allowedLookalikes.setValue(allowed.filter((each) => each !== host));
  });
}

/** A reset: the list goes, after any change already asked for. */
export function forgetAllowedLookalikes(): Promise<void> {
  return inTurn(() => allowedLookalikes.removeValue());
}
