import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { freshBackground, gate, holdRead } from './background.testkit';
import type { TabState } from '@/lib/view/exchange-view';
import type { PageState } from '@/lib/view/page-state';
import german from '@/public/_locales/de/messages.json';
import french from '@/public/_locales/fr/messages.json';
import spanish from '@/public/_locales/es/messages.json';
import swedish from '@/public/_locales/sv/messages.json';
import { chosenWords } from './words';
import { clearEverything, deleteMark } from './delete-everything';
import { inTurn, inTurns } from '@/utils/in-turn';
import { SHARED_LOCAL_KEYS, SHARED_SESSION_KEYS } from './extension-handlers';
import { updateRunAlerts } from './run-alerts';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { pricedSymbols, readBalances, refreshPrices } from './holdings';
import { defillamaPricesUrl } from '@/lib/holdings/prices';
import { FIRST_PAINT_KEY } from '@/lib/view/first-paint-view';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "Delete everything" and what the background keeps for the browser session: the addresses of the open
 * exchange tabs, each tab's state and badge meaning, the user's settings and holdings held in memory.
 * None is left after it, none computed before it is written after it, and an exchange tab that was open
 * through it is still answered as its exchange's, never as "not an exchange".
 */

const NOW = Date.now();
const coins = readFileSync(join(import.meta.dirname, '../../tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
const TAB = 5;
const BINANCE = 'https://www.binance.com/en/my/wallet/account/main';
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` });
const pageOf = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url });
const trigger = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;
const send = (message: unknown) => trigger(message, self());
const askTab = (tabId: number) => send({ type: 'tab-state', tabId }) as Promise<TabState>;
/** What session storage holds about tabs: their addresses, states and badge meanings. */
async function tabsHeld(): Promise<Record<string, unknown>> {
  const held = await fakeBrowser.storage.session.get(null);
  return Object.fromEntries(
    Object.entries(held).filter(([key, value]) => key.startsWith('tabState:') || (['tabUrls', 'badgeMeanings', 'globalRunAlerts'].includes(key) && JSON.stringify(value).length > 2)),
  );
}
/**
 * Lets the bookkeeping the handlers started go first: it writes in the tab list's turn, then the badge meaning in the
 * meanings' turn (the tab's state in the same step as its check), so taking both turns, a few times over for the steps
 * that follow one another, leaves nothing of it pending. No timer: a slow machine waits as long as the steps take.
 */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    // Every step already queued (storage here answers in promises, never on a timer) runs before the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    await inTurn('session:tabUrls', async () => undefined);
    await inTurn('session:badgeMeanings', async () => undefined);
  }
}

/** The delete's clear, in the turns it takes, without a background started: nothing rebuilt after it writes words of its own. */
const clearAll = () => inTurns(SHARED_LOCAL_KEYS, () => inTurns(SHARED_SESSION_KEYS, clearEverything));

/** The language the pill words kept for the session were worded for, if any are kept. */
const keptLanguage = async () => ((await fakeBrowser.storage.session.get('pillWords')).pillWords as { language?: string } | undefined)?.language;

describe('"Delete everything" and the open tabs', () => {
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  test('leaves no tab address, tab state or badge meaning in session storage', async () => {
    background.main();
    await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE));
    await vi.waitFor(async () => expect(Object.keys(await tabsHeld()).sort()).toEqual(['badgeMeanings', `tabState:${TAB}`, 'tabUrls']));
    await send({ type: 'delete-all-data' });
    await settle();
    expect(await tabsHeld()).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('binance.com');
  });

  test("a popup's question answered across it writes neither the tab's state nor its badge meaning after it", async () => {
    background.main();
    const { shut, open } = gate();
    let asked = false;
    vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async () => {
      asked = true;
      await shut;
      return { id: TAB, url: BINANCE } as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>;
    });
    const answer = askTab(TAB);
    await vi.waitFor(() => expect(asked).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    expect((await answer).kind).toBe('exchange');
    await settle();
    expect(await tabsHeld()).toEqual({});
  });

  test("a pill's question answered across it keeps neither the tab's address nor its state after it; the pill gets its answer", async () => {
    // Every first read waits for the wake-up's early question, held until the delete is done.
    const { reached, open } = holdRead('heldSnapshot');
    background.main();
    const answer = trigger({ type: 'page-state' }, pageOf(TAB, BINANCE)) as Promise<PageState>;
    await vi.waitFor(() => expect(reached()).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    expect((await answer).kind).toBe('exchange');
    await settle();
    expect(await tabsHeld()).toEqual({});
  });

  test('a tab event handled across it writes neither the state nor the badge meaning it computed before it', async () => {
    const { reached, open } = holdRead('heldSnapshot');
    background.main();
    // The listener returns its work, and the fake browser's trigger awaits it: held here until the delete has answered.
    const handled = fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading' }, { id: TAB, url: BINANCE } as Parameters<typeof fakeBrowser.tabs.onUpdated.trigger>[2]);
    await vi.waitFor(() => expect(reached()).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    await handled;
    await settle();
    expect(await tabsHeld()).toEqual({});
  });

  test("an exchange tab open through it still gets its exchange's card in the popup: its script is asked to report again", async () => {
    background.main();
    await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE));
    await send({ type: 'delete-all-data' });
    await settle();
    expect(await tabsHeld()).toEqual({});
    // As our script in the tab answers: it reports its page, whose address the browser gives.
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string }) => {
      if (tabId === TAB && message.type === 'report-page') await trigger({ type: 'page-here' }, pageOf(TAB, BINANCE));
      return undefined;
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    const state = await askTab(TAB);
    expect(state.kind === 'exchange' && state.view.id).toBe('binance');
    expect(asked).toHaveBeenCalledWith(TAB, { type: 'report-page' });
    // A tab with no script of ours (no exchange page) is what it was: not an exchange.
    asked.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect((await askTab(6)).kind).toBe('not-exchange');
  });

  test('a page cannot make the background remember another address: the report takes the one the browser gives, an exchange’s own only', async () => {
    background.main();
    await trigger({ type: 'page-here' }, pageOf(TAB, 'https://mail.example.org/reset?token=SECRET'));
    await trigger({ type: 'page-here', url: 'https://www.binance.com/' }, pageOf(7, 'https://www.kraken.com/'));
    await settle();
    expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ 7: 'https://www.kraken.com/' });
  });

  test("a frame's report is not its tab's: only the top page's address is kept", async () => {
    background.main();
    const inFrame = (tabId: number) => ({ ...pageOf(tabId, 'https://www.binance.com/widget'), frameId: 3, tab: { id: tabId, url: 'https://binance-login.example/' } });
    await trigger({ type: 'page-here' }, inFrame(9));
    await trigger({ type: 'page-state' }, inFrame(10));
    await trigger({ type: 'page-here' }, { ...pageOf(7, 'https://www.kraken.com/'), frameId: 0 });
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ 7: 'https://www.kraken.com/' }));
    await inTurn('session:tabUrls', async () => undefined);
    expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ 7: 'https://www.kraken.com/' });
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key.startsWith('tabState:'))).toEqual([]);
  });
});

describe('"Delete everything" and what the background holds in memory', () => {
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  test('the settings and holdings held for the pill are not handed out after it, before its change events arrive', async () => {
    // As in the browser, the storage area's change events come after the write has answered: here, when the test lets them.
    const { shut, open } = gate();
    const events = fakeBrowser.storage.local.onChanged;
    const listen = events.addListener.bind(events);
    vi.spyOn(events, 'addListener').mockImplementation((listener) => listen((...args) => void shut.then(() => listener(...args))));
    await fakeBrowser.storage.local.set({
      settings: { language: 'de', corner: 'top-left', cornerChosen: true },
      holdings: {
        holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: NOW }],
        addresses: [],
        history: [],
        limits: { exchanges: { binance: { cap: 1000 } } },
      },
      priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: new Date(NOW).toISOString(), source: 'https://coins.llama.fi/' } } },
    });
    background.main();
    const before = (await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE))) as PageState;
    expect(JSON.stringify(before)).toContain('top-left');
    expect(JSON.stringify(before)).toContain('balanceNudge');
    await send({ type: 'delete-all-data' });
    const after = (await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE))) as PageState;
    expect(after.kind).toBe('exchange');
    expect(JSON.stringify(after)).not.toContain('top-left');
    expect(JSON.stringify(after)).not.toContain('balanceNudge');
    open();
  });

  test("the pill's next answer after it was shown reads no setting or reminder time from storage: the write handed them over", async () => {
    background.main();
    await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE));
    await trigger({ type: 'nudge-shown', exchangeId: 'binance' }, pageOf(TAB, BINANCE));
    const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(((await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE))) as PageState).kind).toBe('exchange');
    expect(gets.mock.calls.filter((call) => /nudgeSeen|settings/.test(JSON.stringify(call)))).toEqual([]);
  });

  test("the pill's next answer after a balance reading and a price refresh reads neither prices nor readings from storage: the writes handed them over", async () => {
    const address = '0x00000000000000000000000000000000005E1f01';
    await fakeBrowser.storage.local.set({
      settings: { rpcUrl: 'http://127.0.0.1:8545' },
      holdings: {
        holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: NOW }],
        addresses: [{ id: 'w', address, chainIds: [1] }],
        history: [],
        limits: { exchanges: { binance: { cap: 1000 } } },
      },
    });
    // The RPC is down: the reading is stored all the same, incomplete.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    background.main();
    const balanceLine = async () => ((await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE))) as { balanceNudge?: { kind: string } }).balanceNudge?.kind;
    // Nothing priced yet, so no value to hold over the cap; every value the pill reads is held from here on.
    expect(await balanceLine()).toBe('risky-exchange');
    expect(await readBalances({ timeoutMs: 60_000 })).toMatchObject({ ok: true });
    const prices = async (url: string) =>
      url === defillamaPricesUrl({ symbols: pricedSymbols }) ? new Response(coins, { headers: { 'content-type': 'application/json' } }) : new Response('down', { status: 503 });
    expect((await refreshPrices({ fetch: prices })).fetched).toBe(true);
    // The first paint's rebuild, which the writes' change events start, reads the settings from storage (it is built from
    // storage), but neither the prices nor the readings: the held copies it reads them from took what the writes stored.
    const gets = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sets = vi.spyOn(fakeBrowser.storage.local, 'set');
    await vi.waitFor(() => expect(sets.mock.calls.some(([items]) => FIRST_PAINT_KEY in (items as object))).toBe(true));
    expect(gets.mock.calls.filter((call) => /priceTable|addressReadings/.test(JSON.stringify(call)))).toEqual([]);
    gets.mockClear();
    expect(await balanceLine(), 'the line the new prices make').toBe('over-cap');
    // Nor, for the balance line's words, the language setting: the pill's held settings give it.
    expect(gets.mock.calls).toEqual([]);
  });

  test('the pill words worded for the chosen language across it are not kept for the session after it: they name the setting', async () => {
    background.main();
    const { shut, open } = gate();
    let asked = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        asked = true;
        await shut;
        return new Response(JSON.stringify(german), { headers: { 'content-type': 'application/json' } });
      }),
    );
    const worded = chosenWords('de', deleteMark());
    await vi.waitFor(() => expect(asked).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    // The words are kept, or not, in the same step as they are handed out.
    await worded;
    expect(await fakeBrowser.storage.session.get('pillWords')).toEqual({});
  });

  test("the pill words for the language a pill's question read before it are not kept for the session after it", async () => {
    // A language no other test here words: words the worker already held for it would be handed out with no session write to check.
    await fakeBrowser.storage.local.set({ settings: { language: 'fr' } });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(french), { headers: { 'content-type': 'application/json' } })),
    );
    // The settings come in the wake-up's early question, held here with the snapshot's read until the delete is done.
    const { reached, open } = holdRead('heldSnapshot');
    background.main();
    const answer = trigger({ type: 'page-state' }, pageOf(TAB, BINANCE)) as Promise<PageState>;
    await vi.waitFor(() => expect(reached()).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    // The pill gets the words of the language it read; they are kept, or not, before the answer goes.
    expect(JSON.stringify(await answer)).toContain(french.close.message);
    const kept = (await fakeBrowser.storage.session.get('pillWords')).pillWords as { language?: string } | undefined;
    expect(kept?.language).not.toBe('fr');
  });

  test('pill words not kept for the session, worded from a language read before it, are kept the next time they are worded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(swedish), { headers: { 'content-type': 'application/json' } })),
    );
    const asked = deleteMark();
    await clearAll();
    await chosenWords('sv', asked);
    expect(await keptLanguage()).toBeUndefined();
    await chosenWords('sv', deleteMark());
    await vi.waitFor(async () => expect(await keptLanguage()).toBe('sv'));
  });

  test('the pill words kept for the session before it are kept again the next time they are worded after it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(spanish), { headers: { 'content-type': 'application/json' } })),
    );
    await chosenWords('es', deleteMark());
    await vi.waitFor(async () => expect(await keptLanguage()).toBe('es'));
    await clearAll();
    expect(await keptLanguage()).toBeUndefined();
    await chosenWords('es', deleteMark());
    await vi.waitFor(async () => expect(await keptLanguage()).toBe('es'));
  });
});

describe('"Delete everything" and the pushes to a tab still open', () => {
  const runStarts = async () => {
    const base = bundledSnapshot();
    const observedAt = new Date().toISOString();
    const binance = base.exchanges.binance!;
    const source = 'https://api.llama.fi/cexs';
    const flows = { net24hUsd: -20e9, net7dUsd: -20e9, net30dUsd: -20e9, asOf: observedAt.slice(0, 10), observedAt, source };
    const onchain = { ...binance.onchain!, totalUsd: 80e9, cleanUsd: 70e9, asOf: observedAt.slice(0, 10), observedAt, source };
    await fakeBrowser.storage.local.set({ heldSnapshot: { ...base, exchanges: { ...base.exchanges, binance: { ...binance, onchain, flows } } } });
  };
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    background.main();
    await trigger({ type: 'page-state' }, pageOf(TAB, BINANCE));
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ [TAB]: BINANCE }));
    await send({ type: 'delete-all-data' });
    await runStarts();
  });

  test("the popup opened on it by the toolbar button (its address shown) keeps the tab's address again", async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB, url: BINANCE } as never);
    expect((await askTab(TAB)).kind).toBe('exchange');
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ [TAB]: BINANCE }));
  });

  test('a run alert that starts after it reaches the tab: its script is asked to report and is then told', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: TAB }, { id: 6 }] as never);
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string }) => {
      // Tab 6 has no script of ours.
      if (tabId !== TAB) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (message.type === 'report-page') await trigger({ type: 'page-here' }, pageOf(TAB, BINANCE));
      return undefined;
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    await updateRunAlerts(new Date());
    expect(JSON.stringify(await fakeBrowser.storage.local.get('runAlerts'))).toContain('binance');
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith(TAB, { type: 'view-changed' }));
    expect(told).not.toHaveBeenCalledWith(6, { type: 'view-changed' });
    // Tab 6 is kept with no address: known to hold no script of ours, it is not asked at the next push.
    await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('tabUrls')).tabUrls).toEqual({ [TAB]: BINANCE, 6: '' }));
  });
});

describe('"Delete everything" answered', () => {
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  test('as done once everything is deleted, even when the global badge cannot be worked out again after it', async () => {
    background.main();
    await fakeBrowser.storage.local.set({ settings: { language: 'de' } });
    const action = fakeBrowser.action;
    const draw = action.setBadgeText.bind(action);
    vi.spyOn(action, 'setBadgeText').mockImplementation((details) => ('tabId' in details && details.tabId !== undefined ? draw(details) : Promise.reject(new Error('badge refused'))));
    const answer = await send({ type: 'delete-all-data' });
    expect(answer).toEqual(await send({ type: 'sources-state' }));
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });
});
