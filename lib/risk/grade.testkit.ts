/**
 * The exchange and figures the grading tests share: "X", an operating exchange with its own token
 * XT, graded on 2025-03-01 from a Merkle report of 2025-02-01 and on-chain and flow figures of
 * 2025-02-28, every one healthy. A test states what it changes with a spread.
 */
import type { Flows, PorAttestation } from '../reserves/schema';
import type { RiskOnchainAssets } from './concentration';
import { gradeExchange, type GradeExchangeParameters, type RiskReserves } from './grade';

export const now = new Date('2025-03-01T00:00:00Z');

export const exchange: GradeExchangeParameters['exchange'] = { id: 'x', name: 'X', ownTokens: ['XT'], status: { kind: 'operating', checkedOn: '2026-12-04' } };

export const por: PorAttestation = {
  method: 'merkle-liabilities',
  cadence: 'monthly',
  liabilitiesIncluded: true,
  reserveRatios: { BTC: 1.05, ETH: 1.02, USDT: 1.1, USDC: 1.01 },
  source: 'https://x.example/por',
  asOf: '2025-02-01',
};

/** 4 % in the exchange's own token, the rest spread over BTC, USDT, ETH and SOL. */
export const onchain: RiskOnchainAssets = {
  totalUsd: 1000,
  cleanUsd: 960,
  topTokens: [
    { symbol: 'BTC', usd: 400 },
    { symbol: 'USDT', usd: 250 },
    { symbol: 'ETH', usd: 200 },
    { symbol: 'XT', usd: 40 },
    { symbol: 'SOL', usd: 30 },
  ],
  source: 'https://x.example/onchain',
  asOf: '2025-02-28',
};

export const flows: Flows = { net7dUsd: -20, net30dUsd: 15, source: 'https://x.example/flows', asOf: '2025-02-28' };

export const healthy: RiskReserves = { por, onchain, flows };

/** X's verdict on `now`, with its registry entry changed by `overrides`. */
export function grade(reserves: RiskReserves | undefined, overrides: Partial<GradeExchangeParameters['exchange']> = {}) {
  return gradeExchange({ exchange: { ...exchange, ...overrides }, reserves, now });
}
