import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { freshBackground, gate, holdRead } from './background.testkit';
import { pricedSymbols, readBalances, recordHistory, refreshPrices, REMINDER_ALARM, scheduleReminder } from './holdings';
import * as data from './data';
import { CEXS_SOURCE, FEED_SOURCE, heldSnapshot, OWN_TOKEN_PRICES_SOURCE, refreshDue } from './data';
import { getAddressReadings, getHoldings, getPriceTable } from '@/utils/holdings';
import { getSettings } from '@/utils/settings';
import { FIRST_PAINT_KEY, type FirstPaintView } from '@/lib/view/first-paint-view';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { subscriptionViews } from './warnings';
import { defillamaPricesUrl } from '@/lib/holdings/prices';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { signWarningList } from '@/lib/community/sign-warning-list';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { inTurn } from '@/utils/in-turn';
import { deletedSince, deleteMark } from './delete-everything';
import { knownBadSection, ownTokenChart, signedFeed } from './source-answers.testkit';
import { TEST_FEED_SIGNER } from '@/tests/fixtures/feed/test-key';

/**
 * "Delete everything" pressed while background work that read the user's data waits (on the
 * network, the user's RPC, a permission check): nothing that work learned is written after it.
 */

const NOW = Date.parse('2026-11-25T10:00:00Z');
const FEED = 'https://feed.test/feed.json';
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
const send = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, self(), () => undefined))[0] as unknown;
/** The stored values among `keys`: none, after the delete. */
const left = async (keys: string[]) => Object.entries(await fakeBrowser.storage.local.get(keys)).filter(([, value]) => value !== undefined);
const holdings = { holdings: [{ id: 'a', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 1, updatedAt: NOW }], addresses: [], history: [] };

/** A subscription to a list at lists.example.org, checked, with its signed list held. */
async function signedSubscription() {
  const key = generatePrivateKey();
  const created = await inProcessChainWork.createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: privateKeyToAccount(key).address });
  if (!created.ok) throw new Error(created.code);
  const list = { name: 'Example watch', sequence: 1, issued: '2026-11-20T00:00:00Z', expires: '2027-11-20T00:00:00Z', entries: [] };
  const body = JSON.stringify((await signWarningList({ list, privateKey: key })).envelope);
  return inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body }, now: NOW });
}

