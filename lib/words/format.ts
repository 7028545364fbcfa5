/** Numbers, money and dates in the reader's locale, through Intl. Pure; the locale is passed in. */

import type { Translate } from './translate-from';

// Building an Intl formatter costs far more than using one (a card draws dozens of figures, and
// the popup's first frame waits for them), so each kind is built once per locale.
const formatters = new Map<string, unknown>();
function formatter<T>(kind: string, locale: string, build: () => T): T {
  const key = `${kind}|${locale}`;
  let held = formatters.get(key) as T | undefined;
  if (held === undefined) {
    held = build();
    formatters.set(key, held);
  }
  return held;
}

export function formatPercent(fraction: number, locale: string, digits = 1): string {
  return formatter(`percent${digits}`, locale, () => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })).format(fraction);
}

/**
 * A size in bytes in the largest decimal unit it reaches ("2 MB", "1.5 kB", "512 byte"), with the
 * language's own unit words ("2 Mo" in French): every size limit the extension names is said this way.
 */
export function formatByteSize(bytes: number, locale: string): string {
  // The unit is picked on the figure as shown (one decimal), so 999,950 bytes is "1 MB", never "1,000 kB".
  const shown = (value: number) => Math.round(value * 10) / 10;
  const [unit, size] = shown(bytes / 1000) >= 1000 ? (['megabyte', bytes / 1_000_000] as const) : shown(bytes) >= 1000 ? (['kilobyte', bytes / 1000] as const) : (['byte', bytes] as const);
  return formatter(`bytes-${unit}`, locale, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })).format(size);
}

/** A count or figure with up to two decimals ("90", "1.25"). */
export function formatCount(value: number, locale: string): string {
  return formatter('count', locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/** Exactly two decimals ("0.31", "1.25"). */
export function formatFixed(value: number, locale: string): string {
  return formatter('fixed2', locale, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value);
}

/** A share as a percentage with up to `digits` decimals ("12.5%", "100.99%"). */
export function formatShare(fraction: number, locale: string, digits = 1): string {
  return formatter(`share${digits}`, locale, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(fraction);
}

/**
 * A reserve ratio as precise as its source, to hundredths at most: a report's whole 109 % reads "109%",
 * never "109.00%". One short of 100 % never rounds up to 100 %, so a shortfall is never hidden.
 */
export function formatRatio(ratio: number, locale: string): string {
  return formatter('ratio', locale, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })).format(Math.min(ratio, ratio < 1 ? 0.9999 : ratio));
}

// The minimum is stated: engines disagree on its default for compact currency (Node 20 pads to "$4.40M", browsers write "$4.4M").
const COMPACT_USD = { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 } as const;

export function formatUsd(value: number, locale: string): string {
  return formatter('usd', locale, () => new Intl.NumberFormat(locale, { ...COMPACT_USD, signDisplay: 'auto' })).format(value);
}

export function formatSignedUsd(value: number, locale: string): string {
  return formatter('signed-usd', locale, () => new Intl.NumberFormat(locale, { ...COMPACT_USD, signDisplay: 'exceptZero' })).format(value);
}

/** French writes the first of a month as "1er" ("1er avr. 2026"), which Intl does not; its dates lead with the day. */
const firstDay = (text: string, locale: string): string => (/^fr\b/i.test(locale) ? text.replace(/^1 /, '1er ') : text);

export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return firstDay(formatter('date', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date), locale);
}

/** How a caller writes a moment: the extension's pages use `formatMoment`, the command line UTC (scripts/radar/words/english.ts). */
export type MomentFormat = (iso: string, locale: string) => string;

/**
 * A reading's moment as the extension's pages write a time (`formatDateTime`: the reader's locale and time zone, to
 * the minute, no zone named: "Dec 5, 2026, 8:40 PM" in Tokyo for 11:40 UTC); a value known only by its day
 * ("2026-12-05") says the day alone, never a made-up midnight; anything unreadable as it came.
 */
export function formatMoment(iso: string, locale: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return formatDate(iso, locale);
  return formatDateTime(iso, locale);
}

/**
 * Items joined as the reader's language joins a list ("a, b, and c", "a, b und c", "a、b和c").
 * `long` says the last "and" where the language does; `narrow` leaves it out where the language
 * allows ("a, b, c", "a、b、c"), for a plain enumeration after a colon. `disjunction` joins
 * alternatives ("a, b, or c", "a、b或c").
 */
export function formatList(items: readonly string[], locale: string, { style = 'long', type = 'conjunction' }: { style?: 'long' | 'narrow'; type?: 'conjunction' | 'disjunction' } = {}): string {
  return formatter(`list-${type}-${style}`, locale, () => new Intl.ListFormat(locale, { type, style })).format(items);
}

/**
 * "42 days ago", "in 3 hours", "just now": the age of a dated figure, as a reader says it. Under a
 * minute either side, the language's own "just now" (`t`; Intl's word for it is "this minute"): a
 * reading stamped a few seconds ahead is a clock out of step, never a future event.
 */
