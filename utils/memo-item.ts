import type { WxtStorageItem } from '#imports';

/**
 * A storage item's value held in memory, for reads on the exchange page's critical path (the
 * pill waits for the background's answer). Our own writes through `updateItem` and `replaceInTurns`
 * (utils/in-turn.ts) hand over what they stored, still in its turn (`handOverWrite`), so the next read
 * needs no storage round trip. A change event that brings another value drops the held
 * copy, and the next read asks storage; it is never adopted, because it can arrive after a clear
 * that followed its write ("Delete everything"), and its value must not be held after the clear.
 */
export function memoizedRead<T>(item: WxtStorageItem<T, Record<string, unknown>>): () => Promise<T> {
  let held: Promise<T> | undefined;
  // The held value as JSON, once known: an event that reports the same value keeps it.
  let heldText: string | undefined;
  let heldAt = drops;
  const hold = (value: T) => {
    held = Promise.resolve(value);
    heldText = JSON.stringify(value);
    heldAt = drops;
  };
  item.watch((value) => {
    if (heldText === undefined || JSON.stringify(value) !== heldText) {
      held = undefined;
      heldText = undefined;
    }
  });
  let adopters = handOvers.get(item.key);
  if (adopters === undefined) handOvers.set(item.key, (adopters = new Set()));
  adopters.add((value) => hold(value as T));
  return () => {
    if (heldAt !== drops) {
      held = undefined;
      heldText = undefined;
    }
    heldAt = drops;
    if (held === undefined) {
      const reading = item.getValue().then(
        (value) => {
          if (held === reading) heldText = JSON.stringify(value);
          return value;
        },
        (error: unknown) => {
          if (held === reading) held = undefined;
          throw error;
        },
      );
      held = reading;
    }
    return held;
  };
}

/** How many times every held copy was dropped (`dropMemoizedReads`). */
let drops = 0;

/** Per item key, what takes a value our own write stored (`handOverWrite`). */
const handOvers = new Map<string, Set<(value: unknown) => void>>();

/** The count to take before a write reads the value it changes; see `handOverWrite`. */
export function memoMark(): number {
  return drops;
}

/**
 * Our own write stored `value` under `key`, in that key's turn, from a read made after `mark` (`memoMark`): the held copies
 * take it. A clear since the mark ("Delete everything") may have come between the write and this step: then nothing is taken.
 */
export function handOverWrite(key: string, value: unknown, mark: number): void {
  if (mark !== drops) return;
  for (const adopt of handOvers.get(key) ?? []) adopt(value);
}

/**
 * Storage was cleared ("Delete everything"): every held copy is dropped at once, so the next read asks storage
 * instead of handing out a deleted value before the clear's change events arrive.
 */
export function dropMemoizedReads(): void {
  drops++;
}
