import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataSourceError } from '../../reserves/errors';
import { binanceAdapter } from './binance';
import { okxAdapter } from './okx';
import type { RawAnswer } from './types';

const fixture = (path: string) => readFileSync(new URL(`../../../tests/fixtures/por/${path}`, import.meta.url), 'utf8');
const answer = (name: string, text: string): RawAnswer => ({
  name,
  url: 'https://example.test/por',
  text,
  fetchedAt: '2026-06-14T00:00:00.000Z',
  sha256: createHash('sha256').update(text).digest('hex'),
});

describe('Binance adapter, on the recorded answer of PR01APR26', () => {
  const text = fixture('binance/userReserveAuditProofSnapshot.PR01APR26.ardmere-guide-excerpt.json');

  it('reads the snapshot day (day first), the ratio as a fraction, liabilities and reserves in coins', () => {
    const [report] = binanceAdapter.parse([answer('snapshot', text)]);
    expect(report).toMatchObject({
      asOf: '2026-04-01',
      reserveRatios: { BTC: 1.000299 },
      customerLiabilities: { BTC: 618951.27130074 },
      merkleRoot: '1906250e2d94afd82c37d219ef823ff8852cf2321f1be438af07cd18b4f63f48',
      source: 'https://www.binance.com/en/proof-of-reserves',
    });
    // Exchange wallets plus third-party custody; their quotient is the published ratio.
    expect(report!.reserves!.BTC).toBeCloseTo(619136.126, 6);
    expect(report!.reserves!.BTC! / report!.customerLiabilities!.BTC!).toBeCloseTo(1.000299, 6);
    expect(report!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Its "auditor" field names the proof system, not a firm.
    expect(report!.attestor).toBeUndefined();
  });

  it('refuses what it does not recognise, saying what', () => {
    const body = JSON.parse(text) as { data: { snapshotTime: string; snapshotDataList: { ratio: unknown }[] } };
    const broken = (change: (copy: typeof body) => void) => {
      const copy = structuredClone(body);
      change(copy);
      return () => binanceAdapter.parse([answer('snapshot', JSON.stringify(copy))]);
    };
    expect(broken((copy) => (copy.data.snapshotTime = '2026-04-01'))).toThrow(/snapshotTime/);
    expect(broken((copy) => (copy.data.snapshotTime = '31/02/26 00:00:00 UTC'))).toThrow(/calendar date/);
    expect(broken((copy) => (copy.data.snapshotDataList[0]!.ratio = 1.0003))).toThrow(/not a fraction/);
    expect(broken((copy) => (copy.data.snapshotDataList = []))).toThrow(/empty/);
    expect(() => binanceAdapter.parse([answer('snapshot', '<html>blocked</html>')])).toThrow(DataSourceError);
    expect(() => binanceAdapter.parse([answer('snapshot', '{"code":"100001","data":null}')])).toThrow(/code/);
  });
});

describe('OKX adapter, on the recorded auditRootInfo of audit 506872725', () => {
  const text = fixture('okx/auditRootInfo-506872725.json');

  it('reads percent ratios, decimal-text balances and the Hong Kong date of the report', () => {
    const [report] = okxAdapter.parse([answer('page', text)]);
    expect(report).toMatchObject({
      asOf: '2026-05-07',
      reserveRatios: { BTC: 1.06, ETH: 1.02, USDT: 1.1 },
      customerLiabilities: { BTC: 111188.864402819964229 },
      reserves: { BTC: 117934.3717877240880507 },
      merkleRoot: 'dd32f9c29d1840dc444b0c0780782cd04f6840870b934a0a8f607fc61b3e8d6b',
    });
  });

  it('finds the same object inside the page (a page written for this test around the recorded object)', () => {
    const page = `<!doctype html><html><head><script id="appState" type="application/json">${JSON.stringify({ appContext: { initialProps: { App: { auditRootInfo: JSON.parse(text) } } } })}</script></head><body></body></html>`;
    const fromPage = okxAdapter.parse([answer('page', page)]);
    const fromObject = okxAdapter.parse([answer('page', text)]);
    expect({ ...fromPage[0], sha256: '' }).toEqual({ ...fromObject[0], sha256: '' });
    expect(() => okxAdapter.parse([answer('page', '<html><body>Access denied</body></html>')])).toThrow(/appState/);
  });

  it('refuses a ratio or a balance it cannot read', () => {
    const body = JSON.parse(text) as Record<string, Record<string, unknown>>;
    expect(() => okxAdapter.parse([answer('page', JSON.stringify({ ...body, capitalRatio: { BTC: '1.06' } }))])).toThrow(/capitalRatio/);
    expect(() => okxAdapter.parse([answer('page', JSON.stringify({ ...body, liabilityBalances: { BTC: '-1' } }))])).toThrow(/liabilityBalances/);
    expect(() => okxAdapter.parse([answer('page', JSON.stringify({ ...body, createTime: '2026-05-07' }))])).toThrow(/createTime/);
  });
});