export function formatAge(isoDate: string, now: Date, locale: string, t: Translate): string {
  const then = Date.parse(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  if (seconds < 60 && seconds > -60) return t('ageJustNow');
  const format = formatter('age', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['day', 86400],
    ['hour', 3600],
  ];
  const abs = Math.abs(seconds);
  for (const [unit, size] of steps) {
    // Days read better than months up to about three months ("42 days ago").
    if (unit === 'month' && abs < 90 * 86400) continue;
    if (unit === 'year' && abs < 2 * 365 * 86400) continue;
    if (abs >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(Math.trunc(seconds / 60), 'minute');
}

/** When a planned step happens ("in 3 hours"): due, overdue or under a minute away, "in a moment" (`t`). */
export function formatUntil(iso: string, now: Date, locale: string, t: Translate): string {
  return Date.parse(iso) - now.getTime() < 59_500 ? t('ageSoon') : formatAge(iso, now, locale, t);
}

/** An amount in any ISO currency ("$4,200", "4 200 kr"); whole units above 100, cents below. */
export function formatMoney(value: number, currency: string, locale: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  } catch {
    // A code Intl does not know: the number with the code beside it.
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${currency}`;
  }
}

/** An amount of a coin in units ("593,112", "12.35", "0.0042", "21.3B"): fewer decimals the larger it is. */
export function formatAmount(value: number, locale: string): string {
  return amountFormatter(value, locale, 'auto').format(value);
}

/** A change in units with its sign ("+1,204", "−0.5"); zero has none. */
export function formatSignedAmount(value: number, locale: string): string {
  return amountFormatter(value, locale, 'exceptZero').format(value);
}

function amountFormatter(value: number, locale: string, signDisplay: 'auto' | 'exceptZero'): Intl.NumberFormat {
  const size = Math.abs(value);
  // Stablecoin balances run to billions of units: eleven digits read worse than "21.3B".
  if (size >= 1e7) return formatter(`amount-compact${signDisplay}`, locale, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2, signDisplay }));
  const digits = size >= 1000 ? 0 : size >= 1 ? 2 : 4;
  return formatter(`amount${digits}${signDisplay}`, locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, signDisplay }));
}

/** A relative change with its sign ("+1.25%", "−0.40%"). */
export function formatSignedPercent(fraction: number, locale: string, digits = 2): string {
  return formatter(
    `signed-percent${digits}`,
    locale,
    () => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }),
  ).format(fraction);
}

/**
 * The site a source link leads to, as a reader recognises it: the hostname without a leading
 * "www." ("binance.com", "insights.deribit.com"). Not the registrable domain: that needs the
 * public-suffix list (tldts), which would more than double the exchange page's script, and a full
 * hostname never overstates who published (a blog on a shared host keeps its own name).
 */
/** Whether `url` may be linked: the data schema's rule for a source (`UrlSchema`), a well-formed address starting `https://`. */
export const isHttpsUrl = (url: string) => url.startsWith('https://') && URL.canParse(url);

export function sourceSite(url: string): string {
  if (!URL.canParse(url)) return url;
  const { hostname } = new URL(url);
  return hostname.replace(/^www\./, '') || url;
}

/**
 * The moment whose UTC reading is `date` on the reader's clock now. A formatter keeps the time zone it was built
 * in, and the reader's may change while the extension runs (a laptop taken abroad, the system setting changed; an
 * extension page stays open for days): the local getters read the zone at each call, at that moment (summer time and
 * offsets with seconds included, which `getTimezoneOffset` rounds away), so one UTC formatter per locale writes the
 * reader's wall-clock time, and no formatter is built again. Undefined where the wall clock falls off a Date's range.
 */
function onReadersClock(date: Date): Date | undefined {
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: a year below 100 stays that year.
  wall.setUTCFullYear(date.getFullYear(), date.getMonth(), date.getDate());
  wall.setUTCHours(date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
  return Number.isNaN(wall.getTime()) ? undefined : wall;
}

/** `date` in `options` on the reader's clock; at the very edge of a Date's range, through a formatter built for this call. */
function formatOnReadersClock(date: Date, key: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const wall = onReadersClock(date);
  if (wall === undefined) return firstDay(new Intl.DateTimeFormat(locale, options).format(date), locale);
  return firstDay(formatter(key, locale, () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })).format(wall), locale);
}

/** A date and time in the reader's locale and time zone ("05.12.2026, 22:31"); text that is not a date is shown as it is. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatOnReadersClock(date, 'date-time', locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface FormatDecimalOptions {
  /** Keep the fraction's trailing zeros ("7.16384740" stays eight places), for amounts shown as a file wrote them. */
  keepTrailingZeros?: boolean;
}

/**
 * An exact decimal string ("1234.5", "-0.000000000000000001", as viem's formatUnits gives) in the
 * reader's locale ("1.234,5"), every significant digit kept: the whole part goes through Intl as a
 * bigint for its grouping, the fraction is joined with the locale's decimal sign, never through a
 * float. Trailing zeros of the fraction are dropped ("5.000000" → "5") unless `keepTrailingZeros`; a
 * negative amount takes "−" in every locale, and a zero is never negative. Text that is not a plain
 * decimal is shown as it is.
 */
export function formatDecimal(value: string, locale: string, { keepTrailingZeros = false }: FormatDecimalOptions = {}): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (match === null) return value;
  const [, minus = '', whole = '0', fraction = ''] = match;
  const format = formatter('decimal-string', locale, () => new Intl.NumberFormat(locale, { useGrouping: true, numberingSystem: 'latn' }));
  const decimal = format.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const trimmed = keepTrailingZeros ? fraction : fraction.replace(/0+$/, '');
  const zero = /^0+$/.test(whole) && /^0*$/.test(trimmed);
  return `${minus === '' || zero ? '' : '\u2212'}${format.format(BigInt(whole))}${trimmed === '' ? '' : `${decimal}${trimmed}`}`;
}

/**
 * The day of a moment the user made (an address saved, a balance read), in the reader's locale and
 * own time zone ("Dec 6, 2026" for 8 pm on Dec 6 in New York, not UTC's Dec 7). Data as-of dates
 * stay in UTC (`formatDate`); text that is not a date is shown as it is.
 */
export function formatLocalDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatOnReadersClock(date, 'local-date', locale, { dateStyle: 'medium' });
}
