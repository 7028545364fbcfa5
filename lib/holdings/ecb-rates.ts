import type { FiatRate } from './prices';
import { BaseError } from '../errors';

/**
 * The European Central Bank's daily euro reference rates
 * (https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml), turned into what one unit of
 * each currency is worth in US dollars. The file quotes every currency per euro, so
 * 1 X = (USD per EUR) / (X per EUR) dollars. Published once per working day, the same file for
 * everyone; a currency the ECB does not quote stays unknown.
 *
 * Parsed with patterns rather than an XML parser: lib runs without a DOM, and the file is a flat
 * list of `<Cube currency='X' rate='N'/>` elements inside one `<Cube time='YYYY-MM-DD'>`.
 */

export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';
/** The real file is about 1.5 kB; anything far larger is not it. */
export const ECB_MAX_BYTES = 64 * 1024;

/** Why the rates file was refused, as a code and figures (worded by lib/words/holdings-source-failure.ts). */
export type EcbRatesFailure = { code: 'not-ecb-file' } | { code: 'not-https' } | { code: 'future-date'; day: string } | { code: 'no-usd' };

export class EcbRatesError extends BaseError {
  override name = 'EcbRatesError';
  readonly failure: EcbRatesFailure;

  constructor(failure: EcbRatesFailure, details?: string) {
    super(`exchange-rate file refused: ${failure.code}`, details);
    this.failure = failure;
  }
}

export interface ParseEcbRatesParameters {
  text: string;
  url?: string;
  /** When the file was fetched (ms), to refuse a date in the future. */
  fetchedAt: number;
}

export type ParseEcbRatesReturnType = { ok: true; day: string; fiat: Record<string, FiatRate> } | { ok: false; reason: EcbRatesError };

const TIME = /<Cube\s+time\s*=\s*(['"])(\d{4}-\d{2}-\d{2})\1\s*>/g;
const RATE = /<Cube\s+currency\s*=\s*(['"])([A-Z]{3})\1\s+rate\s*=\s*(['"])([0-9]+(?:\.[0-9]+)?)\3\s*\/>/g;

export function parseEcbRates({ text, url = ECB_DAILY_URL, fetchedAt }: ParseEcbRatesParameters): ParseEcbRatesReturnType {
  const fail = (failure: EcbRatesFailure, details?: string): ParseEcbRatesReturnType => ({ ok: false, reason: new EcbRatesError(failure, details) });
  if (typeof text !== 'string' || text.length > ECB_MAX_BYTES) return fail({ code: 'not-ecb-file' }, 'empty or too large');
  if (!/^https:\/\//.test(url)) return fail({ code: 'not-https' });
  const days = [...text.matchAll(TIME)].map((match) => match[2]!);
  // The daily file holds exactly one day; the history files hold many and are not this source.
  if (days.length !== 1) return fail({ code: 'not-ecb-file' }, `${days.length} dated blocks`);
  const day = days[0]!;
  if (!isCalendarDay(day)) return fail({ code: 'not-ecb-file' }, `${day} is not a calendar day`);
  const dayStart = Date.parse(`${day}T00:00:00Z`);
  if (dayStart > fetchedAt + 86_400_000) return fail({ code: 'future-date', day });
  const perEuro = new Map<string, number>();
  for (const match of text.matchAll(RATE)) {
    const rate = Number(match[4]);
    if (Number.isFinite(rate) && rate > 0 && !perEuro.has(match[2]!)) perEuro.set(match[2]!, rate);
  }
  const usdPerEuro = perEuro.get('USD');
  if (usdPerEuro === undefined) return fail({ code: 'no-usd' });
  const asOf = new Date(dayStart).toISOString();
  const fiat: Record<string, FiatRate> = { EUR: { usd: usdPerEuro, asOf, source: url } };
  for (const [currency, rate] of perEuro) {
    if (currency === 'USD') continue;
    fiat[currency] = { usd: usdPerEuro / rate, asOf, source: url };
  }
  return { ok: true, day, fiat };
}

/** A day as the rates file writes it ("2019-06-13") that the calendar has: `Date.parse` alone rolls 2019-02-31 over into March. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
