import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CEXS_SOURCE, FEED_SOURCE, OWN_TOKEN_PRICES_SOURCE, heldSnapshot, onBrowserStart, refreshDue, resetData, sourceViews, type SourceView } from './data';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { exchanges } from '@/lib/exchanges/registry';
import * as turnsModule from '@/utils/in-turn';
import { inTurns } from '@/utils/in-turn';
import { initialSourceState } from '@/lib/reserves/schedule';
import { freshBackground, gate, holdRead } from './background.testkit';
import { clearEverything } from './delete-everything';
import { SHARED_LOCAL_KEYS } from './extension-handlers';
import { ownTokenChart } from './source-answers.testkit';

const cexs = readFileSync(join(import.meta.dirname, '../../tests/fixtures/defillama/cexs.json'), 'utf8');

/** DefiLlama as the test wants it: `/cexs` from the recorded fixture once `online`, else a network error. */
function network() {
  const state = { online: false, cexsCalls: 0, release: () => {} };
  const firstCall = new Promise<void>((resolve) => (state.release = resolve));
  let held = true;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = new URL(input).pathname;
      if (path === '/cexs') {
        state.cexsCalls++;
        // The first (scheduled) request hangs until the test lets it fail.
        if (held) {
          held = false;
          await firstCall;
        }
      }
      if (!state.online) throw new TypeError('Failed to fetch');
      return path === '/cexs' ? new Response(cexs, { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 });
    }),
  );
  return state;
}

describe('refreshDue', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  test('"Refresh now" during a scheduled run that is failing asks again instead of settling for that run', async () => {
    const net = network();
    const scheduled = refreshDue();
    const forced = refreshDue({ force: true });
    // The network comes back while the scheduled run's /cexs request is still out; that request fails.
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    net.release();
    await scheduled;
    net.online = true;
    await forced;
    expect(net.cexsCalls).toBe(2);
    expect((await sourceViews()).find((row) => row.id === 'cexs')?.lastSuccess).toBeDefined();
  });

  test('two questions at once share one run', async () => {
    const net = network();
    net.online = true;
    net.release();
    await Promise.all([refreshDue({ force: true }), refreshDue({ force: true }), refreshDue()]);
    expect(net.cexsCalls).toBe(1);
  });

  test('"Refresh now" after a Reset does not join a forced run begun before it: every source is asked again', async () => {
    const net = network();
    const before = refreshDue({ force: true });
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    await resetData();
    const after = refreshDue({ force: true });
    net.online = true;
    net.release();
    await Promise.all([before, after]);
    expect(net.cexsCalls).toBe(2);
    expect((await sourceViews()).find((row) => row.id === 'cexs')?.lastSuccess).toBeDefined();
  });
});

