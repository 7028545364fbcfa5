import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeDefinition } from '../exchanges/types';
import { closedPortUrl, endless, json, raw, stall, startLocalServer, type LocalServer } from './local-server.testkit';
import { refreshCexs, refreshProtocol } from './refresh';
import { initialSourceState, recordSuccess, CEXS_POLICY, type SourceError } from './schedule';
import { answerFailureText } from '../words/answer-failure';
import { fetchFailureText } from '../words/fetch-failure';
import { formatMoment } from '../words/format';
import { english } from '../../scripts/radar/words/english';
import type { Snapshot } from './schema';
import { parseSnapshot } from './snapshot';

const fixtureText = (name: string): string => readFileSync(new URL(`../../tests/fixtures/defillama/${name}`, import.meta.url), 'utf8');
const cexsBody = JSON.parse(fixtureText('cexs.json')) as { cexs: Record<string, unknown>[] };

function exchange(id: string, name: string, defillamaSlug: string): ExchangeDefinition {
  return {
    id,
    name,
    domains: [`${id}.com`],
    brandTokens: [id],
    ownTokens: [],
    defillamaSlug,
    status: { kind: 'operating', checkedOn: '2026-12-04' },
    sources: [`https://${id}.com/`],
    testUrls: { match: [], noMatch: [] },
  };
}
const registry = [exchange('binance', 'Binance', 'binance-cex'), exchange('bybit', 'Bybit', 'bybit')];

const NOW = Date.parse('2026-08-10T13:00:00.000Z');
let server: LocalServer;
const at = (path: string): string => server.url(path);

/** What we hold before each refresh: a reading of /cexs at 12:00 from the same server. */
function heldFrom(url: string): Snapshot {
  return {
    version: 1,
    generatedAt: '2026-08-10T12:00:00.000Z',
    exchanges: {
      binance: {
        por: { method: 'zk-proof', cadence: 'monthly', liabilitiesIncluded: true, source: 'https://a.example/por', asOf: '2026-08-01' },
        onchain: { totalUsd: 100, cleanUsd: 90, source: url, asOf: '2026-08-10', observedAt: '2026-08-10T12:00:00.000Z' },
      },
    },
  };
}

/** Blocks read from the local server carry its http URL; the schema wants https, as the real source is. */
function validOnceServed(snapshot: Snapshot): boolean {
  const text = JSON.stringify(snapshot).replaceAll(server.url(''), 'https://api.llama.fi');
  const parsed = parseSnapshot(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.reason);
  return true;
}

const withBinance = (figures: Record<string, unknown>): unknown => ({
  cexs: cexsBody.cexs.map((entry) => (entry.name === 'Binance' ? { ...entry, ...figures } : entry)),
});

beforeAll(async () => {
  server = await startLocalServer({
    '/good': json(cexsBody, { etag: '"g1"' }),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"g1"') res.writeHead(304, { etag: '"g1"' }).end();
      else res.writeHead(200, { etag: '"g1"', 'content-type': 'application/json' }).end(JSON.stringify(cexsBody));
    },
    // A 304 to a request that carried no validator: what a misbehaving cache or proxy on the way could send.
    '/always-304': (_req, res) => res.writeHead(304).end(),
    '/forbidden': raw(403, 'Forbidden'),
    '/error': raw(500, 'Internal Server Error'),
    '/stall': stall,
    '/not-json': raw(200, '<!doctype html><title>Just a moment...</title>'),
    '/wrong-shape': json({ data: cexsBody.cexs }),
    '/empty': json({ cexs: [] }),
    // Made-up headers, no recorded headers exist: no recording shows whether api.llama.fi sends a
    // Last-Modified at all. These test how a reading is dated if one comes, not what DefiLlama sends.
    '/older': json(cexsBody, { 'last-modified': 'Mon, 10 Aug 2026 11:00:00 GMT' }),
    '/days-old': json(cexsBody, { 'last-modified': 'Fri, 07 Aug 2026 09:00:00 GMT' }),
    '/oversized': endless(8 * 1024 * 1024),
    '/negative': json(withBinance({ currentTvl: -1, cleanAssetsTvl: -1 })),
    '/absurd': json(withBinance({ currentTvl: 1e18 })),
    // JSON has no NaN, but 1e400 parses to Infinity: the nearest a body can get to one.
    '/infinite': raw(200, fixtureText('cexs.json').replace('"currentTvl":139684360969.39758', '"currentTvl":1e400')),
    '/string-nan': json(withBinance({ cleanAssetsTvl: 'NaN' })),
    '/protocol/binance-cex': raw(200, fixtureText('protocol-binance-cex.json')),
    '/protocol/broken': json({ chainTvls: 'nope' }),
  });
});
afterAll(() => server.close());

