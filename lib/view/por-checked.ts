import type { PorAttestation } from '../reserves/schema';
import type { PorFreshnessReturnType } from '../risk/por-freshness';
import { noneLookedDay } from '../risk/dates';
import type { RiskReason } from '../risk/reason';

export interface PorCheckedParameters {
  por: PorAttestation;
  /** The verdict's reasons: its `por.checked` reason is its decision that our copy is old. */
  reasons: readonly RiskReason[];
  /** The verdict's freshness of a report (none for "publishes none"). */
  freshness?: PorFreshnessReturnType | undefined;
  /** Today: a check day after it is not a day we looked. */
  now: Date;
}
export interface PorCheckedReturnType {
  /** The day we last confirmed the record; for "publishes none", the day we looked and found none. */
  day: string | undefined;
  /** Our copy is too old to stand for today: said "not checked since", never as the exchange's delay. */
  late: boolean;
}

/**
 * When we last looked at the exchange's proof of reserves, and whether the verdict calls that too
 * long ago, so the details, the shared text and the reasons make one staleness decision. A "none"
 * record without a day we looked after its date has no day: "none as of" a source's date is false.
 */
export function porChecked({ por, reasons, freshness, now }: PorCheckedParameters): PorCheckedReturnType {
  const unchecked = reasons.find((reason) => reason.metric === 'por.checked');
  const reasonDay = typeof unchecked?.value === 'string' ? unchecked.value : undefined;
  // For "none", only a day we looked after the record's date: its date and `lastReadDay`'s are a source's.
  const day = por.method === 'none' ? noneLookedDay(por, now) : (freshness?.checkedAt ?? reasonDay ?? por.checkedAt);
  return { day, late: unchecked !== undefined };
}
