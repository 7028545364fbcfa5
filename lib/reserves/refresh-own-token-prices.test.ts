import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, raw, startLocalServer, type Handler, type LocalServer } from './local-server.testkit';
import { parseHeldOwnTokenPrices, refreshOwnTokenPrices, type HeldOwnTokenPrices } from './refresh-own-token-prices';
import { initialSourceState } from './schedule';

/** Bodies in the documented `/chart` shape, made up for the test (no recorded answer exists). */
const NOW = Date.parse('2026-12-05T12:00:00Z');
const seconds = (hoursAgo: number) => Math.floor(NOW / 1000) - hoursAgo * 3600;
const answer = (bnbLatestHoursAgo: number) => ({
  coins: {
    'coingecko:binancecoin': {
      symbol: 'BNB',
      confidence: 0.99,
      prices: [
        { timestamp: seconds(48), price: 600 },
        { timestamp: seconds(bnbLatestHoursAgo), price: 590 },
      ],
    },
    'coingecko:okb': { symbol: 'ETH', confidence: 0.99, prices: [{ timestamp: seconds(2), price: 50 }] },
  },
});

let server: LocalServer;
let route: Handler = json(answer(1));
const requests: string[] = [];
/** Every request goes to the local server, whatever its https address; the address asked for is kept. */
const fetchLocal = (input: string, init?: RequestInit) => {
  requests.push(input);
  return fetch(server.url('/chart'), init);
};

beforeAll(async () => {
  server = await startLocalServer({ '/chart': (req, res) => route(req, res) });
});
afterAll(() => server.close());

const held: HeldOwnTokenPrices = {
  BNB: { symbol: 'BNB', source: 'https://coins.llama.fi/chart/x', points: [{ at: new Date(seconds(30) * 1000).toISOString(), usd: 610 }] },
  OKB: { symbol: 'OKB', source: 'https://coins.llama.fi/chart/x', points: [{ at: new Date(seconds(30) * 1000).toISOString(), usd: 45 }] },
};

describe('refreshOwnTokenPrices', () => {
  test('one request, the same for everyone; good series taken, a refused one keeps what was held', async () => {
    route = json(answer(1));
    requests.length = 0;
    const result = await refreshOwnTokenPrices({ fetch: fetchLocal, held, state: initialSourceState(), symbols: ['BNB', 'OKB'], now: NOW, random: () => 0 });
    expect(requests).toEqual(['https://coins.llama.fi/chart/coingecko:binancecoin,coingecko:okb?span=8&period=1d']);
    expect(result.outcome).toEqual({ kind: 'updated', changed: ['BNB'], skipped: [{ symbol: 'OKB', problem: 'refused', reason: 'the answer names "ETH", not OKB' }] });
    expect(result.prices.BNB?.points.map((point) => point.usd)).toEqual([600, 590]);
    expect(result.prices.OKB).toBe(held.OKB);
    expect(result.state.status).toBe('fresh');
  });

  test('an older series never replaces a newer one', async () => {
    route = json(answer(40));
    const result = await refreshOwnTokenPrices({ fetch: fetchLocal, held, state: initialSourceState(), symbols: ['BNB', 'OKB'], now: NOW, random: () => 0 });
    expect(result.prices).toBe(held);
  });

  test('a failing host, garbage or nothing usable: what was held stays, and the failure is recorded for backoff', async () => {
    for (const [handler, words] of [
      [raw(500, 'oops'), /"status":500/],
      [raw(200, '<html>'), /invalid-json/],
      [json({ coins: [] }), /^\{"answer":"wrong-shape"\}$/],
      [
        json({ coins: { 'coingecko:binancecoin': { symbol: 'BNB', prices: [] } } }),
        /^\{"answer":"no-price","skipped":\[\{"symbol":"BNB","problem":"refused"\},\{"symbol":"OKB","problem":"missing"\}\]\}$/,
      ],
    ] as const) {
      route = handler;
      const result = await refreshOwnTokenPrices({ fetch: fetchLocal, held, state: initialSourceState(), symbols: ['BNB', 'OKB'], now: NOW, random: () => 0 });
      expect(result.prices).toBe(held);
      expect(result.outcome.kind).toBe('failed');
      expect(result.outcome.kind === 'failed' ? JSON.stringify(result.outcome.error) : '').toMatch(words);
      expect(result.state).toMatchObject({ status: 'failing', failures: 1 });
    }
  });

  test('stored prices are validated on read', () => {
    expect(parseHeldOwnTokenPrices(held)).toEqual(held);
    expect(parseHeldOwnTokenPrices({ BNB: { ...held.BNB, points: [{ at: 'yesterday', usd: 1 }] } })).toEqual({});
    expect(parseHeldOwnTokenPrices({ BNB: { ...held.BNB, source: 'http://coins.llama.fi/' } })).toEqual({});
    expect(parseHeldOwnTokenPrices(null)).toEqual({});
  });
});
