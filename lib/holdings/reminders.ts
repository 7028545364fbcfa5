/**
 * When the background's alarm should next remind the user to check where their crypto sits:
 * a monthly day they chose, and Proof of Keys day (3 January, the anniversary of Bitcoin's
 * genesis block; https://crypto.bi/proof-keys/). Pure: the caller passes its clock and UTC offset
 * and re-asks after each alarm, which also absorbs daylight-saving changes.
 */

export type ReminderKind = 'monthly' | 'proof-of-keys';

export interface NextReminderParameters {
  now: number;
  /** Day of the month, 1–31; a month without that day uses its last day. No monthly reminder when omitted. */
  monthlyDay?: number;
  proofOfKeysDay: boolean;
  /** Local hour of day for the reminder, 0–23. */
  hour?: number;
  /** Minutes east of UTC (Stockholm in winter: 60), i.e. `-new Date().getTimezoneOffset()`. */
  utcOffsetMinutes?: number;
}

export interface NextReminderReturnType {
  /** Milliseconds since epoch, strictly after `now`. */
  at: number;
  /** Every reminder due at that moment (both when the monthly day is the 3rd in January). */
  kinds: ReminderKind[];
}

const MINUTE = 60_000;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The next reminder moment, or null when no reminder is on or the input cannot make one. */
export function nextReminder({ now, monthlyDay, proofOfKeysDay, hour = 9, utcOffsetMinutes = 0 }: NextReminderParameters): NextReminderReturnType | null {
  if (!Number.isFinite(now) || !Number.isInteger(hour) || hour < 0 || hour > 23) return null;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) return null;
  const offset = utcOffsetMinutes * MINUTE;
  const local = new Date(now + offset);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const at = (y: number, m: number, d: number) => Date.UTC(y, m, d, hour) - offset;

  const candidates: { at: number; kind: ReminderKind }[] = [];
  if (monthlyDay !== undefined && Number.isInteger(monthlyDay) && monthlyDay >= 1 && monthlyDay <= 31) {
    for (let ahead = 0; ahead < 3; ahead++) {
      const y = year + Math.floor((month + ahead) / 12);
      const m = (month + ahead) % 12;
      const moment = at(y, m, Math.min(monthlyDay, daysIn(y, m)));
      if (moment > now) {
        candidates.push({ at: moment, kind: 'monthly' });
        break;
      }
    }
  }
  if (proofOfKeysDay) {
    const thisYear = at(year, 0, 3);
    candidates.push({ at: thisYear > now ? thisYear : at(year + 1, 0, 3), kind: 'proof-of-keys' });
  }
  if (candidates.length === 0) return null;
  const first = Math.min(...candidates.map((candidate) => candidate.at));
  return { at: first, kinds: candidates.filter((candidate) => candidate.at === first).map((candidate) => candidate.kind) };
}