describe('sourceViews', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a refused answer reaches the Data sources rows as its code and figures; an old stored English sentence does not', async () => {
    const base = { status: 'failing', failures: 1, nextAttemptAt: '2026-12-05T12:00:00.000Z' };
    await fakeBrowser.storage.local.set({
      sources: {
        cexs: { ...base, lastAnswerFailure: { answer: 'older', answerAt: '2026-12-05T10:00:00.000Z', heldAt: '2026-12-05T11:00:00.000Z' } },
        'own-token-prices': { ...base, lastError: 'no usable price in the answer (BNB: not in the answer)' },
      },
    });
    const views = await sourceViews();
    expect(views.find((row) => row.id === 'cexs')?.lastAnswerFailure).toEqual({ answer: 'older', answerAt: '2026-12-05T10:00:00.000Z', heldAt: '2026-12-05T11:00:00.000Z' });
    const prices = views.find((row) => row.id === 'own-token-prices');
    expect(prices?.status).toBe('failing');
    expect(JSON.stringify(prices)).not.toContain('no usable price');
  });

  test('only rows whose figures came in the bundled data carry its date; the others stay "never fetched"', async () => {
    const views = await sourceViews();
    expect(views.length).toBeGreaterThan(3);
    const dated = views.filter((row) => row.bundledAt !== undefined);
    for (const row of dated) expect(row.bundledAt, row.id).toBe(bundledSnapshot().generatedAt);
    // The shipped file holds PoR reports and /cexs totals, but no own-token price and no per-exchange breakdown.
    expect(dated.map((row) => row.id)).toEqual([FEED_SOURCE, CEXS_SOURCE]);
    expect(views.find((row) => row.id === OWN_TOKEN_PRICES_SOURCE)?.bundledAt).toBeUndefined();
    expect(views.filter((row) => row.group === 'protocol').length).toBeGreaterThan(0);
  });

  test('the /cexs row says for how many of the exchanges it reads the bundled data has its figures', async () => {
    const views = await sourceViews();
    const tracked = exchanges.filter((exchange) => exchange.defillamaSlug !== undefined && exchange.status.kind === 'operating').map((exchange) => exchange.id);
    const withTotals = tracked.filter((id) => bundledSnapshot().exchanges[id]?.onchain !== undefined || bundledSnapshot().exchanges[id]?.flows !== undefined);
    expect(withTotals.length).toBeLessThan(tracked.length);
    expect(views.find((row) => row.id === CEXS_SOURCE)?.bundledExchanges).toEqual({ count: withTotals.length, of: tracked.length });
    expect(views.find((row) => row.id === OWN_TOKEN_PRICES_SOURCE)?.bundledExchanges).toBeUndefined();
    expect(views.find((row) => row.id === FEED_SOURCE)?.bundledExchanges).toBeUndefined();
  });

  test('the rows on the bundled data carry the days its figures describe, not the day the file was compiled', async () => {
    const views = await sourceViews();
    const shipped = bundledSnapshot();
    const totalsDays = Object.values(shipped.exchanges)
      .flatMap((entry) => [entry.onchain?.asOf, entry.flows?.asOf].filter((day) => day !== undefined))
      .sort();
    expect(totalsDays.length).toBeGreaterThan(0);
    expect(views.find((row) => row.id === CEXS_SOURCE)?.bundledDays).toEqual({ from: totalsDays[0], to: totalsDays.at(-1) });
    // Nothing fetched yet: these are the figures that came with the extension, and the row says so.
    expect(views.find((row) => row.id === CEXS_SOURCE)?.heldFetched).toBeUndefined();
    expect(totalsDays[0]).not.toBe(shipped.generatedAt.slice(0, 10));
    // The feed row's day is the day we last checked our copy, never one exchange's report day given as our copy's age.
    const checkedDays = Object.values(shipped.exchanges)
      .flatMap((entry) => (entry.por === undefined ? [] : [entry.por.checkedAt ?? entry.por.asOf]))
      .sort();
    const feed = views.find((row) => row.id === FEED_SOURCE);
    expect(feed?.bundledChecked).toBe(checkedDays.at(-1));
    expect(feed?.bundledDays).toBeUndefined();
    expect(views.find((row) => row.id === OWN_TOKEN_PRICES_SOURCE)?.bundledDays).toBeUndefined();
  });

  test("once the feed has succeeded, the /cexs row's days are the held totals' (the feed brings them), over the exchanges /cexs reads only", async () => {
    await freshBackground();
    const shipped = bundledSnapshot();
    const tracked = exchanges.filter((exchange) => exchange.defillamaSlug !== undefined && exchange.status.kind === 'operating').map((exchange) => exchange.id);
    const untracked = exchanges.find((exchange) => !tracked.includes(exchange.id))!.id;
    const newer = (id: string) => {
      const { onchain, flows } = shipped.exchanges[id]!;
      return {
        ...shipped.exchanges[id],
        ...(onchain === undefined ? {} : { onchain: { ...onchain, asOf: '2026-12-06', observedAt: '2026-12-06T06:00:00.000Z' } }),
        ...(flows === undefined ? {} : { flows: { ...flows, asOf: '2026-12-06' } }),
      };
    };
    const withTotals = tracked.filter((id) => shipped.exchanges[id]?.onchain !== undefined || shipped.exchanges[id]?.flows !== undefined);
    const untrackedEntry = { onchain: { asOf: '2025-01-01', totalUsd: 1e9, cleanUsd: 1e9, source: 'https://api.llama.fi/cexs', observedAt: '2025-01-01T00:00:00.000Z' } };
    await fakeBrowser.storage.local.set({
      heldSnapshot: {
        ...shipped,
        generatedAt: '2026-12-06T07:00:00.000Z',
        exchanges: { ...shipped.exchanges, ...Object.fromEntries(withTotals.map((id) => [id, newer(id)])), [untracked]: untrackedEntry },
      },
      sources: { [FEED_SOURCE]: { ...initialSourceState(), status: 'fresh', lastSuccess: '2026-12-06T07:00:00.000Z' } },
    });
    const cexsRow = (await sourceViews()).find((row) => row.id === CEXS_SOURCE);
    expect(cexsRow?.bundledDays).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(cexsRow?.bundledExchanges).toEqual({ count: withTotals.length, of: tracked.length });
    // Those figures came with the feed, not with the extension: the row is told, so it does not say "came with Reserve Radar".
    expect(cexsRow?.heldFetched).toBe(true);
    expect((await sourceViews()).filter((row) => row.id !== CEXS_SOURCE && row.heldFetched !== undefined)).toEqual([]);
  });
});

