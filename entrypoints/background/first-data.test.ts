import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initialSourceState } from '@/lib/reserves/schedule';
import { createBackgroundContext } from './context';
import { CEXS_SOURCE, FEED_SOURCE, OWN_TOKEN_PRICES_SOURCE } from './data';
import background from './index';
import { freshBackground, noNetwork } from './background.testkit';
import { toldMarks } from './told-views';

/** The exchange page's view (what `page-state` and the popup are given) of one exchange's own address. */
async function viewOf(url: string) {
  const state = await createBackgroundContext().stateForUrl(url);
  if (state.kind !== 'exchange') throw new Error(`not an exchange: ${state.kind}`);
  return state.view;
}

/** The stored state of each named source, `lastSuccess` set: the other sources never answered. */
async function answered(...sources: string[]) {
  const at = '2026-12-07T10:00:00.000Z';
  await fakeBrowser.storage.local.set({ sources: Object.fromEntries(sources.map((source) => [source, { ...initialSourceState(), lastSuccess: at }])) });
}

describe("an exchange's view says when its figures are the data that came with the extension", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('before any source has answered, Kraken’s view says its card shows the bundled figures, and names no day of the whole copy', async () => {
    expect((await viewOf('https://www.kraken.com/')).firstData).toEqual({ beside: 'card-figures' });
  });

  test('an exchange the bundled data has no figures for is marked as showing Unknown from it', async () => {
    expect((await viewOf('https://www.bitkub.com/')).firstData?.beside).toBe('card-unknown');
  });

  test('own-token prices bring no reserve figure: their answer alone leaves the mark', async () => {
    await answered(OWN_TOKEN_PRICES_SOURCE);
    expect((await viewOf('https://www.kraken.com/')).firstData?.beside).toBe('card-figures');
  });

  test.each([FEED_SOURCE, CEXS_SOURCE])('once %s has answered, the view carries no mark', async (source) => {
    await answered(source);
    expect((await viewOf('https://www.kraken.com/')).firstData).toBeUndefined();
  });
});

describe('an open exchange tab is told when the first answer arrives through "Refresh now"', () => {
  const KRAKEN_TAB = 31;
  const KRAKEN = 'https://www.kraken.com/';
  const page = { id: fakeBrowser.runtime.id, tab: { id: KRAKEN_TAB, url: KRAKEN }, url: KRAKEN };
  const options = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
  const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;

  beforeEach(async () => {
    await freshBackground();
    noNetwork();
    background.main();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('its card marked as showing the bundled copy is told to ask again, so the mark goes without a reload', async () => {
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await send({ type: 'page-state' }, page);
    await vi.waitFor(async () => expect(Object.keys(await toldMarks())).toEqual([String(KRAKEN_TAB)]));
    // The feed answered (its state as a success stores it); the network is down for this run, which changes nothing of that.
    await answered(FEED_SOURCE);
    told.mockClear();
    await send({ type: 'refresh-now' }, options);
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith(KRAKEN_TAB, { type: 'view-changed' }));
  });
});
