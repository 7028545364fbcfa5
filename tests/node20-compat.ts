/**
 * Vitest 5's reporter calls `Map.groupBy` (Node 21+) when it prints failures; these machines
 * run Node 20. Without this, a failing test crashes the reporter instead of explaining itself.
 */
const MapWithGroupBy = Map as MapConstructor & { groupBy?: unknown };
if (typeof MapWithGroupBy.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group === undefined) groups.set(key, [item]);
        else group.push(item);
      }
      return groups;
    },
  });
}
