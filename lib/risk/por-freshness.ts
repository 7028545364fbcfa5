import type { Cadence, PorAttestation } from '../reserves/schema';
import { daysSince, lastReadDay } from './dates';
import { thresholdValue } from './thresholds';

export interface PorFreshnessParameters {
  por: Pick<PorAttestation, 'cadence' | 'asOf' | 'checkedAt'>;
  now: Date;
}
export interface PorFreshnessReturnType {
  cadence: Cadence;
  /** Days from the date the report describes to `now`. */
  ageDays: number;
  /** Age in units of the exchange's own cadence: 2.5 means two and a half reporting periods. */
  cadences: number;
  /** The oldest age still counted as fresh. */
  allowedDays: number;
  stale: boolean;
  /** The day we last confirmed this was the newest report (the report's own date when unknown). */
  checkedAt: string;
  /** Age of the report on the day we checked. */
  ageAtCheckDays: number;
  /** Days from our last check (`checkedAt`) to `now`. */
  checkAgeDays: number;
  /** The oldest check of ours still counted, by our re-check policy (`por.recheck-days`), whatever the cadence. */
  recheckDays: number;
  /**
   * Whose delay an old report or an old check is: `exchange` when the report was already overdue on
   * the day we checked and that check is within both the allowed days and our re-check policy; `us`
   * when a stale report was not overdue then, or when our check is older than either (what we found
   * that long ago says nothing about today: the exchange may have published since, and the gap is
   * ours), and also for a report still within its cadence once our check is older than our re-check
   * policy (an irregular cadence allows a year; our copy does not stay good that long); `none` otherwise.
   */
  late: 'exchange' | 'us' | 'none';
}

/** How old a PoR report is, measured against the cadence the exchange itself keeps. */
export function porFreshness({ por, now }: PorFreshnessParameters): PorFreshnessReturnType {
  const cadenceDays = cadenceLengthDays(por.cadence);
  const ageDays = daysSince(por.asOf, now);
  const limit = thresholdValue('por.stale.cadences');
  const cadences = ageDays / cadenceDays;
  const allowedDays = limit * cadenceDays;
  const stale = !(cadences <= limit);
  const checkedAt = lastReadDay(por.asOf, por.checkedAt, now);
  const ageAtCheckDays = daysSince(por.asOf, new Date(`${checkedAt}T00:00:00Z`));
  const checkAgeDays = daysSince(checkedAt, now);
  const recheckDays = thresholdValue('por.recheck-days');
  const oldCheck = !(checkAgeDays <= recheckDays);
  const exchangeLate = stale && ageAtCheckDays > allowedDays && checkAgeDays <= allowedDays && !oldCheck;
  const late = exchangeLate ? 'exchange' : stale || oldCheck ? 'us' : 'none';
  return { cadence: por.cadence, ageDays, cadences, allowedDays, stale, checkedAt, ageAtCheckDays, checkAgeDays, recheckDays, late };
}

function cadenceLengthDays(cadence: Cadence): number {
  switch (cadence) {
    case 'daily':
      return thresholdValue('por.cadence-days.daily');
    case 'weekly':
      return thresholdValue('por.cadence-days.weekly');
    case 'monthly':
      return thresholdValue('por.cadence-days.monthly');
    case 'quarterly':
      return thresholdValue('por.cadence-days.quarterly');
    case 'irregular':
    case 'unknown':
      return thresholdValue('por.cadence-days.irregular');
  }
}
