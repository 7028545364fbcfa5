import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { freshBackground, gate, noNetwork, recordTabMessages } from './background.testkit';
import { REFRESH_ALARM } from './data';
import { snoozeRunAlert, updateRunAlerts } from './run-alerts';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { readTabState } from '@/utils/tab-states';
import { inTurn } from '@/utils/in-turn';
import { toldMarks } from './told-views';
import { pricedSymbols } from './holdings';
import { defillamaPricesUrl } from '@/lib/holdings/prices';
import { clearEverything } from './delete-everything';
import { getHoldings } from '@/utils/holdings';

/**
 * The run alert reaches exchange tabs that are already open: their badge, tooltip and stored
 * state follow the alert's start and snooze, and our script in each is told to ask again, with
 * no `tabs` permission and across a restart of the worker (the tabs are kept in session storage).
 */

const NOW = new Date();
const CEXS = 'https://api.llama.fi/cexs';
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;
const pageOf = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url });
/** The popup, an extension page of ours. */
const popup = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` });
const BINANCE_TAB = 21;
const BINANCE = 'https://www.binance.com/en/trade/BTC_USDT';
const REFUSED = 'Could not establish connection. Receiving end does not exist.';
const refresh = async () => Promise.all(await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false }));
const heldUrls = async () => ((await fakeBrowser.storage.session.get('tabUrls')).tabUrls ?? {}) as Record<string, string>;
/** The open tab that is not the Binance one (the fake browser's own). */
const otherTab = async () => (await fakeBrowser.tabs.query({})).find(({ id }) => id !== BINANCE_TAB)!.id!;
/**
 * Lets the work a refresh leaves running (the tabs' answers, not waited for) finish: storage here answers in promises,
 * never on a timer, so every step already queued runs before the next macrotask, and each write to the tab list takes
 * its turn. No timer: a slow machine waits as long as the steps take.
 */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    await inTurn('session:tabUrls', async () => undefined);
  }
}

/** A live /cexs reading for Binance in which a fifth of its assets left in a day (as in run-alerts.test.ts). */
async function runOnBinance(): Promise<void> {
  const base = bundledSnapshot();
  const observedAt = NOW.toISOString();
  const binance = base.exchanges.binance!;
  const flows = { net24hUsd: -20e9, net7dUsd: -20e9, net30dUsd: -20e9, asOf: observedAt.slice(0, 10), observedAt, source: CEXS };
  const onchain = { ...binance.onchain!, totalUsd: 80e9, cleanUsd: 70e9, asOf: observedAt.slice(0, 10), observedAt, source: CEXS };
  await fakeBrowser.storage.local.set({ heldSnapshot: { ...base, exchanges: { ...base.exchanges, binance: { ...binance, onchain, flows } } } });
}

/** The Binance tab's script asks for its state; the tab then shows its grade on the badge. */
async function binanceTabGraded(): Promise<void> {
  await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
  await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toMatch(/^[A-F]\??$/));
}

/** The Binance tab's script asks for its state; the view it was told is then marked for the session. */
async function binanceTabMarked(): Promise<void> {
  await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
  await vi.waitFor(async () => expect(Object.keys(await toldMarks())).toEqual([String(BINANCE_TAB)]));
}

/** Two ether held on Binance at 2,100 each, over the user's own cap of 2,000 there, with `history` as the holdings' points. */
async function twoEtherOverCap(history: readonly { day: string; selfShare: number }[]): Promise<void> {
  const eth = { id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: NOW.getTime() };
  await fakeBrowser.storage.local.set({
    priceTable: { fetchedAt: NOW.getTime(), prices: { ETH: { usd: 2100, asOf: NOW.toISOString(), source: defillamaPricesUrl({ symbols: pricedSymbols }) } } },
    holdings: { holdings: [eth], addresses: [], history, limits: { exchanges: { binance: { cap: 2000 } } } },
  });
}

describe('open exchange tabs follow the run alert', () => {
  beforeEach(async () => {
    await freshBackground();
    background.main();
    // The reading is there before any tab asks; the alert's episode starts with the next update.
    await runOnBinance();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('the alert starts: the open tab turns "!" with its tooltip and its script is told; a snooze calms it again', async () => {
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await binanceTabGraded();
    // The worker stops and starts again: the open tabs are known from session storage.
    background.main();

    await updateRunAlerts(NOW);
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toBe('!');
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({ tabId: BINANCE_TAB })).toBe('Reserve Radar: Run alert: money is leaving Binance fast'));
    const stored = await readTabState(BINANCE_TAB);
    expect(stored?.kind === 'exchange' && stored.view.runAlert?.active).toBe(true);
    expect(told).toHaveBeenCalledWith(BINANCE_TAB, { type: 'view-changed' });

    told.mockClear();
    await snoozeRunAlert('binance', NOW);
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).not.toBe('!');
    expect(told).toHaveBeenCalledWith(BINANCE_TAB, { type: 'view-changed' });
  });

  test('a closed tab is told nothing; a tab that cannot answer breaks nothing; no change, nothing told', async () => {
    const { told, viewChanged } = recordTabMessages(() => Promise.reject(new Error(REFUSED)));
    await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
    await send({ type: 'page-state' }, pageOf(22, 'https://www.kraken.com/'));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 22 })).not.toBe(''));
    await fakeBrowser.tabs.onRemoved.trigger(22, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('tabUrls')).toEqual({ tabUrls: { [BINANCE_TAB]: BINANCE } }));

    await updateRunAlerts(NOW);
    // Every other open tab (the fake browser's own tab 0 here) is only asked to report its page.
    expect(viewChanged()).toEqual([BINANCE_TAB]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toBe('!');
    told.mockClear();
    await updateRunAlerts(NOW);
    expect(told).not.toHaveBeenCalled();
  });

  test('a tab that never answers holds nothing up: the popup’s snooze that follows goes through', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(() => new Promise<never>(() => undefined) as never);
    await binanceTabGraded();
    let updated = false;
    let snoozed = false;
    void updateRunAlerts(NOW).then(() => (updated = true));
    void snoozeRunAlert('binance', NOW).then(() => (snoozed = true));
    await vi.waitFor(() => expect({ updated, snoozed }).toEqual({ updated: true, snoozed: true }), { timeout: 2000 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).not.toBe('!');
  });

  test('the scheduled refresh tells each open exchange tab once, its run alert included', async () => {
    noNetwork();
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await binanceTabGraded();
    told.mockClear();
    await Promise.all(await fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false }));
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toBe('!');
    expect(told.mock.calls.filter(([, message]) => (message as { type?: string }).type === 'view-changed')).toEqual([[BINANCE_TAB, { type: 'view-changed' }]]);
  });

  test('a scheduled refresh that changed nothing in the view tells no tab, across a restart of the worker too; "Delete everything" forgets what each tab was told', async () => {
    noNetwork();
    const { told, viewChanged: notices } = recordTabMessages();
    await binanceTabGraded();
    // The first refresh starts the run alert: the tab's view changed.
    await refresh();
    expect(notices()).toEqual([BINANCE_TAB]);
    told.mockClear();
    // Nothing new: the sources fail, the alert goes on as it was.
    await refresh();
    await refresh();
    // The worker sleeps and wakes: what each tab was told is kept for the session, not in the worker's memory.
    background.main();
    await refresh();
    expect(notices()).toEqual([]);
    // A tab that asks for its state gets the view of now; a refresh after it tells it nothing more.
    await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
    await settle();
    await refresh();
    expect(notices()).toEqual([]);

    expect(Object.keys((await fakeBrowser.storage.session.get('toldViews')).toldViews as object)).toEqual([String(BINANCE_TAB)]);
    await send({ type: 'delete-all-data' }, popup());
    expect(await fakeBrowser.storage.session.get('toldViews')).toEqual({});
  });

  test('a tab without our script is asked to report once, not at every refresh, nor after the worker restarts; asked again once its page changed', async () => {
    noNetwork();
    const other = (await fakeBrowser.tabs.query({})).find(({ id }) => id !== BINANCE_TAB)!;
    const { told, reportAsked: asked } = recordTabMessages(async (tabId) => {
      if (tabId !== BINANCE_TAB) throw new Error(REFUSED);
    });
    await binanceTabGraded();

    await refresh();
    expect(asked()).toEqual([other.id]);
    // The refusal is kept for the session once the tab list's turn comes to it.
    await vi.waitFor(async () => expect((await heldUrls())[other.id!]).toBe(''));
    told.mockClear();
    await refresh();
    // The worker stops and starts again: what it learned is kept for the session.
    background.main();
    await refresh();
    expect(asked()).toEqual([]);

    // The tab loads another page: it may be one of ours now.
    await fakeBrowser.tabs.onUpdated.trigger(other.id!, { status: 'loading' }, { ...other, url: undefined } as never);
    await refresh();
    await vi.waitFor(() => expect(asked()).toEqual([other.id]));
  });

  test('a tab whose page reports itself while its refusal is on its way keeps its address and is told when its view next changes', async () => {
    noNetwork();
    const other = await otherTab();
    // The tab list's turn is held, so the page's report is kept only after the refusal was heard and the tab's address read.
    const { shut, open } = gate();
    let refused = false;
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string }) => {
      if (tabId !== other || message.type !== 'report-page' || refused) return undefined;
      // An exchange page still loading: its early script has no listener yet, but reports its page at once.
      void inTurn('session:tabUrls', () => shut);
      await send({ type: 'page-state' }, pageOf(other, BINANCE));
      refused = true;
      throw new Error(REFUSED);
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    await binanceTabGraded();

    await refresh();
    await vi.waitFor(() => expect(refused).toBe(true));
    // The refusal's work (the tab's address read, no address yet) queues behind the page's report before the turn opens.
    await new Promise((resolve) => setImmediate(resolve));
    open();
    await settle();
    expect(await heldUrls()).toEqual({ [BINANCE_TAB]: BINANCE, [other]: BINANCE });
    told.mockClear();
    // The run alert is snoozed: Binance's view changed, and both its tabs are told.
    await snoozeRunAlert('binance', NOW);
    expect(told).toHaveBeenCalledWith(other, { type: 'view-changed' });
    expect(told).toHaveBeenCalledWith(BINANCE_TAB, { type: 'view-changed' });
  });

  test('a tab asked before "Delete everything" that refuses after it is not marked after it', async () => {
    noNetwork();
    const other = await otherTab();
    let deleted = false;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type?: string }) => {
      if (tabId !== other || message.type !== 'report-page') return undefined;
      await send({ type: 'delete-all-data' }, popup());
      deleted = true;
      throw new Error(REFUSED);
    }) as unknown as typeof fakeBrowser.tabs.sendMessage);
    await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
    await vi.waitFor(async () => expect(await heldUrls()).toEqual({ [BINANCE_TAB]: BINANCE }));

    await refresh();
    await vi.waitFor(() => expect(deleted).toBe(true));
    await settle();
    expect(await heldUrls()).toEqual({});
  });

  test('the popup on a tab known to hold no script of ours, with no address shown, asks the tab to report again', async () => {
    noNetwork();
    const other = await otherTab();
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error(REFUSED));
    await refresh();
    await vi.waitFor(async () => expect(await heldUrls()).toEqual({ [other]: '' }));
    told.mockClear();
    // No activeTab grant and no `tabs` permission: the browser shows no address.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: other } as never);

    const state = (await send({ type: 'tab-state', tabId: other }, popup())) as { kind: string };
    expect(state.kind).toBe('not-exchange');
    expect(told).toHaveBeenCalledWith(other, { type: 'report-page' });
  });

  test('a change of language tells each open exchange tab, whose script then asks for its words again; a change of another setting tells none', async () => {
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const notices = () => told.mock.calls.filter(([, message]) => (message as { type?: string }).type === 'view-changed');
    await binanceTabGraded();
    told.mockClear();
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-left' } });
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-left', language: 'de' } });
    await vi.waitFor(() => expect(notices()).toEqual([[BINANCE_TAB, { type: 'view-changed' }]]));
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-right', language: 'de' } });
    await fakeBrowser.storage.local.set({ settings: { corner: 'top-right', language: 'auto' } });
    await vi.waitFor(() => expect(notices()).toHaveLength(2));
    expect(notices()).toEqual([
      [BINANCE_TAB, { type: 'view-changed' }],
      [BINANCE_TAB, { type: 'view-changed' }],
    ]);
  });

  test('a run alert whose notice could not be delivered is told again at the next refresh', async () => {
    noNetwork();
    const { told, viewChanged: notices } = recordTabMessages();
    await binanceTabMarked();
    // The page is away (in the back-forward cache, or navigating): nothing receives the notice when the alert starts.
    told.mockRejectedValue(new Error(REFUSED));
    await updateRunAlerts(NOW);
    expect(notices()).toEqual([BINANCE_TAB]);
    await settle();
    told.mockReset();
    told.mockResolvedValue(undefined);
    // The page is back, still drawing the view from before the alert: the next scheduled refresh tells it, though it brought nothing new.
    await refresh();
    expect(notices()).toEqual([BINANCE_TAB]);
  });

  test('a new page in the tab is told at the next refresh: what the page before it got is forgotten when the tab starts loading', async () => {
    noNetwork();
    const { viewChanged: notices } = recordTabMessages();
    await binanceTabMarked();
    // Another page of the exchange in the same tab (one the back-forward cache may bring back later, drawing what it drew then).
    await Promise.all(await fakeBrowser.tabs.onUpdated.trigger(BINANCE_TAB, { status: 'loading' }, { id: BINANCE_TAB, url: 'https://www.binance.com/en/markets' } as never));
    await vi.waitFor(async () => expect(await toldMarks()).toEqual({}));
    await refresh();
    expect(notices()).toEqual([BINANCE_TAB]);
  });

  test('a timed snooze that ends while the page is open: the next refresh tells the tab, whose pill then shows again', async () => {
    noNetwork();
    const { told, viewChanged: notices } = recordTabMessages();
    const endsAt = Date.now() + 60_000;
    await fakeBrowser.storage.local.set({ settings: { nudgePolicy: 'every-visit', snoozes: { binance: { until: 'time', endsAt } } } });
    await binanceTabMarked();
    // The first refresh starts the run alert (the view changed). A card snooze does not hide a run alert, so the run is
    // snoozed too; the card snooze then hides the pill, and a refresh after it tells nothing.
    await refresh();
    await settle();
    await snoozeRunAlert('binance');
    await settle();
    told.mockClear();
    await refresh();
    expect(notices()).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'], now: endsAt + 60_000 });
    try {
      await refresh();
      expect(notices()).toEqual([BINANCE_TAB]);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a change of holdings that alters only the balance line tells the open exchange tab', async () => {
    const { told, viewChanged: notices } = recordTabMessages();
    await binanceTabMarked();
    told.mockClear();
    // Two ether on Binance at 2,100 each, over the user's own cap of 2,000 there: the pill's balance line, nothing else.
    await twoEtherOverCap([]);
    // Told, once (the history point the change records writes the holdings again, and is not pushed).
    await vi.waitFor(() => expect(notices()).toEqual([BINANCE_TAB]));
    await settle();
    expect(notices()).toEqual([BINANCE_TAB]);
    const state = (await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE))) as { balanceNudge?: { kind: string } };
    expect(state.balanceNudge?.kind).toBe('over-cap');
  });

  test('"Delete everything" with no holdings stored does not swallow the next edit, one that records no history point', async () => {
    const { told, viewChanged: notices } = recordTabMessages();
    // Nothing stored under the holdings: the delete changes no holdings, and no holdings event follows it.
    await clearEverything();
    await binanceTabMarked();
    told.mockClear();
    // Today's point is already there with the share this edit gives (all on an exchange): the edit is the only write.
    await twoEtherOverCap([{ day: NOW.toISOString().slice(0, 10), selfShare: 0 }]);
    await vi.waitFor(() => expect(notices()).toEqual([BINANCE_TAB]));
  });

  test('an edit is pushed to the open tabs once: the history point it records writes the holdings again, which draws nothing new', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await binanceTabMarked();
    await settle();
    query.mockClear();
    await twoEtherOverCap([]);
    await vi.waitFor(async () => expect((await getHoldings()).history).toHaveLength(1));
    await settle();
    // `refreshExchangeTabs` lists the open tabs once per push.
    expect(query).toHaveBeenCalledTimes(1);
  });

  test("a page cannot send the notice to the background: it is no request the page's script may make", async () => {
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await send({ type: 'view-changed' }, pageOf(BINANCE_TAB, BINANCE))).toBeUndefined();
    expect(told).not.toHaveBeenCalled();
  });
});
