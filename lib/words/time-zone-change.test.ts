import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReason } from '../risk/run-signals';
import { formatDateTime, formatLocalDate, formatMoment } from './format';
import { runNotificationText } from './run-alert-text';
import { translateFrom, type Messages } from './translate-from';
import { movableTimeZone } from './time-zone.testkit';

/*
 * The reader's time zone changes while the extension runs (a laptop taken from Tokyo to New York, the system
 * setting changed): a background page lives for days, a worker for as long as it is busy, and the formatters are
 * built once. Node follows an assignment to process.env.TZ at once, as a browser follows the system's zone.
 */
const inZone = movableTimeZone();

const LOCALES = ['en', 'de', 'fr', 'sv', 'tr', 'es', 'pt-BR', 'zh-CN'];
/** How the pages write a moment (formatDateTime), in a zone named outright. */
/** Intl told the zone outright, with French's "1er" for the first of a month (format.ts), which Intl does not write. */
const told = (zone: string, locale: string, iso: string, options: Intl.DateTimeFormatOptions) => {
  const text = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(iso));
  return locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
};
const dateTimeIn = (zone: string, locale: string, iso: string) => told(zone, locale, iso, { dateStyle: 'medium', timeStyle: 'short' });
const words = (locale: string) => translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale.replace('-', '_'), 'messages.json'), 'utf8')) as Messages);

/** A fifth of Binance's assets gone in a day, as DefiLlama's /cexs answered at 11:40 UTC. */
const outflow: RunReason = {
  signal: 'outflow-24h',
  effect: 'alert',
  value: 0.2,
  outflowUsd: 20e9,
  baseUsd: 100e9,
  threshold: 0.15,
  source: 'https://api.llama.fi/cexs',
  observedAt: '2026-12-05T11:40:00.000Z',
};

describe('times on the reader’s clock after the time zone changes', () => {
  test('a date and time, in every locale, is written in the zone the reader is in now, not the first one asked in', () => {
    inZone('Asia/Tokyo');
    expect(formatDateTime('2026-12-05T11:40:00Z', 'de')).toBe('05.12.2026, 20:40');
    inZone('America/New_York');
    expect(new Date('2026-12-05T11:40:00Z').getHours(), 'the process is in New York now').toBe(6);
    expect(formatDateTime('2026-12-05T11:40:00Z', 'de')).toBe('05.12.2026, 06:40');
    for (const locale of LOCALES) expect(formatDateTime('2026-12-05T11:40:00Z', locale), locale).toBe(dateTimeIn('America/New_York', locale, '2026-12-05T11:40:00Z'));
  });

  test('the run notification says the moment on the clock of the zone the reader is in now', () => {
    inZone('Asia/Tokyo');
    expect(runNotificationText(outflow, words('en'), 'en')).toContain('as of Dec 5, 2026, 8:40');
    inZone('Europe/Berlin');
    expect(runNotificationText(outflow, words('de'), 'de')).toContain('Stand 05.12.2026, 12:40.');
    for (const locale of LOCALES) {
      const text = runNotificationText(outflow, words(locale), locale);
      expect(text, locale).toContain(dateTimeIn('Europe/Berlin', locale, outflow.observedAt ?? ''));
      expect(text, locale).not.toMatch(/UTC|GMT/);
    }
  });

  test('the day of a moment the user made is the day in the zone the reader is in now', () => {
    inZone('Asia/Tokyo');
    expect(formatLocalDate('2026-12-06T03:00:00Z', 'en')).toBe('Dec 6, 2026');
    inZone('America/New_York');
    expect(formatLocalDate('2026-12-06T03:00:00Z', 'en')).toBe('Dec 5, 2026');
  });

  test('a moment at the very edge of what a Date holds is still written, never thrown on', () => {
    inZone('Asia/Tokyo');
    // The last moment a Date holds is 09:00 in Tokyo: written on the reader's clock there too, not in UTC.
    expect(formatDateTime('+275760-09-13T00:00:00.000Z', 'en')).toBe(dateTimeIn('Asia/Tokyo', 'en', '+275760-09-13T00:00:00.000Z'));
    inZone('America/New_York');
    // The first moment a Date holds (year 271821 BC) is still 19 April in New York.
    expect(formatLocalDate('-271821-04-20T00:00:00.000Z', 'en')).toBe(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'America/New_York' }).format(new Date('-271821-04-20T00:00:00.000Z')),
    );
    expect(formatLocalDate('-271821-04-20T00:00:00.000Z', 'en')).toMatch(/^Apr 19, /);
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });

  test('every zone agrees with Intl told the zone outright: half and quarter hours, summer time, the hour a clock goes back twice', () => {
    const moments = [
      '2026-12-05T11:40:00Z',
      '2026-07-01T23:59:00Z',
      // New York's clocks go back on 1 November 2026: 05:30 and 06:30 UTC are both 1:30 AM there.
      '2026-11-01T05:30:00Z',
      '2026-11-01T06:30:00Z',
      // Lord Howe Island moves its clocks by half an hour.
      '2026-04-04T15:15:00Z',
      // Offsets with seconds: Monrovia's −0:44:30 until 1972, Dublin's mean time in 1900, New York's in 1800.
      '1970-06-01T12:00:00Z',
      '1900-06-01T12:10:00Z',
      '1800-06-01T00:00:00Z',
      // Years below 100 are years, not 19xx.
      '0050-03-01T12:00:00Z',
    ];
    for (const zone of [
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'America/New_York',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'UTC',
      'Pacific/Kiritimati',
      'Asia/Tokyo',
      'Africa/Monrovia',
      'Europe/Dublin',
    ]) {
      inZone(zone);
      for (const locale of LOCALES) {
        for (const moment of moments) {
          expect(formatDateTime(moment, locale), `${zone} ${locale} ${moment}`).toBe(dateTimeIn(zone, locale, moment));
          expect(formatMoment(moment, locale), `${zone} ${locale} ${moment}`).toBe(dateTimeIn(zone, locale, moment));
          expect(formatLocalDate(moment, locale), `${zone} ${locale} ${moment}`).toBe(told(zone, locale, moment, { dateStyle: 'medium' }));
        }
      }
    }
  });
});
