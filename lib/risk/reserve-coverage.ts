import type { PorAttestation } from '../reserves/schema';
import { MAJOR_ASSETS, normalizeSymbol } from './assets';

export interface AssetRatio {
  asset: string;
  /** Reserves over customer balances: 1.02 means 102 %. */
  ratio: number;
}

export interface ReserveCoverageParameters {
  reserveRatios: PorAttestation['reserveRatios'];
}
export interface ReserveCoverageReturnType {
  /** The lowest published ratio among BTC, ETH, USDT, USDC; absent when none of them is published. */
  lowestMajor?: AssetRatio;
  /** The lowest published ratio over every asset; absent when the report has no ratios. */
  lowestAny?: AssetRatio;
}

/** The weakest links of a PoR report: the lowest reserve ratio over major assets and over all. */
export function reserveCoverage({ reserveRatios }: ReserveCoverageParameters): ReserveCoverageReturnType {
  const result: ReserveCoverageReturnType = {};
  if (reserveRatios === undefined) return result;
  for (const [symbol, ratio] of Object.entries(reserveRatios)) {
    const asset = normalizeSymbol(symbol);
    if (!Number.isFinite(ratio)) continue;
    if (result.lowestAny === undefined || ratio < result.lowestAny.ratio) result.lowestAny = { asset, ratio };
    if (MAJOR_ASSETS.includes(asset) && (result.lowestMajor === undefined || ratio < result.lowestMajor.ratio)) {
      result.lowestMajor = { asset, ratio };
    }
  }
  return result;
}
