import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settle } from '@/components/test-dom';
import { applyGuideAction, createGuideState } from '@/lib/custody/steps';
import { clearEverything } from '@/entrypoints/background/delete-everything';
import { SHARED_LOCAL_KEYS } from '@/entrypoints/background/extension-handlers';
import { inTurns } from './in-turn';
import { loadGuideState, loadSavedGuides } from './guide-state';
import { moveLegacyGuides } from './legacy-guides';

// Guides saved by a version that kept every exchange's guide in one map (`local:guides`), against WXT's in-memory browser.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

function guideWithAddress(exchangeId: string, asset: string, address: string, at = '2026-11-25T10:00:00Z') {
  const state = applyGuideAction(createGuideState(new Date(at)), { type: 'set-route', exchangeId, asset, network: 'ethereum' }, new Date(at));
  return applyGuideAction(state, { type: 'set-address', address: address.toLowerCase() }, new Date(at));
}

const stored = () => fakeBrowser.storage.local.get(null);

describe('guides saved in the one map of an older version', () => {
  beforeEach(() => fakeBrowser.reset());

  test("are each moved to their exchange's own key, and the map goes; a guide already under its own key is newer and stays", async () => {
    const okx = guideWithAddress('okx', 'USDT', OTHER);
    const oldBinance = guideWithAddress('binance', 'ETH', OTHER);
    const newBinance = guideWithAddress('binance', 'ETH', WALLET, '2026-11-26T10:00:00Z');
    await fakeBrowser.storage.local.set({ guides: { okx, binance: oldBinance }, 'guide:binance': newBinance, guideState: newBinance });
    await moveLegacyGuides();
    expect(await stored()).toEqual({ 'guide:okx': okx, 'guide:binance': newBinance, guideState: newBinance });
    // Once moved, there is nothing more to do.
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await moveLegacyGuides();
    expect(writes).not.toHaveBeenCalled();
  });

  test('the guide page finds them as it opens, before the background has moved them', async () => {
    const okx = guideWithAddress('okx', 'USDT', OTHER);
    const binance = guideWithAddress('binance', 'ETH', WALLET);
    await fakeBrowser.storage.local.set({ guides: { okx, binance }, guideState: binance });
    expect((await loadGuideState('okx')).state).toEqual(okx);
    expect((await loadGuideState('binance')).state).toEqual(binance);
    const saved = await loadSavedGuides();
    expect([...saved.keys()].sort()).toEqual(['binance', 'okx']);
    expect(saved.get('okx')).toEqual(okx);
    expect(Object.keys(await stored()).sort()).toEqual(['guide:binance', 'guide:okx', 'guideState']);
  });

  test('a damaged entry is moved as it is (that exchange then starts over and says why); entries under no exchange id and a map that is no map are dropped', async () => {
    const okx = guideWithAddress('okx', 'USDT', OTHER);
    await fakeBrowser.storage.local.set({ guides: { kraken: { version: 1, exchangeId: 'kraken', address: 42 }, 'NOT AN ID': okx, 'guide:x': okx } });
    const kraken = await loadGuideState('kraken');
    expect(kraken.resetReason).toBe('unreadable');
    expect(Object.keys(await stored())).toEqual(['guide:kraken']);

    await fakeBrowser.storage.local.set({ guides: 'not a map' });
    await moveLegacyGuides();
    expect(Object.keys(await stored())).toEqual(['guide:kraken']);
  });

  test('a move that fails leaves the map for the next try, and the guide page still opens with the guides under their own keys', async () => {
    const okx = guideWithAddress('okx', 'USDT', OTHER);
    const binance = guideWithAddress('binance', 'ETH', WALLET);
    await fakeBrowser.storage.local.set({ guides: { okx }, 'guide:binance': binance, guideState: binance });
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (Object.keys(items).some((key) => key.startsWith('guide:'))) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await loadGuideState('binance')).state).toEqual(binance);
    expect([...(await loadSavedGuides()).keys()]).toEqual(['binance']);
    expect(warn).toHaveBeenCalled();
    expect(Object.keys(await stored()).sort()).toEqual(['guide:binance', 'guideState', 'guides']);
  });

  test('"Delete everything" asked for while they are being moved waits for the move, so nothing comes back', async () => {
    await fakeBrowser.storage.local.set({ guides: { okx: guideWithAddress('okx', 'USDT', OTHER) } });
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local) as (keys: unknown) => Promise<Record<string, unknown>>;
    let reads = 0;
    let deleted: Promise<void> | undefined;
    // The move's second read looks at the exchanges' own keys: the delete is asked for between that read and the move's write.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      reads += 1;
      if (reads === 2) {
        deleted = inTurns(SHARED_LOCAL_KEYS, clearEverything);
        await settle();
      }
      return get(keys);
    });
    await moveLegacyGuides();
    expect(deleted).toBeDefined();
    await deleted;
    expect(await stored()).toEqual({});
  });
});
