/** What every `--now` and `--cexs-date` accepts, said the same way by every command. */
export const MOMENT_FORMS = 'a date like 2025-11-25 or a moment like 2025-11-25T06:00:00Z';

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A day (its start, UTC) or an ISO moment with its zone; undefined for anything else. Stricter than
 * `Date.parse`, which takes "5" for May 2001 and rolls 2025-02-30 over into March, and reads a
 * moment without a zone in the clock of whichever machine runs the command.
 */
export function parseMoment(value: string): Date | undefined {
  const match = MOMENT.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', , zone] = match;
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCFullYear() !== Number(year) || calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return undefined;
  const parsed = new Date(zone === undefined ? `${value}T00:00:00Z` : value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/**
 * A moment as every command writes one: ISO 8601 in UTC ("2026-12-05T11:40:00Z", as signed feeds
 * and lists write their dates), so a maintainer's terminal and a CI log in another zone show the
 * same text, and it pastes back into `--now`. A day stays a day; text that is not a moment with its
 * zone is written as it came, never read in this machine's clock.
 */
export function utcMoment(value: string): string {
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : parseMoment(value);
  return moment === undefined ? value : moment.toISOString().replace(/\.000Z$/, 'Z');
}
