import type { PorCheck, PorReport } from '../reserves/schema';
import { assetRank, MAJOR_ASSETS } from '../risk/assets';

/** The series of all assets together: ratio from `totalReserveRatio`, liabilities in dollars. */
export const ALL_ASSETS = '*';

export interface TrendPoint {
  asOf: string;
  source: string;
  ratio?: number;
  /** In units of the asset; in dollars for `ALL_ASSETS`. */
  liabilities?: number;
}

export interface TrendSeries {
  /** A symbol, or `ALL_ASSETS`. */
  asset: string;
  /** Oldest first. */
  points: TrendPoint[];
}

/**
 * What the card's trend shows from the kept reports (newest first): each major asset's reserve
 * ratio and customer liabilities, and all assets in dollars, in the order the card lists assets.
 * A series appears only when two or more reports give it a figure: one point is not a trend.
 */
export function porTrendSeries(history: readonly PorReport[]): TrendSeries[] {
  const oldestFirst = [...history].reverse();
  const series = [...MAJOR_ASSETS, ALL_ASSETS].map((asset) => ({
    asset,
    points: oldestFirst.flatMap((report): TrendPoint[] => {
      const ratio = asset === ALL_ASSETS ? report.totalReserveRatio : own(report.reserveRatios, asset);
      const liabilities = asset === ALL_ASSETS ? report.liabilitiesUsd : own(report.customerLiabilities, asset);
      if (ratio === undefined && liabilities === undefined) return [];
      return [{ asOf: report.asOf, source: report.source, ...(ratio === undefined ? {} : { ratio }), ...(liabilities === undefined ? {} : { liabilities }) }];
    }),
  }));
  return series.filter((entry) => entry.points.length >= 2);
}

export interface CheckRow {
  asset: string;
  claimed: number;
  onchain: number;
  difference: number;
  /** The difference over the claim; absent when nothing was claimed. */
  share?: number;
}

/** The claim-vs-chain rows, major assets first in the card's order, then by symbol. */
export function porCheckRows(check: PorCheck): CheckRow[] {
  return Object.entries(check.assets)
    .map(([asset, { claimed, onchain, difference }]) => ({ asset, claimed, onchain, difference, ...(claimed > 0 ? { share: difference / claimed } : {}) }))
    .sort((a, b) => assetRank(a.asset) - assetRank(b.asset) || a.asset.localeCompare(b.asset));
}

// Feed records are plain objects parsed from JSON: an asset named "constructor" is not inherited.
function own(record: Readonly<Record<string, number>> | undefined, key: string): number | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