/**
 * Every source fails at once, except `/cexs`, which waits for `release` and then fails too, or gives the recorded
 * answer with `answers`; with `chart`, the own-token price request waits for it before failing.
 */
function cexsHeld({ answers = false, chart }: { answers?: boolean; chart?: Promise<void> } = {}) {
  const state = { cexsCalls: 0, chartCalls: 0, release: () => {} };
  const released = new Promise<void>((resolve) => (state.release = resolve));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = new URL(input).pathname;
      if (path === '/cexs') {
        state.cexsCalls++;
        await released;
        if (answers) return new Response(cexs, { status: 200, headers: { 'content-type': 'application/json' } });
      }
      if (path.startsWith('/chart/')) {
        state.chartCalls++;
        await chart;
      }
      throw new TypeError('Failed to fetch');
    }),
  );
  return state;
}

const storedSources = async () => ((await fakeBrowser.storage.local.get('sources')) as { sources?: Record<string, unknown> }).sources;

/** The Data sources rows of a store holding no source state: every source never asked, due at once. */
function expectNeverAsked(views: SourceView[]): void {
  const initial = initialSourceState();
  expect(views.map(({ id, status, nextAttemptAt, lastSuccess, lastFetchFailure }) => ({ id, status, nextAttemptAt, lastSuccess, lastFetchFailure }))).toEqual(
    views.map(({ id }) => ({ id, status: initial.status, nextAttemptAt: initial.nextAttemptAt, lastSuccess: undefined, lastFetchFailure: undefined })),
  );
}

