import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { FIRST_PAINT_KEY, firstPaintFor, type FirstPaint } from '@/lib/view/first-paint-view';
import { updateSettings } from '@/utils/settings';
import { defillamaPricesUrl } from '@/lib/holdings/prices';
import { pricedSymbols } from './holdings';
import { englishMessage as getMessage } from './background.testkit';
import { heldSnapshot, resetData } from './data';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { parseSettings } from '@/lib/settings';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';

const COINS_URL = defillamaPricesUrl({ symbols: pricedSymbols });

const contentScript = (url = 'https://www.kraken.com/') => ({ id: fakeBrowser.runtime.id, tab: { id: 21, url }, url });
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;

/** What the exchange-page script would draw from, read as it reads it. */
async function storedFor(host: string): Promise<FirstPaint | undefined> {
  const stored = (await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY];
  return firstPaintFor({ stored, host, now: Date.now(), ext: '0.1.0' });
}

describe('the stored first paint, kept by the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
    background.main();
  });

  test('built on install, and after a page question when none is held', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await storedFor('www.kraken.com')).toBeDefined());
    const first = await storedFor('www.kraken.com');
    expect(first?.entry).toMatchObject({ id: 'kraken', name: 'Kraken' });
    expect(first?.words.pillLabel).toBe('Reserve Radar: $1, grade $2, $3');
    await fakeBrowser.storage.local.remove(FIRST_PAINT_KEY);
    background.main();
    await send({ type: 'page-state' }, contentScript('https://www.binance.com/'));
    await vi.waitFor(async () => expect((await storedFor('accounts.binance.com'))?.entry.id).toBe('binance'));
  });

  test('a snooze, a corner and a "shown" from the pill are in the view by the time the pill hears back', async () => {
    await send({ type: 'nudge-snooze', exchangeId: 'kraken', snooze: { until: 'time', endsAt: Date.now() + 86_400_000 } }, contentScript());
    expect((await storedFor('www.kraken.com'))?.entry.snooze).toMatchObject({ until: 'time' });
    await send({ type: 'nudge-corner', corner: 'top-left' }, contentScript());
    expect((await storedFor('www.kraken.com'))?.settings.corner).toBe('top-left');
    await send({ type: 'nudge-shown', exchangeId: 'okx' }, contentScript('https://www.okx.com/'));
    expect((await storedFor('www.okx.com'))?.entry.lastShownAt).toBeGreaterThan(0);
    // Another exchange's snooze is not this one's.
    expect((await storedFor('www.okx.com'))?.entry.snooze).toBeUndefined();
  });

  test('settings changed elsewhere (the options page), language included, reach the view', async () => {
    await send({ type: 'nudge-corner', corner: 'top-left' }, contentScript());
    await updateSettings({ nudgePolicy: 'off' });
    await vi.waitFor(async () => expect((await storedFor('www.kraken.com'))?.settings.nudgePolicy).toBe('off'));
    const swedish = JSON.parse(JSON.stringify(await import('@/public/_locales/sv/messages.json'))) as Record<string, { message: string }>;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(swedish))),
    );
    await updateSettings({ language: 'sv' });
    await vi.waitFor(async () => expect((await storedFor('www.kraken.com'))?.settings.language).toBe('sv'));
    expect((await storedFor('www.kraken.com'))?.words.close).toBe(swedish.close?.message);
    vi.unstubAllGlobals();
  });

  test('holdings over a cap give the figure-free balance line, and no figure is stored', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const holding = (id: string, custodian: string, amount: number) => ({ id, kind: 'asset', custodian, asset: 'ETH', amount, updatedAt: Date.now() });
    await fakeBrowser.storage.local.set({
      holdings: { holdings: [holding('a', 'binance', 2), holding('b', 'self', 1)], addresses: [], history: [], limits: { exchanges: { binance: { cap: 2000 } } } },
      priceTable: { fetchedAt: Date.now(), prices: { ETH: { usd: 2100, asOf: new Date().toISOString(), source: COINS_URL } } },
    });
    await vi.waitFor(async () => expect((await storedFor('www.binance.com'))?.entry.balanceNudge).toEqual({ kind: 'over-cap', text: 'You keep more here than your own limit' }));
    expect((await storedFor('www.kraken.com'))?.entry.balanceNudge).toBeUndefined();
    const stored = JSON.stringify((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY]);
    expect(stored).not.toMatch(/4,?200|2,?000|"amount"|"ETH"/);
  });

  test('a card snooze whose time has passed, or made on data that has since changed, leaves the stored settings; one still in force stays', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await storedFor('www.binance.com')).toBeDefined());
    const madeOn = async (host: string) => ({ until: 'data-change', fingerprint: (await storedFor(host))?.entry.fingerprint ?? '' });
    const binance = await madeOn('www.binance.com');
    const kraken = await madeOn('www.kraken.com');
    const ahead = { until: 'time', endsAt: Date.now() + 86_400_000 };
    await updateSettings(parseSettings({ snoozes: { binance, kraken, okx: { until: 'time', endsAt: Date.now() - 1 }, bitstamp: ahead } }));
    const snoozes = async () => parseSettings((await fakeBrowser.storage.local.get('settings')).settings).snoozes;
    await vi.waitFor(async () => expect(await snoozes()).toEqual({ binance, kraken, bitstamp: ahead }));

    // New data about Binance, as a refresh stores it: a reading dated today.
    const base = bundledSnapshot();
    const observedAt = new Date().toISOString();
    const reading = { ...base.exchanges.binance!.onchain!, totalUsd: 123_456_789_012, asOf: observedAt.slice(0, 10), observedAt };
    await resetData();
    await fakeBrowser.storage.local.set({ heldSnapshot: { ...base, exchanges: { ...base.exchanges, binance: { ...base.exchanges.binance!, onchain: reading } } } });
    await vi.waitFor(async () => expect((await storedFor('www.binance.com'))?.entry.fingerprint).not.toBe(binance.fingerprint));
    await vi.waitFor(async () => expect(await snoozes()).toEqual({ kraken, bitstamp: ahead }));
  });

  test('a snooze made on newer data while a view of older data is being built is not taken for a spent one', async () => {
    // The background's held copy outlives `fakeBrowser.reset()`: the bundled data again.
    await resetData();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () => expect(await storedFor('www.binance.com')).toBeDefined());
    const older = (await storedFor('www.binance.com'))?.entry.fingerprint;
    // The next rebuild is held once its view is built (at its storage write), until `release`.
    let release = () => {};
    let reached = () => {};
    const atWrite = new Promise<void>((resolve) => (reached = resolve));
    const write = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let held = false;
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (!held && FIRST_PAINT_KEY in items) {
        held = true;
        reached();
        await new Promise<void>((resolve) => (release = resolve));
      }
      return write(items);
    });
    await updateSettings({ corner: 'top-left' });
    await atWrite;

    // Meanwhile new data about Binance comes in, and the user snoozes Binance's pill showing it.
    const base = bundledSnapshot();
    const observedAt = new Date().toISOString();
    const reading = { ...base.exchanges.binance!.onchain!, totalUsd: 123_456_789_012, asOf: observedAt.slice(0, 10), observedAt };
    await resetData();
    await fakeBrowser.storage.local.set({ heldSnapshot: { ...base, exchanges: { ...base.exchanges, binance: { ...base.exchanges.binance!, onchain: reading } } } });
    const newer = buildExchangeView({ exchange: getExchange('binance')!, reserves: (await heldSnapshot()).exchanges.binance, now: new Date() }).fingerprint;
    expect(newer).not.toBe(older);
    const snooze = { until: 'data-change', fingerprint: newer };
    const snoozed = send({ type: 'nudge-snooze', exchangeId: 'binance', snooze }, contentScript('https://www.binance.com/'));
    await vi.waitFor(async () => expect(parseSettings((await fakeBrowser.storage.local.get('settings')).settings).snoozes).toEqual({ binance: snooze }));

    release();
    // Answered after its own rebuild, which follows the held one.
    await snoozed;
    expect((await storedFor('www.binance.com'))?.entry.fingerprint).toBe(newer);
    expect(parseSettings((await fakeBrowser.storage.local.get('settings')).settings).snoozes).toEqual({ binance: snooze });
  });
});
