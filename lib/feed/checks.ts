import type { KnownBadList } from '../exchanges/known-bad';
import type { PorReport } from '../reserves/schema';

/**
 * Checks a machine-read report must pass before it is published. The limits are in
 * docs/feed.md ("Validation"); change both together.
 */

/**
 * A published ratio and the two amounts it is the quotient of must agree. Exchanges round ratios
 * to whole percent at worst, and amounts to whole coins, so one percentage point is the slack.
 */
export const RATIO_TOLERANCE = 0.01;

/** A ratio that moves by more than this between two reports (0.5 = 50 percentage points) is held for a person to look at. */
export const RATIO_JUMP_LIMIT = 0.5;

/** A customer liability that more than doubles, or falls below half, between two reports is held likewise. */
export const LIABILITY_JUMP_FACTOR = 2;

/** A known-bad list that answers with fewer than this share of the hosts of the copy held is held for a person to look at. */
export const KNOWN_BAD_SHRINK_LIMIT = 0.5;

/** The first disagreement inside one report, in plain words, or undefined when it is consistent. */
export function checkReportFigures(report: PorReport): string | undefined {
  for (const [asset, ratio] of Object.entries(report.reserveRatios ?? {})) {
    const reserves = report.reserves?.[asset];
    const liabilities = report.customerLiabilities?.[asset];
    if (reserves === undefined || liabilities === undefined || liabilities === 0) continue;
    const quotient = reserves / liabilities;
    if (Math.abs(quotient - ratio) > RATIO_TOLERANCE) {
      return `${asset} ratio ${percent(ratio)} disagrees with reserves ÷ liabilities = ${percent(quotient)}`;
    }
  }
  if (report.totalReserveRatio !== undefined && report.reservesUsd !== undefined && report.liabilitiesUsd !== undefined && report.liabilitiesUsd > 0) {
    const quotient = report.reservesUsd / report.liabilitiesUsd;
    if (Math.abs(quotient - report.totalReserveRatio) > RATIO_TOLERANCE) {
      return `total ratio ${percent(report.totalReserveRatio)} disagrees with reserves ÷ liabilities = ${percent(quotient)}`;
    }
  }
  return undefined;
}

/** How a newer report departs from an older one beyond the limits, or undefined when it does not. */
export function jumpBetween(older: PorReport, newer: PorReport): string | undefined {
  const ratios: [string, number | undefined, number | undefined][] = [['total', older.totalReserveRatio, newer.totalReserveRatio]];
  for (const [asset, ratio] of Object.entries(newer.reserveRatios ?? {})) ratios.push([asset, older.reserveRatios?.[asset], ratio]);
  for (const [asset, before, after] of ratios) {
    if (before === undefined || after === undefined) continue;
    if (Math.abs(after - before) > RATIO_JUMP_LIMIT) return `the ${asset} ratio moved from ${percent(before)} to ${percent(after)} (limit ${percent(RATIO_JUMP_LIMIT)} points)`;
  }
  const liabilities: [string, number | undefined, number | undefined][] = [['dollar', older.liabilitiesUsd, newer.liabilitiesUsd]];
  for (const [asset, amount] of Object.entries(newer.customerLiabilities ?? {})) liabilities.push([asset, older.customerLiabilities?.[asset], amount]);
  for (const [asset, before, after] of liabilities) {
    if (before === undefined || after === undefined || before <= 0) continue;
    const factor = after / before;
    if (factor > LIABILITY_JUMP_FACTOR || factor < 1 / LIABILITY_JUMP_FACTOR) return `customer ${asset} liabilities went from ${before} to ${after} (limit ×${LIABILITY_JUMP_FACTOR} either way)`;
  }
  return undefined;
}

/** How a list's new answer shrank against the copy held, beyond the limit, or undefined when it did not. */
export function knownBadShrink(held: KnownBadList, next: KnownBadList): string | undefined {
  if (next.hosts.length >= held.hosts.length * KNOWN_BAD_SHRINK_LIMIT) return undefined;
  return `it ties ${next.hosts.length} hosts to an exchange against ${held.hosts.length} in the copy held (limit: ${percent(KNOWN_BAD_SHRINK_LIMIT)} of it)`;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))} %`;
}
