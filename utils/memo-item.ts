import type { WxtStorageItem } from '#imports';

/**
 * A storage item's value held in memory, for reads on the exchange page's critical path (the
 * pill waits for the background's answer). Whenever storage reports a change, whoever wrote
 * it, the held copy becomes the new value.
 */
export function memoizedRead<T>(item: WxtStorageItem<T, Record<string, unknown>>): () => Promise<T> {
  let held: Promise<T> | undefined;
  item.watch((value) => {
    held = Promise.resolve(value);
  });
  return () => {
    held ??= item.getValue().catch((error: unknown) => {
      held = undefined;
      throw error;
    });
    return held;
  };
}