describe('refreshDue and the stored source states', () => {
  beforeEach(async () => {
    await freshBackground();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => vi.unstubAllGlobals());

  test('an alarm with nothing due reads the source states once, not once per source', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const ids = (await sourceViews()).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(3);
    const fresh = { status: 'fresh', failures: 0, lastSuccess: new Date().toISOString(), nextAttemptAt: later };
    await fakeBrowser.storage.local.set({ sources: Object.fromEntries(ids.map((id) => [id, fresh])) });
    const fetching = vi.fn(async () => new Response('not found', { status: 404 }));
    vi.stubGlobal('fetch', fetching);
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    await refreshDue();
    expect(fetching).not.toHaveBeenCalled();
    expect(reads.mock.calls.filter(([keys]) => JSON.stringify(keys ?? null).includes('"sources"'))).toHaveLength(1);
  });

  test('a Reset while a run waits on the network stays done: the run writes back no state from before it', async () => {
    const net = cexsHeld();
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    expect(Object.keys((await storedSources()) ?? {})).toEqual([FEED_SOURCE]);
    await resetData();
    net.release();
    await run;
    const after = (await storedSources()) ?? {};
    expect(after).not.toHaveProperty(FEED_SOURCE);
    // /cexs was out during the Reset: its answer is dropped, and the source stays due.
    expect(after).not.toHaveProperty(CEXS_SOURCE);
    expect(after).toHaveProperty(OWN_TOKEN_PRICES_SOURCE);
  });

  test('a Reset while a source is out is not undone by its answer: nothing learned before the Reset is stored again', async () => {
    let protocolCalls = 0;
    const { shut: released, open: release } = gate();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const path = new URL(input).pathname;
        if (path === '/cexs') return new Response(cexs, { status: 200, headers: { 'content-type': 'application/json' } });
        if (path.startsWith('/protocol/') && protocolCalls++ === 0) await released;
        throw new TypeError('Failed to fetch');
      }),
    );
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(protocolCalls).toBe(1));
    expect(await fakeBrowser.storage.local.get('heldSnapshot')).toHaveProperty('heldSnapshot');
    await resetData();
    release();
    await run;
    expect(await fakeBrowser.storage.local.get('heldSnapshot')).toEqual({});
    expect(await heldSnapshot()).toEqual(bundledSnapshot());
    expect((await sourceViews()).find((row) => row.id === CEXS_SOURCE)?.lastSuccess).toBeUndefined();
  });

  test('a run over an empty store leaves nothing behind for a read after "Delete everything"', async () => {
    await fakeBrowser.storage.local.clear();
    const net = cexsHeld();
    net.release();
    await refreshDue({ force: true });
    expect(await storedSources()).toHaveProperty(CEXS_SOURCE);
    await fakeBrowser.storage.local.clear();
    expectNeverAsked(await sourceViews());
  });

  test('browser start during a run: what its new schedule makes due is asked, not left for the next alarm', async () => {
    const now = Date.now();
    // /cexs was last read just over an hour ago; its jitter put the next attempt minutes away. Browser start asks it at once.
    const waiting = { status: 'fresh', failures: 0, lastSuccess: new Date(now - 61 * 60_000).toISOString(), nextAttemptAt: new Date(now + 9 * 60_000).toISOString() };
    await fakeBrowser.storage.local.set({ sources: { [CEXS_SOURCE]: waiting } });
    const calls: string[] = [];
    const { shut: released, open: release } = gate();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        const path = new URL(input).pathname;
        calls.push(path);
        // The run the alarm began waits on its first source (the feed, never asked) while the browser start rewrites the schedule.
        if (calls.length === 1) await released;
        throw new TypeError('Failed to fetch');
      }),
    );
    const alarm = refreshDue();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    // As index.ts does on the browser's start; the run holds no turn while it waits on the network.
    await onBrowserStart();
    const start = refreshDue();
    release();
    await Promise.all([alarm, start]);
    expect(calls).toContain('/cexs');
  });

  test('a Reset that lands while browser start reads the states stays done', async () => {
    const failing = { status: 'failing', failures: 2, nextAttemptAt: '2026-12-05T12:00:00.000Z' };
    await fakeBrowser.storage.local.set({ sources: { [CEXS_SOURCE]: failing } });
    // Browser start's read of the states answers only once the Reset has had its chance to write.
    const { reached, open } = holdRead('sources');
    const turns = vi.spyOn(turnsModule, 'inTurn');
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const start = onBrowserStart();
    await vi.waitFor(() => expect(reached()).toBe(true));
    const reset = resetData();
    // The Reset has reached its write of the states: it waits for their turn, or (written out of turn) it has written them.
    const resetReachedStates = () => turns.mock.calls.some(([name]) => name === 'local:sources') || writes.mock.calls.some(([items]) => 'sources' in (items as object));
    await vi.waitFor(() => expect(resetReachedStates()).toBe(true));
    open();
    await Promise.all([start, reset]);
    expect(await storedSources()).toEqual({});
  });

  test('a source whose state is read while a Reset is clearing carries nothing from the states it cleared', async () => {
    const old = { status: 'fresh', failures: 0, lastSuccess: '2026-01-01T00:00:00.000Z', nextAttemptAt: '2026-01-01T01:00:00.000Z' };
    await fakeBrowser.storage.local.set({ sources: { [OWN_TOKEN_PRICES_SOURCE]: old } });
    const { shut: chartGate, open: releaseChart } = gate();
    const net = cexsHeld({ chart: chartGate });
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    const reset = resetData();
    net.release();
    await reset;
    releaseChart();
    await run;
    expect((await storedSources())?.[OWN_TOKEN_PRICES_SOURCE]).toBeUndefined();
    expect((await sourceViews()).find((row) => row.id === OWN_TOKEN_PRICES_SOURCE)?.lastSuccess).toBeUndefined();
  });

  test('a source whose state is read after "Delete everything" during a run carries nothing from the states it cleared', async () => {
    const old = { status: 'fresh', failures: 0, lastSuccess: '2026-01-01T00:00:00.000Z', nextAttemptAt: '2026-01-01T01:00:00.000Z' };
    await fakeBrowser.storage.local.set({ sources: { [OWN_TOKEN_PRICES_SOURCE]: old } });
    const net = cexsHeld();
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    await inTurns(SHARED_LOCAL_KEYS, clearEverything);
    net.release();
    await run;
    expect((await storedSources())?.[OWN_TOKEN_PRICES_SOURCE]).toHaveProperty('failures', 1);
    expect((await sourceViews()).find((row) => row.id === OWN_TOKEN_PRICES_SOURCE)?.lastSuccess).toBeUndefined();
  });

  test('own-token prices asked before a Reset and answered after it are not stored, nor their state', async () => {
    let chartCalls = 0;
    const { shut: released, open: release } = gate();
    const body = ownTokenChart();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        if (new URL(input).pathname.startsWith('/chart/')) {
          chartCalls++;
          await released;
          return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
        }
        throw new TypeError('Failed to fetch');
      }),
    );
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(chartCalls).toBe(1));
    await resetData();
    release();
    await run;
    expect(await fakeBrowser.storage.local.get('ownTokenPrices')).toEqual({});
    expect((await storedSources()) ?? {}).not.toHaveProperty(OWN_TOKEN_PRICES_SOURCE);
  });

  test('an answer that comes while a Reset is removing the held data is not stored: the Reset counts before it removes anything', async () => {
    const net = cexsHeld({ answers: true });
    // The Reset's second removal waits until the run has handled the /cexs answer.
    const { shut: removalGate, open: openRemoval } = gate();
    const remove = fakeBrowser.storage.local.remove.bind(fakeBrowser.storage.local);
    const removing = vi.spyOn(fakeBrowser.storage.local, 'remove').mockImplementation(async (keys: string | string[]) => {
      if (keys === 'heldFeed' || (Array.isArray(keys) && keys.includes('heldFeed'))) await removalGate;
      return remove(keys);
    });
    const run = refreshDue({ force: true });
    await vi.waitFor(() => expect(net.cexsCalls).toBe(1));
    const reset = resetData();
    // The held snapshot is removed; the Reset waits at the held feed.
    await vi.waitFor(() => expect(removing).toHaveBeenCalledWith('heldFeed'));
    net.release();
    await vi.waitFor(() => expect(net.chartCalls).toBe(1));
    openRemoval();
    await Promise.all([reset, run]);
    expect(await fakeBrowser.storage.local.get('heldSnapshot')).toEqual({});
    expect((await storedSources()) ?? {}).not.toHaveProperty(CEXS_SOURCE);
  });
});
