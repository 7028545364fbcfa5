import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ECB_DAILY_URL, EcbRatesError, parseEcbRates } from './ecb-rates';
import { convertUsd, valuePosition } from './valuation';
import { parsePriceTable } from './prices';

const recorded = readFileSync(join(import.meta.dirname, '../../tests/fixtures/ecb/eurofxref-daily-2019-06-13.xml'), 'utf8');
const FETCHED = Date.parse('2019-06-13T16:30:00Z');

describe('parseEcbRates', () => {
  it('reads the recorded daily file of 2019-06-13: every quoted currency in dollars, with the day', () => {
    const result = parseEcbRates({ text: recorded, fetchedAt: FETCHED });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.day).toBe('2019-06-13');
    // 32 quoted currencies, USD itself becomes the EUR entry.
    expect(Object.keys(result.fiat)).toHaveLength(32);
    expect(result.fiat.EUR).toEqual({ usd: 1.1289, asOf: '2019-06-13T00:00:00.000Z', source: ECB_DAILY_URL });
    expect(result.fiat.SEK?.usd).toBeCloseTo(1.1289 / 10.6968, 12);
    expect(result.fiat.JPY?.usd).toBeCloseTo(1.1289 / 122.44, 12);
    expect(result.fiat.USD).toBeUndefined();
    // The rates fit the stored table and convert both ways.
    const table = parsePriceTable({ fetchedAt: FETCHED, prices: {}, fiat: result.fiat });
    expect(convertUsd({ usd: 1.1289, currency: 'EUR', prices: table })).toBeCloseTo(1, 12);
    expect(convertUsd({ usd: 1.1289, currency: 'SEK', prices: table })).toBeCloseTo(10.6968, 9);
    expect(valuePosition({ position: { custodian: 'self', currency: 'SEK', value: 10.6968 }, prices: table })).toBeCloseTo(1.1289, 9);
    // A currency the ECB does not quote stays unknown.
    expect(convertUsd({ usd: 100, currency: 'ARS', prices: table })).toBeNull();
  });

  it('accepts double quotes and attribute spacing', () => {
    const result = parseEcbRates({ text: `<Cube><Cube time="2019-06-13"><Cube currency="USD" rate="1.1289" /><Cube currency="SEK"  rate="10.6968"/></Cube></Cube>`, fetchedAt: FETCHED });
    expect(result.ok && result.fiat.SEK?.usd).toBeCloseTo(1.1289 / 10.6968, 12);
  });

  it.each([
    ['an HTML error page', '<html><body>Service unavailable</body></html>', { code: 'not-ecb-file' }],
    ['a file without a dollar rate', `<Cube><Cube time='2019-06-13'><Cube currency='SEK' rate='10.6968'/></Cube></Cube>`, { code: 'no-usd' }],
    [
      'the history file (many days)',
      `<Cube><Cube time='2019-06-13'><Cube currency='USD' rate='1.1289'/></Cube><Cube time='2019-06-12'><Cube currency='USD' rate='1.1322'/></Cube></Cube>`,
      { code: 'not-ecb-file' },
    ],
    ['a date in the future', `<Cube><Cube time='2030-01-01'><Cube currency='USD' rate='1.1'/></Cube></Cube>`, { code: 'future-date', day: '2030-01-01' }],
    ['a huge body', `<Cube time='2019-06-13'>${' '.repeat(100_000)}`, { code: 'not-ecb-file' }],
  ])('refuses %s with a code and its figures', (_name, text, failure) => {
    const result = parseEcbRates({ text, fetchedAt: FETCHED });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBeInstanceOf(EcbRatesError);
    expect(result.reason.failure).toEqual(failure);
  });

  // Days no calendar has: the ECB never writes one, and Date.parse would roll 2019-02-31 into March.
  it.each(['2019-02-31', '2019-02-29', '2019-04-31', '2019-13-01', '2019-00-10', '2019-06-00', '2019-06-32'])('refuses the impossible day %s as not the ECB file', (day) => {
    const result = parseEcbRates({ text: `<Cube><Cube time='${day}'><Cube currency='USD' rate='1.1'/></Cube></Cube>`, fetchedAt: FETCHED });
    expect(!result.ok && result.reason.failure).toEqual({ code: 'not-ecb-file' });
  });

  it('accepts the last day of February in a leap year', () => {
    const result = parseEcbRates({ text: `<Cube><Cube time='2016-02-29'><Cube currency='USD' rate='1.1'/></Cube></Cube>`, fetchedAt: FETCHED });
    expect(result.ok && result.day).toBe('2016-02-29');
  });

  it('skips a zero or malformed rate instead of dividing by it', () => {
    const result = parseEcbRates({ text: `<Cube time='2019-06-13'><Cube currency='USD' rate='1.1289'/><Cube currency='SEK' rate='0'/><Cube currency='NOK' rate='x'/></Cube>`, fetchedAt: FETCHED });
    expect(result.ok && Object.keys(result.fiat).sort()).toEqual(['EUR']);
  });
});
