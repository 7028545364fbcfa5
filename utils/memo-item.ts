import type { WxtStorageItem } from '#imports';

/**
 * A storage item's value held in memory, for reads on the exchange page's critical path (the
 * pill waits for the background's answer). Whenever storage reports a change, whoever wrote
 * it, the held copy is dropped and the next read asks storage: a change event can arrive after
 * a clear that followed it ("Delete everything"), and its value must not be held after the clear.
 */
export function memoizedRead<T>(item: WxtStorageItem<T, Record<string, unknown>>): () => Promise<T> {
  let held: Promise<T> | undefined;
  let heldAt = drops;
  item.watch(() => {
    held = undefined;
  });
  return () => {
    if (heldAt !== drops) held = undefined;
    heldAt = drops;
    held ??= item.getValue().catch((error: unknown) => {
      held = undefined;
      throw error;
    });
    return held;
  };
}

/** How many times every held copy was dropped (`dropMemoizedReads`). */
let drops = 0;

/**
 * Storage was cleared ("Delete everything"): every held copy is dropped at once, so the next read asks storage
 * instead of handing out a deleted value before the clear's change events arrive.
 */
export function dropMemoizedReads(): void {
  drops++;
}
