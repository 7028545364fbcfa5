import { daysSince, lastReadDay } from './dates';

export interface CopyAgeParameters {
  /** The day the figures describe. */
  asOf: string;
  /** The day we last read the source’s answer for them; the figures’ own day when absent, earlier, or after `now`’s day. */
  checkedAt?: string | undefined;
  now: Date;
  maxAgeDays: number;
}
export interface CopyAgeReturnType {
  /** Days from the day the figures describe to `now`. */
  ageDays: number;
  /** The day we last read them. */
  checkedAt: string;
  /**
   * Whose delay old figures are: `source` when they were already too old on the day we read them
   * (the source served old figures) and that read is itself within `maxAgeDays`; `us` when they
   * were fresh then, or when our read is older than `maxAgeDays` (the source may have moved on
   * since; our copy is old); `none` while they are fresh.
   */
  late: 'source' | 'us' | 'none';
}

/**
 * How old a block of DefiLlama figures is, and whose delay that is: the rule PoR freshness keeps
 * (lib/risk/por-freshness.ts), so days we do not read never turn into the source's fault.
 */
export function copyAge({ asOf, checkedAt, now, maxAgeDays }: CopyAgeParameters): CopyAgeReturnType {
  const ageDays = daysSince(asOf, now);
  const checked = lastReadDay(asOf, checkedAt, now);
  if (ageDays <= maxAgeDays) return { ageDays, checkedAt: checked, late: 'none' };
  const ageAtCheckDays = daysSince(asOf, new Date(`${checked}T00:00:00Z`));
  const recentRead = daysSince(checked, now) <= maxAgeDays;
  return { ageDays, checkedAt: checked, late: ageAtCheckDays > maxAgeDays && recentRead ? 'source' : 'us' };
}