async function refresh(path: string, extra: Partial<Parameters<typeof refreshCexs>[0]> = {}) {
  const url = path.startsWith('http') ? path : at(path);
  const held = heldFrom(url);
  const result = await refreshCexs({ fetch, held, state: initialSourceState(), exchanges: registry, now: NOW, random: () => 0, url, timeoutMs: 500, ...extra });
  return { held, result };
}

describe('refreshCexs', () => {
  it('dates each block by the answer and marks the day we read it, so figures served old are the source’s age, not our copy’s', async () => {
    const empty: Snapshot = { version: 1, generatedAt: '2026-08-01T00:00:00.000Z', exchanges: {} };
    const { result } = await refresh('/days-old', { held: empty });
    expect(result.outcome).toMatchObject({ kind: 'updated' });
    expect(result.snapshot.exchanges.binance?.onchain).toMatchObject({ asOf: '2026-08-07', checkedAt: '2026-08-10' });
    expect(result.snapshot.exchanges.binance?.flows).toMatchObject({ asOf: '2026-08-07', checkedAt: '2026-08-10' });
    expect(validOnceServed(result.snapshot)).toBe(true);
  });

  it('fetches, validates and merges a good answer', async () => {
    const { held, result } = await refresh('/good');
    expect(result.outcome).toMatchObject({ kind: 'updated', rejectedEntries: [] });
    expect(result.snapshot).not.toBe(held);
    expect(result.snapshot.exchanges.binance?.onchain).toMatchObject({ totalUsd: 139684360969.39758, observedAt: '2026-08-10T13:00:00.000Z' });
    expect(result.snapshot.exchanges.binance?.por).toEqual(held.exchanges.binance?.por);
    expect(result.snapshot.exchanges.bybit?.flows?.net24hUsd).toBe(-27319332.16195826);
    expect(result.state).toMatchObject({ status: 'fresh', failures: 0, etag: '"g1"' });
    expect(validOnceServed(result.snapshot)).toBe(true);
  });

  it('never sends a stored ETag or Last-Modified back: the data host gets no per-install value', async () => {
    const url = at('/conditional');
    const held = heldFrom(url);
    const state = recordSuccess({ state: initialSourceState(), policy: CEXS_POLICY, now: NOW - 3_600_000, random: () => 0, etag: '"g1"', lastModified: 'Mon, 10 Aug 2026 12:00:00 GMT' });
    const result = await refreshCexs({ fetch, held, state, exchanges: registry, now: NOW, random: () => 0, url });
    // The server would have answered 304 to the validator; it got none and sent the data.
    expect(result.outcome.kind).toBe('updated');
    expect(result.state).toMatchObject({ status: 'fresh', failures: 0 });
  });

  it('a 304 confirms nothing about the copy we hold (we send no validator): a failed attempt, its blocks keep the day we last read them', async () => {
    const url = at('/always-304');
    const held: Snapshot = {
      version: 1,
      generatedAt: '2026-08-07T09:00:00.000Z',
      exchanges: {
        binance: {
          onchain: { totalUsd: 100, cleanUsd: 90, source: url, asOf: '2026-08-07', observedAt: '2026-08-07T09:00:00.000Z' },
          flows: { net24hUsd: 1, source: url, asOf: '2026-08-06', checkedAt: '2026-08-07' },
        },
      },
    };
    const result = await refreshCexs({ fetch, held, state: initialSourceState(), exchanges: registry, now: NOW, random: () => 0, url, timeoutMs: 500 });
    expect(server.requests.filter((r) => r.path === '/always-304').every((r) => r.headers['if-none-match'] === undefined && r.headers['if-modified-since'] === undefined)).toBe(true);
    expect(result.outcome).toMatchObject({ kind: 'failed', reason: 'not-modified' });
    // Not a success: the Data sources row must not say the figures were read today.
    expect(result.state).toMatchObject({ status: 'failing', failures: 1 });
    expect(result.state.lastSuccess).toBeUndefined();
    expect(said(result.state.lastFetchFailure!)).toMatch(/^127\.0\.0\.1:\d+ answered without any figures \(HTTP 304\)$/);
    expect(result.snapshot).toBe(held);
    expect(result.snapshot.exchanges.binance?.onchain?.checkedAt).toBeUndefined();
    expect(result.snapshot.exchanges.binance?.flows?.checkedAt).toBe('2026-08-07');
  });

  // Words a failure as the options page does, in English.
  const said = (error: SourceError) =>
    'answer' in error ? answerFailureText(error, english.t, english.locale, formatMoment) : 'reason' in error ? fetchFailureText(error, english.t, english.locale) : JSON.stringify(error);
  const faults: [string, string, RegExp][] = [
    ['403 from the CDN', '/forbidden', /HTTP 403/],
    ['500', '/error', /HTTP 500/],
    ['a stalled body', '/stall', /did not answer within/],
    ['a body that is not JSON', '/not-json', /not JSON/],
    ['the wrong shape', '/wrong-shape', /unexpected shape/],
    ['an empty list', '/empty', /no reserve figures/],
    ['a document older than the one held', '/older', /older than the reading already held/],
    ['an oversized body', '/oversized', /more than/],
  ];
  for (const [name, path, message] of faults) {
    it(`keeps the last good data on ${name}`, async () => {
      const { held, result } = await refresh(path, path === '/oversized' ? { maxBytes: 1024 * 1024 } : {});
      expect(result.snapshot).toBe(held);
      expect(result.outcome.kind).toBe('failed');
      // A code with figures, worded only where it is shown: never an English sentence from lib/.
      expect(result.outcome.kind === 'failed' ? typeof result.outcome.error : '').toBe('object');
      expect(result.outcome.kind === 'failed' ? said(result.outcome.error) : '').toMatch(message);
      expect(result.state).toMatchObject({ status: 'failing', failures: 1 });
      const stored = result.state.lastFetchFailure ?? result.state.lastAnswerFailure;
      expect(stored).toBeDefined();
      expect(said(stored!)).toMatch(message);
      expect(Date.parse(result.state.nextAttemptAt)).toBe(NOW + CEXS_POLICY.backoffBaseMs);
    });
  }

  it('keeps the last good data when the host is down', async () => {
    const { held, result } = await refresh(await closedPortUrl('/cexs'));
    expect(result.snapshot).toBe(held);
    expect(result.outcome).toMatchObject({ kind: 'failed', reason: 'network' });
  });

  for (const path of ['/negative', '/absurd', '/infinite', '/string-nan']) {
    it(`refuses Binance's bad figures in ${path} and keeps its held block, using the rest`, async () => {
      const { held, result } = await refresh(path);
      expect(result.outcome.kind).toBe('updated');
      if (result.outcome.kind === 'updated') expect(result.outcome.rejectedEntries.map((r) => r.name)).toEqual(['Binance']);
      expect(result.snapshot.exchanges.binance?.onchain).toEqual(held.exchanges.binance?.onchain);
      expect(result.snapshot.exchanges.bybit?.onchain?.totalUsd).toBe(13073538118.423311);
      expect(validOnceServed(result.snapshot)).toBe(true);
    });
  }
});

