import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SubscriptionFailure } from '../community/subscription';
import type { FeedFailure } from '../feed/verify-feed';
import type { FetchFailure } from '../reserves/fetch-source';
import { feedFailureDetail, feedFailureText, feedFailureWithDetail } from './feed-failure';
import { fetchFailureText } from './fetch-failure';
import { formatDate, formatMoment } from './format';
import { ratesProblemText } from './holdings-source-failure';
import { translateFrom, type Messages } from './translate-from';
import { warningListFailureDetail, warningListFailureText, warningListFailureWithDetail } from './warning-list-words';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
/** The BCP 47 tag Intl takes for a `_locales` folder ("pt_BR" → "pt-BR"). */
const tag = (folder: string) => folder.replace('_', '-');
const decimalSign = (locale: string) => new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;

/** English technical text as it reaches these failures: a schema path, a valibot message, the browser's own error. */
const WHERE = 'warning 3 (binance), sources 1: Invalid length: Expected >=1 but received 0';
const FEED_WHERE = 'exchanges.binance.por.asOf';
const WHY = 'Could not establish connection. Receiving end does not exist.';

const FETCHES: FetchFailure[] = [
  { reason: 'timeout', host: 'api.llama.fi', timeoutMs: 12_500 },
  { reason: 'timeout', host: 'api.llama.fi', timeoutMs: 300 },
  { reason: 'http', host: 'coins.llama.fi', status: 429 },
  { reason: 'http', host: 'coins.llama.fi', status: 503 },
  { reason: 'http', host: 'coins.llama.fi', status: 404 },
  { reason: 'too-large', host: 'api.llama.fi', maxBytes: 1536 * 1024 },
];
const FEEDS: FeedFailure[] = [
  { code: 'too-large', maxKib: 2048 },
  { code: 'malformed', part: 'envelope', where: FEED_WHERE },
  { code: 'malformed', part: 'figures', where: FEED_WHERE },
  { code: 'not-yet-valid', issued: '2027-01-05T10:00:00.000Z' },
  { code: 'expired', expires: '2026-12-01T00:00:00Z' },
  { code: 'unchecked', why: WHY },
];
const LISTS: SubscriptionFailure[] = [
  { code: 'too-large', maxKib: 2048 },
  { code: 'malformed', problem: 'shape', where: WHERE },
  { code: 'not-yet-valid', issued: '2027-01-05T10:00:00.000Z' },
  { code: 'expired', expires: '2026-12-01T00:00:00Z' },
  { code: 'unchecked', why: WHY },
  ...FETCHES.map((failure) => ({ code: 'unreachable' as const, ...failure })),
];

/** Every failure sentence these word functions make, in one locale. */
function sentences(folder: string): string[] {
  const t = translateFrom(read(folder));
  const locale = tag(folder);
  return [
    ...FETCHES.map((failure) => fetchFailureText(failure, t, locale)),
    ...FEEDS.map((failure) => feedFailureText(failure, t, locale)),
    ...LISTS.map((failure) => warningListFailureText(failure, t, locale)),
    ratesProblemText({ code: 'future-date', day: '2030-01-01' }, t, locale) ?? '',
  ];
}

