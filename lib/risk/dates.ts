const DAY_MS = 86_400_000;

/** Whole days from an ISO date (`YYYY-MM-DD`) to `now`; negative when the date is after `now`. */
export function daysSince(isoDate: string, now: Date): number {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(then)) return Number.POSITIVE_INFINITY;
  return Math.floor((now.getTime() - then) / DAY_MS);
}
