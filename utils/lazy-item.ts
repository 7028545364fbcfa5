import { storage, type StorageItemKey, type WxtStorageItem } from '#imports';
import type { WxtStorageItemOptions } from 'wxt/utils/storage';
import { forgetEarly, takeEarly } from '@/utils/early-reads';

const plainLocal = Symbol('plain local item');
type PlainOptions<T> = WxtStorageItemOptions<T> & { migrations?: undefined; init?: undefined };

/**
 * An item in `storage.local` without `migrations` or `init`: its value is the key's value alone, with
 * no `$` meta key and no migration to wait for, so `storage.setItems` may write it beside others.
 */
export type PlainLocalItem<T> = WxtStorageItem<T, Record<never, never>> & { readonly [plainLocal]: true };

/** Whether `item` is a `PlainLocalItem`, as the program runs. */
export function isPlainLocal<T>(item: WxtStorageItem<T, Record<string, unknown>>): item is PlainLocalItem<T> {
  return (item as Partial<Record<typeof plainLocal, true>>)[plainLocal] === true;
}

/**
 * `storage.defineItem`, made on first use. WXT's item reads its key from storage as soon as it is
 * defined (for its `init` option, which no item here uses), so defining the background's items at
 * module level asked storage a dozen times at every wake-up of the service worker, in front of the
 * question that woke it (issue 16). This one asks nothing until it is used; `watch` only listens.
 */
export function defineLazyItem<T>(key: `local:${string}`, options: PlainOptions<T> & { fallback: T }): PlainLocalItem<T>;
export function defineLazyItem<T>(key: `local:${string}`, options: PlainOptions<T>): PlainLocalItem<T | null>;
export function defineLazyItem<T>(key: StorageItemKey, options: WxtStorageItemOptions<T> & { fallback: T }): WxtStorageItem<T, {}>;
export function defineLazyItem<T>(key: StorageItemKey, options: WxtStorageItemOptions<T>): WxtStorageItem<T | null, {}>;
export function defineLazyItem<T>(key: StorageItemKey, options: WxtStorageItemOptions<T>): WxtStorageItem<T | null, {}> {
  let made: WxtStorageItem<T | null, {}> | undefined;
  const item = () => (made ??= storage.defineItem<T>(key, options));
  // A copy for each reader: one that changes what it read (a `{}` filled in place) must not change the item's empty value.
  const fallback = (): T | null => (options.fallback === undefined ? null : structuredClone(options.fallback));
  // Without migrations or `init`, WXT's item reads, writes and removes the key as `storage` itself
  // does, but once made it reads the key one more time for `init`: a storage question more for
  // each item a wake-up's first answer reads. Those go to `storage` directly.
  const plain = options.migrations === undefined && options.init === undefined;
  return {
    ...(plain && key.startsWith('local:') ? { [plainLocal]: true } : {}),
    key,
    get fallback() {
      return fallback();
    },
    get defaultValue() {
      return fallback();
    },
    getValue: () => {
      // WXT's item answers an empty key with the very fallback object it was given.
      if (!plain)
        return item()
          .getValue()
          .then((value) => (value === options.fallback ? fallback() : value));
      const read = () => storage.getItem<T>(key, { fallback: fallback() as T });
      // A wake-up's first reads were asked for in one question as it started (utils/early-reads.ts).
      const taken = takeEarly(key);
      return taken === undefined ? read() : taken.then((early) => (early === undefined ? read() : ((early.value as T | null | undefined) ?? fallback())));
    },
    getMeta: () => item().getMeta(),
    setValue: (value) => {
      forgetEarly(key);
      return plain ? storage.setItem<T | null>(key, value) : item().setValue(value);
    },
    setMeta: (properties) => item().setMeta(properties),
    removeValue: (removeOptions) => {
      forgetEarly(key);
      return plain ? storage.removeItem(key, removeOptions) : item().removeValue(removeOptions);
    },
    removeMeta: (properties) => item().removeMeta(properties),
    // As WXT's own item does it: the storage area's change event, the fallback for a removed value.
    watch: (callback) => storage.watch<T>(key, (value, old) => callback(value ?? fallback(), old ?? fallback())),
    watchMeta: (callback) => item().watchMeta(callback),
    migrate: () => item().migrate(),
  };
}
