import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchanges } from '../lib/exchanges/registry';
import { closedPortUrl, json, raw, startLocalServer, type LocalServer } from '../lib/reserves/local-server.testkit';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { stableStringify } from '../lib/reserves/stable-json';
import { buildSnapshot } from './feed/defillama';
import { offlineInputs, readReviewed } from './feed/inputs';
import { buildFeed } from './radar/feed';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string => readFileSync(join(root, 'tests/fixtures/defillama', name), 'utf8');

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    '/cexs': raw(200, fixture('cexs.json'), { 'content-type': 'application/json' }),
    '/protocol/binance-cex': raw(200, fixture('protocol-binance-cex.json')),
    '/bad/cexs': json({ cexs: 'nope' }),
    '/dated/cexs': raw(200, fixture('cexs.json'), { 'content-type': 'application/json', 'last-modified': 'Sat, 08 Aug 2026 06:00:00 GMT' }),
    '/ahead/cexs': raw(200, fixture('cexs.json'), { 'content-type': 'application/json', 'last-modified': 'Wed, 12 Aug 2026 06:00:00 GMT' }),
  });
});
afterAll(() => server.close());

const NOW = new Date('2026-08-10T12:00:00.000Z');

describe('buildSnapshot', () => {
  it('rebuilds on-chain blocks from DefiLlama and keeps curated PoR, reproducibly', async () => {
    const held = bundledSnapshot();
    const lines: string[] = [];
    const run = () => buildSnapshot({ held, fetch, base: server.url(''), now: NOW, exchanges, breakdown: true, log: (line) => lines.push(line) });
    const first = await run();
    const second = await run();
    expect(first.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(stableStringify(first.snapshot)).toBe(stableStringify(second.snapshot));
    const binance = first.snapshot.exchanges.binance;
    expect(binance?.por).toEqual(held.exchanges.binance?.por);
    expect(binance?.onchain).toMatchObject({ totalUsd: 139684360969.39758, source: 'https://api.llama.fi/cexs', asOf: '2026-08-10' });
    expect(binance?.onchain?.breakdownSource).toBe('https://api.llama.fi/protocol/binance-cex');
    expect(binance?.onchain?.topTokens?.[0]?.symbol).toBe('BTC');
    expect(first.snapshot.exchanges.bybit?.flows?.net24hUsd).toBe(-27319332.16195826);
    for (const [id, reserves] of Object.entries(held.exchanges)) expect(first.snapshot.exchanges[id]?.por, id).toEqual(reserves.por);
    expect(lines.some((line) => line.startsWith('no breakdown for okx'))).toBe(true);
  });

  it("dates DefiLlama's figures by the answer's Last-Modified, as the extension does, not by the build's clock", async () => {
    const result = await buildSnapshot({ held: bundledSnapshot(), fetch, base: server.url('/dated'), now: NOW, exchanges, breakdown: false, log: () => undefined });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The build read them on the 10th: their age is DefiLlama's, not the feed's.
    expect(result.snapshot.exchanges.binance?.onchain).toMatchObject({ asOf: '2026-08-08', observedAt: '2026-08-08T06:00:00.000Z', checkedAt: '2026-08-10' });
    expect(result.snapshot.exchanges.bybit?.flows).toMatchObject({ asOf: '2026-08-08', checkedAt: '2026-08-10' });
  });

  it('falls back to the build moment when Last-Modified lies in the future', async () => {
    const result = await buildSnapshot({ held: bundledSnapshot(), fetch, base: server.url('/ahead'), now: NOW, exchanges, breakdown: false, log: () => undefined });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.exchanges.binance?.onchain).toMatchObject({ asOf: '2026-08-10', observedAt: NOW.toISOString() });
    expect(result.snapshot.exchanges.binance?.onchain?.checkedAt).toBeUndefined();
  });

  it('refuses a body of the wrong shape', async () => {
    const result = await buildSnapshot({ held: bundledSnapshot(), fetch, base: server.url('/bad'), now: NOW, exchanges, breakdown: false, log: () => undefined });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/unexpected shape/) });
  });
});

