import type { PorCheck, PorReport } from '../reserves/schema';
import { assetRank, MAJOR_ASSETS } from '../risk/assets';
import { isHttpsUrl } from '../words/format';

/** The series of all assets together: ratio from `totalReserveRatio`, liabilities in dollars. */
export const ALL_ASSETS = '*';

export interface TrendPoint {
  asOf: string;
  /**
   * The address that serves this report, to link: left out when it is not an https address or a newer
   * kept report has the same one (a "latest" page or API, which now serves that newer report).
   */
  source?: string;
  ratio?: number;
  /** In units of the asset; in dollars for `ALL_ASSETS`. */
  liabilities?: number;
}

export interface TrendSeries {
  /** A symbol, or `ALL_ASSETS`. */
  asset: string;
  /** Oldest first. */
  points: TrendPoint[];
  /** The measures the row compares: those with a figure at one end at least ("— → —" says nothing). */
  compares: { ratio: boolean; liabilities: boolean };
  /** The measures its table has a column for: those with a figure in any report. */
  columns: { ratio: boolean; liabilities: boolean };
}

/**
 * What the card's trend shows from the kept reports (newest first): each major asset's reserve
 * ratio and customer liabilities, and all assets in dollars, in the order the card lists assets.
 * A series appears only when two or more reports give it a figure: one point is not a trend.
 */
export function porTrendSeries(history: readonly PorReport[]): TrendSeries[] {
  const servesOwn = (report: PorReport, index: number) => isHttpsUrl(report.source) && !history.slice(0, index).some((newer) => newer.source === report.source);
  const oldestFirst = history.map((report, index) => ({ report, linked: servesOwn(report, index) })).reverse();
  const series = [...MAJOR_ASSETS, ALL_ASSETS].map((asset) => ({
    asset,
    points: oldestFirst.flatMap(({ report, linked }): TrendPoint[] => {
      const ratio = asset === ALL_ASSETS ? report.totalReserveRatio : own(report.reserveRatios, asset);
      const liabilities = asset === ALL_ASSETS ? report.liabilitiesUsd : own(report.customerLiabilities, asset);
      if (ratio === undefined && liabilities === undefined) return [];
      return [{ asOf: report.asOf, ...(linked ? { source: report.source } : {}), ...(ratio === undefined ? {} : { ratio }), ...(liabilities === undefined ? {} : { liabilities }) }];
    }),
  }));
  return series
    .filter((entry) => entry.points.length >= 2)
    .map((entry) => {
      const ends = [entry.points[0], entry.points.at(-1)];
      return {
        ...entry,
        compares: { ratio: ends.some((point) => point?.ratio !== undefined), liabilities: ends.some((point) => point?.liabilities !== undefined) },
        columns: { ratio: entry.points.some((point) => point.ratio !== undefined), liabilities: entry.points.some((point) => point.liabilities !== undefined) },
      };
    });
}

export interface TrendReports {
  /** How many reports the rows draw from, and the first and last day they describe. */
  count: number;
  from: string;
  to: string;
  /** Whether any drawn point has a reserve ratio (the table's column); when none does, the card says the reports give none. */
  ratios: boolean;
  /** The links of the reports counted, oldest first. */
  sources: string[];
}

/**
 * The trend's heading: the reports behind its rows, so the range matches what is drawn (a report
 * with no figure for any row is not counted); with no row, every kept report.
 */
export function porTrendReports(history: readonly PorReport[], series: readonly TrendSeries[]): TrendReports {
  const drawn = series.flatMap((entry) => entry.points.map((point) => point.asOf));
  const days = [...new Set(drawn.length > 0 ? drawn : history.map((report) => report.asOf))].sort();
  const sources = [...new Set([...history].reverse().flatMap((report) => (days.includes(report.asOf) ? [report.source] : [])))];
  return { count: days.length, from: days[0] ?? '', to: days.at(-1) ?? '', ratios: series.some((entry) => entry.points.some((point) => point.ratio !== undefined)), sources };
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
