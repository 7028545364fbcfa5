import type { WxtStorageItem } from '#imports';
import { forgetEarly } from './early-reads';
import { handOverWrite, memoMark } from './memo-item';

/**
 * Runs `work` once every earlier `work` asked for under the same `name` has settled, in every
 * context of the extension at once: the background (Chrome's service worker, Firefox's background
 * page) and our pages (options, welcome, popup, guide) share the extension's origin, so one Web
 * Lock name orders them all. A read-merge-write of a stored value done in turn cannot drop a
 * change another context made between its read and its write.
 *
 * Every write of such a value takes the turn too, a plain replace or removal included: a write
 * made outside it can land between another's read and write, and be undone by it.
 *
 * Not for content scripts: they run with the web page's origin and its locks, and they write
 * none of these values (they ask the background). Without `navigator.locks` (the unit tests under
 * Node) the turns are kept by a queue in this context alone. A turn must not ask for its own name
 * again: it would wait for itself.
 */
export function inTurn<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // `work` is called with no argument either way (the browser would pass the lock).
  const start = () => work();
  // The lock is held until the promise `work` answers settles; the request answers as it does.
  if (locks !== undefined) return locks.request(`reserve-radar:${name}`, start) as Promise<unknown> as Promise<T>;
  const run = (queues.get(name) ?? Promise.resolve()).then(start, start);
  queues.set(name, run.then(settled, settled));
  return run;
}

/**
 * `work` in the turns of all `names` at once (a write over several values, such as clearing them).
 * Asked for in one order, sorted, so two such calls never each hold a turn the other waits for.
 */
export function inTurns<T>(names: readonly string[], work: () => Promise<T>): Promise<T> {
  return [...names].sort().reduceRight<() => Promise<T>>((inner, name) => () => inTurn(name, inner), work)();
}

const queues = new Map<string, Promise<void>>();
const settled = () => undefined;

/**
 * Reads `item` afresh and stores `change(current)` in the item's turn (see `inTurn`); answers
 * what was stored. `change` may answer `current` itself to write nothing.
 */
export function updateItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, change: (current: T) => T | Promise<T>): Promise<T> {
  return inTurn(item.key, async () => {
    // A value read as the worker woke may predate the write that ended the last turn.
    forgetEarly(item.key);
    const mark = memoMark();
    const current = await item.getValue();
    const next = await change(current);
    if (!Object.is(next, current)) {
      await item.setValue(next);
      // Still in the turn: the values held for the pill take what was stored, with no read (utils/memo-item.ts).
      handOverWrite(item.key, next, mark);
    }
    return next;
  });
}
