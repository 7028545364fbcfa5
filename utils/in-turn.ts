import { storage, type StorageItemKey, type WxtStorageItem } from '#imports';
import { forgetEarly } from './early-reads';
import { isPlainLocal, type PlainLocalItem } from './lazy-item';
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
 * Asked for in one order, sorted, so two such calls never each hold a turn the other waits for;
 * a name listed twice is asked for once (a turn asked for again while held would wait for itself).
 */
export function inTurns<T>(names: readonly string[], work: () => Promise<T>): Promise<T> {
  return [...new Set(names)].sort().reduceRight<() => Promise<T>>((inner, name) => () => inTurn(name, inner), work)();
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

const replacing = Symbol('replacement');

/**
 * A whole new value for a stored item, to be written by `replaceInTurns`. Made with `replacement`,
 * which needs the item itself: the module that owns an item keeps it to itself and hands out
 * replacements it has checked, so other modules write its value only through the owner's
 * functions, each in the value's turn.
 */
export interface Replacement<T> {
  readonly key: StorageItemKey;
  readonly value: T;
  readonly [replacing]: true;
}

export function replacement<T, V extends T>(item: PlainLocalItem<T>, value: V): Replacement<V> {
  const { key } = item;
  // The type asks for it; this holds it for a caller that cast the type away.
  if (!isPlainLocal(item)) throw new Error(`replacement: ${key} is not a plain storage.local item`);
  return { key, value, [replacing]: true };
}

/**
 * Writes every replacement in one storage write, in all their turns at once. `storage.setItems`
 * makes one `set` for each storage area, and `replacement` takes only plain `storage.local` items
 * (utils/lazy-item.ts `PlainLocalItem`: no `$` meta key, no migration to wait for, written as their
 * `setValue` writes them), so this is one `storage.local.set`: the browser stores all of them or
 * none, and the area reports them as one change. Still in the turns, the values held for the pill
 * take what was stored, with no read (utils/memo-item.ts). Refuses (rejects, writing nothing) two
 * replacements of one item. `unless`, asked once all the turns are held, stops the write: a writer
 * that must not store after some event (a "Delete everything" since its reads) checks it there,
 * where no other turn-taker can come between the check and the write. Answers whether it wrote.
 */
export async function replaceInTurns(replacements: readonly Replacement<unknown>[], { unless }: { unless?: () => boolean } = {}): Promise<boolean> {
  // Two values for one key in one write: which one the browser keeps is not the caller's to guess.
  const keys = replacements.map(({ key }) => key);
  const twice = keys.find((key, index) => keys.indexOf(key) !== index);
  if (twice !== undefined) throw new Error(`replaceInTurns: ${twice} is replaced twice in one write`);
  return inTurns(keys, async () => {
    if (unless?.() === true) return false;
    for (const { key } of replacements) forgetEarly(key);
    const mark = memoMark();
    await storage.setItems(replacements.map(({ key, value }) => ({ key, value })));
    for (const { key, value } of replacements) handOverWrite(key, value, mark);
    return true;
  });
}

/** One replacement, written as `replaceInTurns` writes several; answers the value written. */
export async function replaceInTurn<T>(replacement: Replacement<T>): Promise<T> {
  await replaceInTurns([replacement]);
  return replacement.value;
}