describe('failure sentences carry figures as the reader writes them, and no English technical text', () => {
  test('no sentence in any locale holds an ISO date, a decimal point where the locale writes a comma, or English code text', () => {
    expect(locales).toHaveLength(8);
    for (const folder of locales) {
      const comma = decimalSign(tag(folder)) === ',';
      // Dates as the locale writes them ("05.01.2027") are set aside before looking for decimal points.
      const dates = [formatMoment('2027-01-05T10:00:00.000Z', tag(folder)), formatMoment('2026-12-01T00:00:00Z', tag(folder)), formatDate('2030-01-01', tag(folder))];
      for (const text of sentences(folder)) {
        const figures = dates.reduce((rest, date) => rest.replaceAll(date, ''), text);
        expect(text, folder).not.toBe('');
        expect(text, folder).not.toMatch(/\$\d/);
        expect(text, folder).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        // A point before one or two digits is a decimal point; before three it groups thousands (de "1.536").
        if (comma) expect(figures, folder).not.toMatch(/\d\.\d{1,2}(?!\d)/);
        for (const english of [WHERE, FEED_WHERE, WHY, 'Invalid length', 'Receiving end']) expect(text, folder).not.toContain(english);
      }
    }
  });

  test('dates and decimals are the locale’s own: German reads 12,5 seconds and a German date', () => {
    const t = translateFrom(read('de'));
    expect(fetchFailureText(FETCHES[0]!, t, 'de')).toContain('12,5');
    expect(feedFailureText({ code: 'expired', expires: '2026-12-01T00:00:00Z' }, t, 'de')).toContain('2026');
    expect(ratesProblemText({ code: 'future-date', day: '2030-01-01' }, t, 'de')).toContain('01.01.2030');
    // A day that is not a day is not shown raw, and the refusal is still said (fail closed): as a file that is not the ECB's.
    expect(ratesProblemText({ code: 'future-date', day: 'soon' }, t, 'de')).toBe(t('holdingsRatesNotEcbFile'));
  });

  test('the technical text is kept apart, for a labelled details line and the command line', () => {
    expect(feedFailureDetail({ code: 'unchecked', why: WHY })).toBe(WHY);
    expect(feedFailureDetail({ code: 'malformed', part: 'figures', where: FEED_WHERE })).toBe(FEED_WHERE);
    expect(feedFailureDetail({ code: 'expired', expires: '2026-12-01T00:00:00Z' })).toBeUndefined();
    // The signature's internals stay in the maintainer's detail, out of the user's sentence.
    expect(feedFailureDetail({ code: 'bad-signature', problem: 'not-canonical' })).toMatch(/high s.*27 or 28/);
    expect(warningListFailureDetail({ code: 'malformed', problem: 'shape', where: WHERE })).toBe(WHERE);
    expect(warningListFailureDetail({ code: 'unchecked', why: WHY })).toBe(WHY);
    expect(warningListFailureDetail({ code: 'bad-signature' })).toMatch(/EIP-2/);
    expect(warningListFailureDetail({ code: 'bad-signature', stored: true })).toBeUndefined();
    expect(warningListFailureDetail({ code: 'expired', expires: '2026-12-01T00:00:00Z' })).toBeUndefined();
  });

  test('the command line sets the detail after the sentence as a sentence of its own: one full stop, no brackets inside brackets', () => {
    const english = translateFrom(read('en'));
    expect(feedFailureWithDetail({ code: 'unreadable' }, english, 'en')).toBe(`${english('feedFailNotJson')} Detail: not JSON.`);
    expect(warningListFailureWithDetail({ code: 'unchecked', why: WHY }, english, 'en')).toBe(`${english('listsFailUnchecked')} Detail: ${WHY}`);
    const feeds: FeedFailure[] = [
      { code: 'unreadable' },
      { code: 'bad-signature', problem: 'not-canonical' },
      { code: 'bad-signature', problem: 'no-signer' },
      { code: 'malformed', part: 'figures', where: FEED_WHERE },
      { code: 'unchecked', why: WHY },
    ];
    const lists: SubscriptionFailure[] = [
      { code: 'malformed', problem: 'not-json' },
      { code: 'malformed', problem: 'not-plain' },
      { code: 'malformed', problem: 'shape', where: WHERE },
      { code: 'bad-signature' },
      { code: 'unchecked', why: WHY },
    ];
    const printed = [...feeds.map((failure) => feedFailureWithDetail(failure, english, 'en')), ...lists.map((failure) => warningListFailureWithDetail(failure, english, 'en'))];
    for (const line of printed) {
      expect(line).toMatch(/ Detail: [\s\S]*[^.]\.$/);
      expect(line).not.toMatch(/[.!?] ?\(/);
      expect(line).not.toMatch(/\([^()]*\(/);
    }
  });

  test('an HTTP refusal says in plain words what kind it was, the number kept in parentheses', () => {
    for (const folder of locales) {
      const t = translateFrom(read(folder));
      const [tooOften, down, refused] = [429, 503, 404].map((status) => fetchFailureText({ reason: 'http', host: 'coins.llama.fi', status }, t, tag(folder)));
      for (const [text, status] of [
        [tooOften, 429],
        [down, 503],
        [refused, 404],
      ] as const)
        expect(text, folder).toMatch(new RegExp(`[(（]HTTP ${status}[)）]`));
      // Three classes, three different sentences once the number is set aside.
      const plain = [tooOften, down, refused].map((text) => text?.replace(/\d{3}/, ''));
      expect(new Set(plain).size, folder).toBe(3);
    }
    const english = translateFrom(read('en'));
    expect(fetchFailureText({ reason: 'http', host: 'coins.llama.fi', status: 429 }, english, 'en')).toBe('coins.llama.fi was asked too often; try again later (HTTP 429)');
    expect(fetchFailureText({ reason: 'http', host: 'coins.llama.fi', status: 502 }, english, 'en')).toBe('coins.llama.fi was busy or down on its side (HTTP 502)');
    expect(fetchFailureText({ reason: 'http', host: 'coins.llama.fi', status: 403 }, english, 'en')).toBe('coins.llama.fi refused the request (HTTP 403)');
    expect(fetchFailureText({ reason: 'http', host: 'coins.llama.fi', status: 308 }, english, 'en')).toBe('coins.llama.fi gave an unexpected answer (HTTP 308)');
  });
});