describe('"Delete everything" while background work is under way', () => {
  beforeEach(async () => {
    await freshBackground();
    background.main();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  test('a price refresh whose requests are out writes back neither the price table nor its status', async () => {
    await fakeBrowser.storage.local.set({ holdings });
    const { shut, open } = gate();
    let asked = 0;
    const coins = readFileSync(join(import.meta.dirname, '../../tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
    const fetch = vi.fn(async (url: string) => {
      asked++;
      await shut;
      // Good prices, and the rate file down: both the table and the status have something to write.
      return url === defillamaPricesUrl({ symbols: pricedSymbols }) ? new Response(coins, { headers: { 'content-type': 'application/json' } }) : new Response('down', { status: 503 });
    });
    const refresh = refreshPrices({ fetch, now: () => NOW });
    await vi.waitFor(() => expect(asked).toBe(2));
    await send({ type: 'delete-all-data' });
    open();
    expect((await refresh).fetched).toBe(true);
    expect(await left(['priceTable', 'priceStatus', 'holdings'])).toEqual([]);
  });

  test('a price answer heard while it holds the price turns and waits for a later one is not written after the clear: it is checked with the turns held', async () => {
    await fakeBrowser.storage.local.set({ holdings });
    const coins = readFileSync(join(import.meta.dirname, '../../tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
    const { shut: answer, open: letAnswer } = gate();
    let asked = 0;
    let dated = 0;
    const fetch = async (url: string) => {
      asked++;
      await answer;
      return url === defillamaPricesUrl({ symbols: pricedSymbols }) ? new Response(coins, { headers: { 'content-type': 'application/json' } }) : new Response('down', { status: 503 });
    };
    // Some work holds the run alerts' turn, which the delete takes after the price turns (they are taken sorted).
    const { shut, open } = gate();
    let holding = false;
    const held = inTurn('local:runAlerts', async () => {
      holding = true;
      await shut;
    });
    await vi.waitFor(() => expect(holding).toBe(true));
    const now = () => {
      dated++;
      return NOW;
    };
    const refresh = refreshPrices({ fetch, now });
    await vi.waitFor(() => expect(asked).toBe(2));
    const before = deleteMark();
    const deleted = send({ type: 'delete-all-data' });
    // Its steps up to the run alerts' turn answer in promises, never on a timer: they have all run by the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));
    // A turn asked for now comes after the delete's clear only if the delete was already waiting for it (checked below).
    const afterTheDelete = inTurn('local:runAlerts', async () => deletedSince(before));
    letAnswer();
    // The answer is read once the new prices are dated (the attempt was, first): the refresh asks for the price turns in that same step.
    await vi.waitFor(() => expect(dated).toBe(2));
    open();
    await Promise.all([held, deleted, refresh]);
    expect(await afterTheDelete, "the delete held the price turns and waited for the run alerts' turn as the answer came").toBe(true);
    expect(await left(['priceTable', 'priceStatus'])).toEqual([]);
  });

  test('a price refresh asked after it does not settle for the one from before it, whose answers are dropped', async () => {
    await fakeBrowser.storage.local.set({ holdings });
    const { shut, open } = gate();
    let asked = 0;
    const held = vi.fn(async () => {
      asked++;
      await shut;
      return new Response('down', { status: 503 });
    });
    const before = refreshPrices({ fetch: held, now: () => NOW });
    await vi.waitFor(() => expect(asked).toBe(2));
    await send({ type: 'delete-all-data' });
    // The user records a holding again at once and asks for prices.
    await fakeBrowser.storage.local.set({ holdings });
    const after = refreshPrices({ fetch: async () => new Response('still down', { status: 502 }), now: () => NOW + 1 });
    // Joined, it would wait for the held requests and bring back nothing stored.
    expect(after, 'a run of its own, not the one from before the delete').not.toBe(before);
    const { status } = await after;
    expect(status).toMatchObject({ lastAttemptAt: NOW + 1, lastFetchFailure: { status: 502 } });
    open();
    await before;
    expect(await fakeBrowser.storage.local.get('priceStatus')).toEqual({ priceStatus: status });
  });

  test("a reading of the watched addresses through the user's RPC is not stored after it", async () => {
    const address = '0x00000000000000000000000000000000005E1f01';
    await fakeBrowser.storage.local.set({
      settings: { rpcUrl: 'http://127.0.0.1:8545' },
      holdings: { holdings: [], addresses: [{ id: 'w', address, chainIds: [1] }], history: [] },
    });
    const { shut, open } = gate();
    let asked = 0;
    // The RPC answers only after the delete, and then with nothing usable: the reading is stored all the same, incomplete.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        asked++;
        await shut;
        throw new TypeError('Failed to fetch');
      }),
    );
    const reading = readBalances({ now: () => NOW, timeoutMs: 60_000 });
    await vi.waitFor(() => expect(asked).toBeGreaterThan(0));
    await send({ type: 'delete-all-data' });
    open();
    expect(await reading).toMatchObject({ ok: true });
    expect(await left(['addressReadings', 'holdings', 'settings'])).toEqual([]);
  });

  test('a reminder planned from the settings before it makes no alarm after it', async () => {
    await fakeBrowser.storage.local.set({ settings: { reminders: { monthlyDay: 1, proofOfKeysDay: true } } });
    const { shut, open } = gate();
    let asked = 0;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => {
      asked++;
      await shut;
      return true;
    });
    const planned = scheduleReminder();
    // This plan and the one the settings' change event started.
    await vi.waitFor(() => expect(asked).toBeGreaterThanOrEqual(2));
    const clears = vi.spyOn(fakeBrowser.alarms, 'clear');
    await send({ type: 'delete-all-data' });
    // The settings' change event plans again, from the defaults (no reminder), before the permission check answers:
    // it clears the reminder alarm, as the delete itself did.
    await vi.waitFor(() => expect(clears.mock.calls.filter(([name]) => name === REMINDER_ALARM)).toHaveLength(2));
    open();
    await planned;
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  test.each([
    ['Delete everything', 'delete-all-data'],
    ['Reset', 'reset-data'],
  ])('%s while the stored warning lists are being verified leaves no checked copy of them in session storage', async (_name, type) => {
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await signedSubscription()] });
    const { shut, open } = gate();
    let asked = 0;
    const parse = inProcessChainWork.parseStoredSubscriptions;
    vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions').mockImplementation(async (value) => {
      asked++;
      await shut;
      return parse(value);
    });
    const views = subscriptionViews();
    await vi.waitFor(() => expect(asked).toBe(1));
    await send({ type });
    open();
    await views;
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('lists.example.org');
    expect(await subscriptionViews()).toEqual([]);
  });

  test('a first paint built from the holdings read before it stores no balance line after it', async () => {
    const over = { ...holdings, limits: { exchanges: { binance: { cap: 1000 } } } };
    await fakeBrowser.storage.local.set({ holdings: over, priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: '2026-11-25T09:00:00.000Z', source: 'https://coins.llama.fi/' } } } });
    const balanceLines = (view: unknown) => Object.values((view as FirstPaintView).exchanges).filter((entry) => entry.balanceNudge !== undefined).length;
    await vi.waitFor(async () => expect(balanceLines((await fakeBrowser.storage.local.get(FIRST_PAINT_KEY))[FIRST_PAINT_KEY])).toBe(1));
    const { reached, open } = holdRead('nudgeSeen');
    let cleared = false;
    const writtenAfter: unknown[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) => {
      if (cleared && FIRST_PAINT_KEY in items) writtenAfter.push(items[FIRST_PAINT_KEY]);
      return set(items);
    });
    const clear = fakeBrowser.storage.local.clear.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockImplementation(() => {
      cleared = true;
      return clear();
    });
    // A rebuild (a pill's "shown" changes what the view is made from) reads the holdings, then waits.
    await fakeBrowser.storage.local.set({ nudgeSeen: { kraken: NOW } });
    await vi.waitFor(() => expect(reached()).toBe(true));
    await send({ type: 'delete-all-data' });
    open();
    // Rebuilds never overlap: the one the clear started writes after the one under way has finished.
    await vi.waitFor(() => expect(writtenAfter.length).toBeGreaterThan(0));
    expect(writtenAfter.map(balanceLines)).toEqual(writtenAfter.map(() => 0));
  });

  // Guards for work that is safe today: these keep it so.
  test('a data refresh with a source out writes back none of the reserve data learned before it', async () => {
    const cexs = readFileSync(join(import.meta.dirname, '../../tests/fixtures/defillama/cexs.json'), 'utf8');
    const { shut, open } = gate();
    let held = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const path = new URL(input).pathname;
        if (path === '/cexs') return new Response(cexs, { headers: { 'content-type': 'application/json' } });
        if (path.startsWith('/protocol/') && held++ === 0) await shut;
        throw new TypeError('Failed to fetch');
      }),
    );
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(held).toBe(1));
    expect(await left(['heldSnapshot'])).toHaveLength(1);
    await send({ type: 'delete-all-data' });
    open();
    await run;
    expect(await left(['heldSnapshot', 'heldFeed', 'knownBad', 'ownTokenPrices', 'runAlerts'])).toEqual([]);
    expect(await heldSnapshot()).toEqual(bundledSnapshot());
  });

  test.each([
    ['after it has answered', CEXS_SOURCE, 'answered'],
    ['while it clears', CEXS_SOURCE, 'clearing'],
    ['after it has answered', FEED_SOURCE, 'answered'],
    ['while it clears', FEED_SOURCE, 'clearing'],
    ['after it has answered', OWN_TOKEN_PRICES_SOURCE, 'answered'],
    ['while it clears', OWN_TOKEN_PRICES_SOURCE, 'clearing'],
  ] as const)("a data refresh whose answer comes %s writes nothing it learned from the %s source after the clear, nor that source's last check", async (_when, source, when) => {
    // The feed brings known-bad hosts and a floor for later feeds; /cexs reserve figures; /chart own-token prices.
    vi.stubGlobal('__RADAR_FEED__', { url: FEED, signers: [TEST_FEED_SIGNER] });
    const bodies: Record<typeof source, string> = {
      [CEXS_SOURCE]: readFileSync(join(import.meta.dirname, '../../tests/fixtures/defillama/cexs.json'), 'utf8'),
      [FEED_SOURCE]: await signedFeed(1, knownBadSection(new Date(Date.now() - 3_600_000).toISOString(), 'quiet-harbor-rewards.com')),
      [OWN_TOKEN_PRICES_SOURCE]: ownTokenChart(),
    };
    const sourceOf = (url: URL) => (url.href === FEED ? FEED_SOURCE : url.pathname === '/cexs' ? CEXS_SOURCE : url.pathname.startsWith('/chart/') ? OWN_TOKEN_PRICES_SOURCE : undefined);
    const { shut, open } = gate();
    let held = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        // Only the source under test answers, once the test lets it: every other source fails, so it alone has something to write.
        if (sourceOf(new URL(input)) !== source) throw new TypeError('Failed to fetch');
        held = true;
        await shut;
        return new Response(bodies[source], { headers: { 'content-type': 'application/json' } });
      }),
    );
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(held).toBe(true));
    // What is written after the clear: the sources asked after it (all failed here) store their attempt, nothing else may come.
    let cleared = false;
    const writtenAfter: string[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((items) => {
      if (cleared) writtenAfter.push(...Object.entries(items as Record<string, unknown>).flatMap(([key, value]) => (key !== 'sources' || JSON.stringify(value).includes('lastSuccess') ? [key] : [])));
      return set(items);
    });
    const clear = fakeBrowser.storage.local.clear.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockImplementation(() => {
      cleared = true;
      const clearing = clear();
      // The answer is heard as storage clears, before the delete has forgotten what the background holds in memory.
      if (when === 'clearing') open();
      return clearing;
    });
    if (when === 'clearing') {
      // The delete's Reset, which would refuse the answer by its own count, comes only once the run is done with it.
      const reset = data.resetData;
      vi.spyOn(data, 'resetData').mockImplementation(async () => {
        await run;
        await reset();
      });
    }
    await send({ type: 'delete-all-data' });
    open();
    await run;
    const learned = ['heldSnapshot', 'heldFeed', 'knownBad', 'ownTokenPrices'];
    expect(writtenAfter.filter((key) => [...learned, 'sources'].includes(key))).toEqual([]);
    expect(await left(learned)).toEqual([]);
    expect(await heldSnapshot()).toEqual(bundledSnapshot());
    const checked = async () => {
      const { sources } = (await fakeBrowser.storage.local.get('sources')) as { sources?: Record<string, { lastSuccess?: string }> };
      return Object.entries(sources ?? {}).flatMap(([id, state]) => (state.lastSuccess === undefined ? [] : [id]));
    };
    expect(await checked()).toEqual([]);
    // Nothing was left half-written: the next refresh stores its answer as any other.
    await refreshDue({ force: true });
    expect((await left(learned)).map(([key]) => key)).toEqual(
      { [CEXS_SOURCE]: ['heldSnapshot'], [FEED_SOURCE]: ['heldSnapshot', 'heldFeed', 'knownBad'], [OWN_TOKEN_PRICES_SOURCE]: ['ownTokenPrices'] }[source],
    );
    expect(await checked()).toEqual([source]);
  });

  test("the day's history point, whose price read answers late, is not written over it: it is made in the holdings' turn", async () => {
    await fakeBrowser.storage.local.set({ holdings, priceTable: { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: '2026-11-25T09:00:00.000Z', source: 'https://coins.llama.fi/' } } } });
    const { reached, open } = holdRead('priceTable');
    const recorded = recordHistory(NOW);
    await vi.waitFor(() => expect(reached()).toBe(true));
    const deleted = send({ type: 'delete-all-data' });
    open();
    await Promise.all([recorded, deleted]);
    expect(await left(['holdings', 'priceTable'])).toEqual([]);
  });
});

