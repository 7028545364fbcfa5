import type { Cadence, PorAttestation } from '../reserves/schema';
import { daysSince } from './dates';
import { thresholdValue } from './thresholds';

export interface PorFreshnessParameters {
  por: Pick<PorAttestation, 'cadence' | 'asOf'>;
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
}

/** How old a PoR report is, measured against the cadence the exchange itself keeps. */
export function porFreshness({ por, now }: PorFreshnessParameters): PorFreshnessReturnType {
  const cadenceDays = cadenceLengthDays(por.cadence);
  const ageDays = daysSince(por.asOf, now);
  const limit = thresholdValue('por.stale.cadences');
  const cadences = ageDays / cadenceDays;
  return { cadence: por.cadence, ageDays, cadences, allowedDays: limit * cadenceDays, stale: !(cadences <= limit) };
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
