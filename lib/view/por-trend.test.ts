import { describe, expect, test } from 'vitest';
import type { PorCheck, PorReport } from '../reserves/schema';
import { ALL_ASSETS, porCheckRows, porTrendReports, porTrendSeries } from './por-trend';

const report = (asOf: string, patch: Partial<PorReport> = {}): PorReport => ({ asOf, source: `https://www.binance.com/por/${asOf}`, ...patch });

describe('porTrendSeries', () => {
  test('major assets in the card’s order, then all assets; each oldest first with its date and source', () => {
    const history = [
      report('2026-11-01', { reserveRatios: { ETH: 1.01, BTC: 1.02, DOGE: 1.5 }, customerLiabilities: { BTC: 600_000 }, totalReserveRatio: 1.05, liabilitiesUsd: 120e9 }),
      report('2026-10-01', { reserveRatios: { BTC: 1.03 }, customerLiabilities: { BTC: 590_000, ETH: 4e6 }, totalReserveRatio: 1.06, liabilitiesUsd: 118e9 }),
      report('2026-09-01', { reserveRatios: { BTC: 1.04 } }),
    ];
    const series = porTrendSeries(history);
    expect(series.map((entry) => entry.asset)).toEqual(['BTC', 'ETH', ALL_ASSETS]);
    expect(series[0]?.points).toEqual([
      { asOf: '2026-09-01', source: 'https://www.binance.com/por/2026-09-01', ratio: 1.04 },
      { asOf: '2026-10-01', source: 'https://www.binance.com/por/2026-10-01', ratio: 1.03, liabilities: 590_000 },
      { asOf: '2026-11-01', source: 'https://www.binance.com/por/2026-11-01', ratio: 1.02, liabilities: 600_000 },
    ]);
    // ETH: a liability in one report and a ratio in another still make two points.
    expect(series[1]?.points.map((point) => point.asOf)).toEqual(['2026-10-01', '2026-11-01']);
    expect(series[2]?.points.at(-1)).toMatchObject({ ratio: 1.05, liabilities: 120e9 });
  });

  test('one report, or an asset in only one, is no trend; inherited names are not assets', () => {
    expect(porTrendSeries([report('2026-11-01', { reserveRatios: { BTC: 1.02 } })])).toEqual([]);
    expect(porTrendSeries([report('2026-11-01', { reserveRatios: { USDT: 1 } }), report('2026-10-01', { reserveRatios: { BTC: 1 } })])).toEqual([]);
    const odd = JSON.parse('{"constructor": 1}') as Record<string, number>;
    expect(porTrendSeries([report('2026-11-01', { reserveRatios: odd }), report('2026-10-01', { reserveRatios: odd })])).toEqual([]);
  });
});

