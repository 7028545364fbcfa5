import { describe, expect, test } from 'vitest';
import type { ActiveWarning } from '../community/active-warnings';
import { listWarning } from '../community/active-warning.testkit';
import { getExchange } from '../exchanges/registry';
import type { ExchangeReserves } from '../reserves/schema';
import { cardReasons, reasonsWorstFirst } from './card-reasons';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView } from './exchange-view';

const now = new Date('2026-12-04T12:00:00Z');

function viewOf(id: string, reserves?: ExchangeReserves, warnings: ActiveWarning[] = []) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return buildExchangeView({ exchange, reserves, now, warnings });
}

const warning = (severity: ActiveWarning['severity'], title: string) => listWarning({ severity, title });

/** A fresh report and fresh on-chain figures with BNB at 15 % (a caution), but no breakdown and no flows (unknowns listed before it by the model). */
const binanceReserves: ExchangeReserves = {
  por: {
    method: 'merkle-liabilities',
    cadence: 'monthly',
    liabilitiesIncluded: true,
    reserveRatios: { BTC: 1.02, USDT: 1.01 },
    asOf: '2026-11-01',
    checkedAt: '2026-12-03',
    source: 'https://www.binance.com/en/proof-of-reserves',
  },
  onchain: { totalUsd: 100_000_000_000, cleanUsd: 85_000_000_000, source: 'https://defillama.com/cex/binance', asOf: '2026-12-03' },
};

const label = (item: ReturnType<typeof cardReasons>['lead'][number]) =>
  item.kind === 'reason' ? `${item.reason.effect}:${item.reason.metric}` : `warning-${item.warning.severity}:${item.warning.title}`;

describe('cardReasons', () => {
  test('the caution leads even when the model lists its unknowns first; three at most, the rest kept', () => {
    const view = viewOf('binance', binanceReserves);
    const effects = view.verdict.reasons.map((reason) => reason.effect);
    // The premise: the model's own order puts missing figures before the finding.
    expect(effects.indexOf('unknown')).toBeLessThan(effects.indexOf('caution'));
    const { lead, rest } = cardReasons({ view });
    expect(lead).toHaveLength(3);
    expect(label(lead[0]!)).toBe('caution:own-token.share');
    expect(lead.slice(1).every((item) => item.kind === 'reason' && item.reason.effect === 'unknown')).toBe(true);
    // Nothing is dropped: every finding is in one list or the other, ok reasons in neither.
    const findings = view.verdict.reasons.filter((reason) => reason.effect !== 'ok');
    expect(lead.length + rest.length).toBe(findings.length);
    expect([...lead, ...rest].some((item) => item.kind === 'reason' && item.reason.effect === 'ok')).toBe(false);
  });

  test('danger before caution before unknown before information, warnings after the model’s own reasons of the same severity', () => {
    const view = viewOf('ftx', undefined, [warning('info', 'info note'), warning('caution', 'slow'), warning('danger', 'halted')]);
    const order = [...cardReasons({ view, lead: 100 }).lead].map(label);
    const rank = (entry: string) => ['danger:', 'warning-danger:', 'caution:', 'warning-caution:', 'unknown:', 'warning-info:', 'info:'].findIndex((prefix) => entry.startsWith(prefix));
    expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
    expect(order).toContain('warning-danger:halted');
    expect(order.indexOf('warning-danger:halted')).toBeLessThan(order.indexOf('warning-caution:slow'));
  });

  test('a collapsed exchange’s status is not repeated among the reasons: the card states it above them', () => {
    const view = viewOf('ftx');
    expect(view.verdict.reasons.some((reason) => reason.metric === 'status' && reason.effect === 'danger')).toBe(true);
    const { lead, rest } = cardReasons({ view });
    expect([...lead, ...rest].some((item) => item.kind === 'reason' && item.reason.metric === 'status')).toBe(false);
    // Its incidents and other findings still lead.
    expect(lead.length).toBeGreaterThan(0);
  });

  test('no data at all: the unknowns lead, never an empty "why"', () => {
    const view = viewOf('kraken');
    expect(view.verdict.level).toBe('unknown');
    const { lead } = cardReasons({ view });
    expect(lead.length).toBeGreaterThan(0);
    expect(lead.every((item) => item.kind === 'reason' && item.reason.effect === 'unknown')).toBe(true);
  });

  test('a report with no per-asset ratio at all: "no ratio for BTC, ETH, USDT or USDC" says it, and "no per-asset ratios" does not push the next finding out of the lead', () => {
    // Bitget's shape: a Merkle report with one ratio over all assets, none per asset, and no on-chain figures.
    const view = viewOf('bitget', { por: { ...binanceReserves.por!, reserveRatios: undefined, totalReserveRatio: 1.5, source: 'https://www.bitget.com/proof-of-reserves' } });
    const codes = view.verdict.reasons.map((reason) => reason.code);
    // The premise: the model finds both missing, one after the other, before the missing on-chain figures.
    expect(codes).toEqual(expect.arrayContaining(['ratio-major.missing', 'ratio-any.missing', 'onchain.missing']));
    const { lead, rest } = cardReasons({ view });
    const shown = [...lead, ...rest].map((item) => (item.kind === 'reason' ? item.reason.code : ''));
    expect(shown).toContain('ratio-major.missing');
    expect(shown).not.toContain('ratio-any.missing');
    expect(lead.map((item) => (item.kind === 'reason' ? item.reason.code : ''))).toEqual(['ratio-major.missing', 'onchain.missing', 'flow-7d.missing']);
    // The shared text and picture list the same findings.
    expect(reasonsWorstFirst(view.verdict.reasons).map((reason) => reason.code)).toEqual(shown);
  });

  test('totals without a per-token breakdown (Bybit’s figures): the breakdown’s absence is one finding, not three', () => {
    const view = viewOf('bybit', bundledSnapshot().exchanges.bybit);
    const codes = view.verdict.reasons.map((reason) => reason.code);
    expect(codes.filter((code) => code.startsWith('breakdown-missing'))).toEqual(['breakdown-missing']);
    const { lead, rest } = cardReasons({ view });
    const shown = [...lead, ...rest].map((item) => (item.kind === 'reason' ? item.reason.code : ''));
    expect(shown.filter((code) => code.startsWith('breakdown-missing'))).toEqual(['breakdown-missing']);
    expect(reasonsWorstFirst(view.verdict.reasons).map((reason) => reason.code)).toEqual(shown);
  });
});
