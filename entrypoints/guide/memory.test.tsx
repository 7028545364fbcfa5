import { render } from 'preact';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, createGuideState } from '@/lib/custody/steps';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { followGuideClears, loadGuideState, loadSavedGuides, saveGuideState } from '@/utils/guide-state';
import { type GuideMemory, useGuideMemory } from './memory';

// The guide page's memory of the guide (./memory.ts), drawn into linkedom against WXT's in-memory browser.
effectsOnNextTask();

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

function guideWithAddress(exchangeId: string, asset: string, address: string) {
  const state = applyGuideAction(createGuideState(new Date('2026-11-25T10:00:00Z')), { type: 'set-route', exchangeId, asset, network: 'ethereum' });
  return applyGuideAction(state, { type: 'set-address', address: address.toLowerCase() });
}

/** The guide page opened on `exchangeId`, holding what it loads from storage; `whileLoading` runs after its reads, before it draws. */
async function openGuidePage(exchangeId: string, whileLoading?: () => Promise<void>): Promise<{ memory: () => GuideMemory }> {
  const clears = followGuideClears();
  const clearsAtLoad = clears.count;
  const [{ state }, saved] = await Promise.all([loadGuideState(exchangeId), loadSavedGuides()]);
  await whileLoading?.();
  let memory: GuideMemory | undefined;
  function Page() {
    memory = useGuideMemory({ initialState: state, initialSaved: saved, exchangeId, clears, clearsAtLoad });
    return null;
  }
  render(<Page />, page().root);
  await settle();
  return { memory: () => memory as GuideMemory };
}

describe('the guide page after "Delete everything" in another tab', () => {
  beforeEach(() => fakeBrowser.reset());

  test('holds a fresh guide, and its next steps write back neither the chosen address nor another exchange’s saved guide', async () => {
    await saveGuideState(guideWithAddress('okx', 'USDT', OTHER));
    await saveGuideState(guideWithAddress('binance', 'ETH', WALLET));
    const { memory } = await openGuidePage('binance');
    expect(memory().state.address).toBe(WALLET);
    // What "Delete everything" does to the guide's storage.
    await fakeBrowser.storage.local.clear();
    await settle();
    expect(memory().state).toMatchObject({ exchangeId: 'binance', address: null });
    memory().dispatch({ type: 'address-book', outcome: 'skipped' });
    await settle();
    memory().dispatch({ type: 'set-route', exchangeId: 'okx', asset: 'USDT', network: 'ethereum' });
    await settle();
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null)).toLowerCase();
    expect(stored).not.toContain(WALLET.toLowerCase());
    expect(stored).not.toContain(OTHER.toLowerCase());
    expect(memory().state).toMatchObject({ exchangeId: 'okx', asset: 'USDT', address: null });
  });

  test('a delete while the page loads, before it draws, is dropped too: its first step writes nothing deleted back', async () => {
    await saveGuideState(guideWithAddress('okx', 'USDT', OTHER));
    await saveGuideState(guideWithAddress('binance', 'ETH', WALLET));
    const { memory } = await openGuidePage('binance', () => fakeBrowser.storage.local.clear());
    expect(memory().state).toMatchObject({ exchangeId: 'binance', address: null });
    expect(memory().drops).toBe(1);
    memory().dispatch({ type: 'address-book', outcome: 'skipped' });
    await settle();
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null)).toLowerCase();
    expect(stored).not.toContain(WALLET.toLowerCase());
    expect(stored).not.toContain(OTHER.toLowerCase());
  });

  test('an answer asked for before a delete is known to be from before it; one asked for after is not', async () => {
    await saveGuideState(guideWithAddress('binance', 'ETH', WALLET));
    const { memory } = await openGuidePage('binance');
    const askedBeforeDelete = memory().askedNow();
    expect(askedBeforeDelete()).toBe(true);
    await fakeBrowser.storage.local.clear();
    await settle();
    expect(askedBeforeDelete()).toBe(false);
    expect(memory().askedNow()()).toBe(true);
  });
});