describe('the bundled snapshot and the reviewed files', () => {
  it("carries each reviewed file's newest report, or a newer one, as the exchange's PoR record", () => {
    const snapshot = bundledSnapshot();
    const behind = readReviewed()
      .map((file) => ({ id: file.exchange, newest: file.reports[0]!.asOf, bundled: snapshot.exchanges[file.exchange]?.por?.asOf }))
      .filter(({ newest, bundled }) => bundled === undefined || bundled < newest)
      .map(({ id, newest, bundled }) => `${id}: data/por says ${newest}, data/snapshot.json says ${bundled ?? 'nothing'} (run npm run data:snapshot -- --offline)`);
    expect(behind).toEqual([]);
  });

  it("carries each reviewed report's figures as the file states them, older reports too", () => {
    const snapshot = bundledSnapshot();
    const keys = ['reserveRatios', 'totalReserveRatio', 'customerLiabilities', 'liabilitiesUsd', 'reserves', 'reservesUsd'] as const;
    const stale: string[] = [];
    for (const file of readReviewed()) {
      const bundled = snapshot.exchanges[file.exchange];
      const history = bundled?.porHistory ?? (bundled?.por === undefined ? [] : [bundled.por]);
      for (const report of file.reports) {
        // An adapter's answer for the same day takes that day's place; it is checked by its own tests.
        const held = history.find((entry) => entry.asOf === report.asOf && entry.source === report.source);
        if (held === undefined) {
          // Where the snapshot keeps a history, every reviewed day is in it (an adapter's answer may stand for it).
          if (bundled?.porHistory !== undefined && !history.some((entry) => entry.asOf === report.asOf)) stale.push(`${file.exchange} ${report.asOf} not held`);
          continue;
        }
        for (const key of keys) {
          if (!isDeepStrictEqual(held[key], report[key])) stale.push(`${file.exchange} ${report.asOf} ${key} (run npm run data:snapshot -- --offline)`);
        }
      }
    }
    expect(stale).toEqual([]);
  });

  it('holds what an offline rebuild makes of each PoR record: method, cadence, note, attestor, day checked', () => {
    // A reviewed file's cadence or note changed without rebuilding data/snapshot.json would ship the old one.
    const held = bundledSnapshot();
    const inputs = offlineInputs();
    const rebuilt = buildFeed(inputs, held, new Date(inputs.newestInput)).snapshot;
    const keys = ['method', 'cadence', 'note', 'attestor', 'checkedAt', 'snapshotDate', 'undated'] as const;
    const differ: string[] = [];
    for (const id of new Set([...Object.keys(held.exchanges), ...Object.keys(rebuilt.exchanges)])) {
      const before = held.exchanges[id]?.por;
      const after = rebuilt.exchanges[id]?.por;
      for (const key of keys) if (before?.[key] !== after?.[key]) differ.push(`${id} ${key}: data/snapshot.json has ${String(before?.[key])}, a rebuild gives ${String(after?.[key])}`);
    }
    expect(differ, 'run npm run data:snapshot -- --offline').toEqual([]);
    // Reading every recorded answer and rebuilding takes seconds, longer on a loaded machine.
  }, 120_000);
});

describe('npm run data:snapshot offline', () => {
  it('refuses with a clear message, a non-zero exit and the file unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    const out = join(dir, 'snapshot.json');
    const before = readFileSync(join(root, 'data/snapshot.json'), 'utf8');
    writeFileSync(out, before);
    const base = (await closedPortUrl('/')).replace(/\/$/, '');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/data-snapshot.ts'), '--out', out],
        { cwd: root, env: { ...process.env, RESERVE_RADAR_DEFILLAMA_BASE: base }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error === null ? 0 : (error.code as number | null), stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused: cannot read http:\/\/127\.0\.0\.1:\d+\/cexs: could not reach/);
    expect(result.stderr).toMatch(/left unchanged/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  }, 70_000);
});