describe('"Delete everything" in a background started by the test', () => {
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  test("a read asked after the clear finds nothing, not the wake-up's early reads of the values it deleted", async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
    const prices = { fetchedAt: NOW, prices: { ETH: { usd: 2000, asOf: '2026-11-25T09:00:00.000Z', source: 'https://coins.llama.fi/' } } };
    await fakeBrowser.storage.local.set({ settings: { reminders: { monthlyDay: 1, proofOfKeysDay: true } }, holdings, priceTable: prices, addressReadings: { readAt: NOW, chains: [] } });
    // Woken by the delete: the early question goes out as `main` starts, before the clear.
    background.main();
    const readNow = () => Promise.all([getSettings(), getHoldings(), getPriceTable(), getAddressReadings()]);
    let afterClear: ReturnType<typeof readNow> | undefined;
    const clear = fakeBrowser.storage.local.clear.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockImplementation(() => {
      const cleared = clear();
      afterClear = readNow();
      return cleared;
    });
    const created = vi.spyOn(fakeBrowser.alarms, 'create');
    await send({ type: 'delete-all-data' });
    expect(await afterClear).toEqual(await readNow());
    // The settings' change event plans the reminder again: from the defaults, not from the deleted settings.
    expect(created.mock.calls.filter(([name]) => name === REMINDER_ALARM)).toEqual([]);
  });

  test('the warning lists held in memory are not handed out after it, before its change event arrives', async () => {
    // As in the browser, the storage area's change events come after the write has answered: here, when the test lets them.
    const { shut, open } = gate();
    const events = fakeBrowser.storage.local.onChanged;
    const listen = events.addListener.bind(events);
    vi.spyOn(events, 'addListener').mockImplementation((listener) => listen((...args) => void shut.then(() => listener(...args))));
    background.main();
    await fakeBrowser.storage.local.set({ warningSubscriptions: [await signedSubscription()] });
    expect(await subscriptionViews()).toHaveLength(1);
    await send({ type: 'delete-all-data' });
    expect(await subscriptionViews()).toEqual([]);
    open();
  });
});
