import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineLazyItem } from './lazy-item';
import { dropMemoizedReads, memoizedRead } from './memo-item';
import { updateItem } from './in-turn';

/** The pill's reads held in memory: our own writes keep them without a storage read; nothing is held across a clear. */

const seen = defineLazyItem<Record<string, number>>('local:memoTestSeen', { fallback: {}, version: 1 });

beforeEach(() => fakeBrowser.reset());

test('a value our own write just stored is handed out without asking storage again', async () => {
  const read = memoizedRead(seen);
  expect(await read()).toEqual({});
  await updateItem(seen, (held) => ({ ...held, binance: 1 }));
  const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
  expect(await read()).toEqual({ binance: 1 });
  expect(gets).not.toHaveBeenCalled();
});

test('a change event that arrives after a later clear does not bring its value back', async () => {
  // As in the browser, the change events come after the write has answered: here, when the test lets them.
  const late: (() => void)[] = [];
  const events = fakeBrowser.storage.local.onChanged;
  const listen = events.addListener.bind(events);
  vi.spyOn(events, 'addListener').mockImplementation((listener) => listen((...args) => void late.push(() => listener(...args))));
  const read = memoizedRead(seen);
  expect(await read()).toEqual({});
  await seen.setValue({ binance: 1 });
  // "Delete everything": the memo is told in the same step as the clear is asked.
  dropMemoizedReads();
  await fakeBrowser.storage.local.clear();
  expect(await read()).toEqual({});
  // The write's event, then the clear's.
  late.shift()?.();
  expect(await read()).toEqual({});
  for (const deliver of late) deliver();
  expect(await read()).toEqual({});
});