describe('what a trend row compares', () => {
  // Bitget's shape: customer liabilities per asset and one ratio over all assets, and an old report with no figure.
  const bitget = [
    report('2026-09-29', { customerLiabilities: { BTC: 20_531, ETH: 166_080 }, totalReserveRatio: 1.31 }),
    report('2026-09-15', { customerLiabilities: { BTC: 27_656, ETH: 121_426 }, totalReserveRatio: 1.35 }),
    report('2026-08-20', { customerLiabilities: { BTC: 26_811, ETH: 123_688 }, totalReserveRatio: 1.22 }),
    report('2022-11-25'),
  ];

  test('a measure with no figure at either end is not compared: BTC and ETH compare liabilities, all assets the ratio', () => {
    expect(porTrendSeries(bitget).map(({ asset, compares }) => [asset, compares])).toEqual([
      ['BTC', { ratio: false, liabilities: true }],
      ['ETH', { ratio: false, liabilities: true }],
      [ALL_ASSETS, { ratio: true, liabilities: false }],
    ]);
  });

  test('a measure found at one end only is compared, its missing end shown as missing', () => {
    const [btc] = porTrendSeries([report('2026-11-01', { reserveRatios: { BTC: 1.02 } }), report('2026-10-01', { customerLiabilities: { BTC: 5 } })]);
    expect(btc?.compares).toEqual({ ratio: true, liabilities: true });
  });

  test('the range is the reports the rows draw from: a report with no figure is not counted', () => {
    expect(porTrendReports(bitget, porTrendSeries(bitget))).toEqual({
      count: 3,
      from: '2026-08-20',
      to: '2026-09-29',
      ratios: true,
      sources: ['https://www.binance.com/por/2026-08-20', 'https://www.binance.com/por/2026-09-15', 'https://www.binance.com/por/2026-09-29'],
    });
  });

  test('no row with a ratio, or no row at all: said, with the whole range kept', () => {
    const liabilitiesOnly = bitget.map(({ totalReserveRatio: _, ...rest }) => rest);
    expect(porTrendReports(liabilitiesOnly, porTrendSeries(liabilitiesOnly)).ratios).toBe(false);
    const none = [report('2026-09-29'), report('2022-11-25')];
    expect(porTrendReports(none, porTrendSeries(none))).toEqual({
      count: 2,
      from: '2022-11-25',
      to: '2026-09-29',
      ratios: false,
      sources: ['https://www.binance.com/por/2022-11-25', 'https://www.binance.com/por/2026-09-29'],
    });
  });

  test('a ratio only in a middle report is a ratio the table shows, so the card does not say there is none', () => {
    const middleOnly = [
      report('2026-11-01', { customerLiabilities: { BTC: 600_000 } }),
      report('2026-10-01', { reserveRatios: { BTC: 1.03 } }),
      report('2026-09-01', { customerLiabilities: { BTC: 590_000 } }),
    ];
    const series = porTrendSeries(middleOnly);
    expect(series[0]?.compares.ratio).toBe(false);
    expect(porTrendReports(middleOnly, series).ratios).toBe(true);
  });
});

describe('the columns of a trend’s table', () => {
  test('liabilities only in a middle report: the table has their column, though the row compares none', () => {
    const middleOnly = [
      report('2026-11-01', { reserveRatios: { BTC: 1.02 } }),
      report('2026-10-01', { reserveRatios: { BTC: 1.03 }, customerLiabilities: { BTC: 590_000 } }),
      report('2026-09-01', { reserveRatios: { BTC: 1.04 } }),
    ];
    const [btc] = porTrendSeries(middleOnly);
    expect(btc?.compares).toEqual({ ratio: true, liabilities: false });
    expect(btc?.columns).toEqual({ ratio: true, liabilities: true });
    // No figure in any report: no column.
    const [ratiosOnly] = porTrendSeries(middleOnly.map(({ customerLiabilities: _, ...rest }) => rest));
    expect(ratiosOnly?.columns).toEqual({ ratio: true, liabilities: false });
  });
});

describe('porCheckRows', () => {
  const check = (assets: PorCheck['assets']): PorCheck => ({
    claimAsOf: '2026-11-01',
    claimSource: 'https://www.binance.com/en/proof-of-reserves',
    assets,
    source: 'https://defillama.com/cex/binance',
    asOf: '2026-12-03',
  });

  test('major assets first, each with its difference as a share of the claim', () => {
    const rows = porCheckRows(
      check({ SOL: { claimed: 10, onchain: 10, difference: 0 }, USDT: { claimed: 200, onchain: 210, difference: 10 }, BTC: { claimed: 600_000, onchain: 590_000, difference: -10_000 } }),
    );
    expect(rows.map((row) => row.asset)).toEqual(['BTC', 'USDT', 'SOL']);
    expect(rows[0]?.share).toBeCloseTo(-1 / 60, 10);
    expect(rows[1]?.share).toBeCloseTo(0.05, 10);
  });

  test('nothing claimed gives no share rather than a division by zero', () => {
    expect(porCheckRows(check({ ETH: { claimed: 0, onchain: 3, difference: 3 } }))[0]).toEqual({ asset: 'ETH', claimed: 0, onchain: 3, difference: 3 });
  });
});
