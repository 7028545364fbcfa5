import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { defineLazyItem } from './lazy-item';

/** How many storage questions asked for `key`. */
const readsOf = (get: { mock: { calls: unknown[][] } }, key: string) => get.mock.calls.filter(([keys]) => JSON.stringify(keys ?? null).includes(`"${key}"`)).length;

describe('a storage item made on first use (issue 16)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('defining it asks storage nothing; WXT’s own item reads its key at once', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    defineLazyItem<string[]>('local:lazyList', { fallback: [], version: 1 });
    storage.defineItem<string[]>('local:eagerList', { fallback: [], version: 1 });
    // Checked once WXT's item, defined after, has asked: the lazy one had as long to ask, and did not.
    await vi.waitFor(() => expect(readsOf(get, 'eagerList')).toBeGreaterThan(0));
    expect(readsOf(get, 'lazyList')).toBe(0);
  });

  test('a first read asks storage once; WXT’s own item asks twice (once more for `init`)', async () => {
    await fakeBrowser.storage.local.set({ lazyCount: 2, eagerCount: 2 });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await defineLazyItem<number>('local:lazyCount', { fallback: 0, version: 1 }).getValue()).toBe(2);
    expect(await storage.defineItem<number>('local:eagerCount', { fallback: 0, version: 1 }).getValue()).toBe(2);
    // Checked once WXT's item, read after, has asked its second time: the lazy one had as long to ask again, and did not.
    await vi.waitFor(() => expect(readsOf(get, 'eagerCount')).toBe(2));
    expect(readsOf(get, 'lazyCount')).toBe(1);
  });

  test('reads, writes, removes and watches as WXT’s item does, fallback included', async () => {
    const lazy = defineLazyItem<string[]>('local:list', { fallback: [], version: 1 });
    const plain = defineLazyItem<number>('local:count', { version: 1 });
    const seen: [string[], string[]][] = [];
    lazy.watch((value, old) => seen.push([value, old]));
    expect(await lazy.getValue()).toEqual([]);
    expect(await plain.getValue()).toBeNull();
    await lazy.setValue(['a']);
    await plain.setValue(3);
    expect(await fakeBrowser.storage.local.get(['list', 'count'])).toEqual({ list: ['a'], count: 3 });
    expect(await storage.defineItem<string[]>('local:list', { fallback: [] }).getValue()).toEqual(['a']);
    await lazy.removeValue();
    expect(await lazy.getValue()).toEqual([]);
    expect(seen).toEqual([
      [['a'], []],
      [[], ['a']],
    ]);
    expect(lazy.key).toBe('local:list');
    expect(lazy.fallback).toEqual([]);
  });

  test('every read of an empty item gets its own copy of the fallback: a reader that changes it changes nothing for the next', async () => {
    const plain = defineLazyItem<Record<string, number>>('local:states', { fallback: {}, version: 1 });
    const migrated = defineLazyItem<string[]>('local:migrated', { fallback: [], version: 2, migrations: { 2: (value: string[]) => value } });
    (await plain.getValue()).feed = 1;
    (await migrated.getValue()).push('changed');
    plain.fallback.cexs = 2;
    expect(await plain.getValue()).toEqual({});
    expect(await migrated.getValue()).toEqual([]);
    expect(plain.fallback).toEqual({});
    const seen: Record<string, number>[] = [];
    plain.watch((value) => {
      value.changed = 1;
      seen.push(value);
    });
    await plain.setValue({ feed: 1 });
    await plain.removeValue();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(await plain.getValue()).toEqual({});
  });
});
