const DAY_MS = 86_400_000;

/** Whole days from an ISO date (`YYYY-MM-DD`) to `now`; negative when the date is after `now`. */
export function daysSince(isoDate: string, now: Date): number {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(then)) return Number.POSITIVE_INFINITY;
  return Math.floor((now.getTime() - then) / DAY_MS);
}

/**
 * The day we last read a record, for judging whose delay its age is: `checkedAt` when it falls
 * after the day the record describes and no later than `now`'s day, else the record's own day.
 * A read dated after today (a clock running fast, a bad feed) counts as missing, as future-dated
 * figures do (grade.ts), so it can never shift our delay onto the source.
 */
export function lastReadDay(asOf: string, checkedAt: string | undefined, now: Date): string {
  if (checkedAt === undefined || checkedAt <= asOf || daysSince(checkedAt, now) < 0) return asOf;
  return checkedAt;
}

/**
 * The day a "none" record was true: a day we looked after its date and not after today (`lastReadDay`);
 * else undefined, as the record's own date is a source's. The reasons, the card and the share text all use it.
 */
export function noneLookedDay(por: { asOf: string; checkedAt?: string | undefined }, now: Date): string | undefined {
  const day = lastReadDay(por.asOf, por.checkedAt, now);
  return day === por.asOf ? undefined : day;
}
