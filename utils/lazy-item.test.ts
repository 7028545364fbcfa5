import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '#imports';
import { defineLazyItem } from './lazy-item';

describe('a storage item made on first use (issue 16)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('defining it asks storage nothing; WXT’s own item reads its key at once', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    defineLazyItem<string[]>('local:lazyList', { fallback: [], version: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).not.toHaveBeenCalled();
    storage.defineItem<string[]>('local:eagerList', { fallback: [], version: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).toHaveBeenCalled();
  });

  test('a first read asks storage once; WXT’s own item asks twice (once more for `init`)', async () => {
    await fakeBrowser.storage.local.set({ lazyCount: 2, eagerCount: 2 });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await defineLazyItem<number>('local:lazyCount', { fallback: 0, version: 1 }).getValue()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).toHaveBeenCalledTimes(1);
    get.mockClear();
    expect(await storage.defineItem<number>('local:eagerCount', { fallback: 0, version: 1 }).getValue()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).toHaveBeenCalledTimes(2);
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
});