describe('refreshProtocol', () => {
  it('attaches the breakdown to held totals', async () => {
    const good = await refresh('/good');
    const result = await refreshProtocol({
      fetch,
      held: good.result.snapshot,
      state: initialSourceState(),
      now: NOW,
      random: () => 0,
      exchangeId: 'binance',
      slug: 'binance-cex',
      url: at('/protocol/binance-cex'),
    });
    expect(result.outcome.kind).toBe('updated');
    expect(result.snapshot.exchanges.binance?.onchain?.topTokens?.[0]).toEqual({ symbol: 'BTC', usd: 61e9 });
    expect(result.snapshot.exchanges.binance?.onchain?.breakdownSource).toBe(at('/protocol/binance-cex'));
    expect(result.snapshot.exchanges.binance?.onchain?.tokenAmounts).toMatchObject({
      source: at('/protocol/binance-cex'),
      chains: { Ethereum: { amounts: { ETH: 4200000.25, USDT: 9500000000.123456, USDC: 4500000000 } } },
    });
    expect(result.outcome).toMatchObject({ changed: expect.arrayContaining(['binance.breakdown', 'binance.tokenAmounts']) });
    expect(validOnceServed(result.snapshot)).toBe(true);
  });

  it('keeps what is held on a broken body', async () => {
    const held = heldFrom(at('/good'));
    const result = await refreshProtocol({ fetch, held, state: initialSourceState(), now: NOW, random: () => 0, exchangeId: 'binance', slug: 'broken', url: at('/protocol/broken') });
    expect(result.snapshot).toBe(held);
    expect(result.outcome).toMatchObject({ kind: 'failed', reason: 'wrong-shape', error: { answer: 'wrong-shape' } });
    expect(result.state.lastAnswerFailure).toEqual({ answer: 'wrong-shape' });
  });
});
