import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { EcbRatesFailure } from '../holdings/ecb-rates';
import { PRICE_PROBLEM_KEYS, RATES_PROBLEM_KEYS, priceProblemText, ratesProblemText } from './holdings-source-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const RATES: EcbRatesFailure[] = [{ code: 'not-ecb-file' }, { code: 'not-https' }, { code: 'future-date', day: '2030-01-01' }, { code: 'no-usd' }];

describe('holdings price and rate words', () => {
  test('every refusal of the price answer and the rates file has its clause in every locale', () => {
    expect(locales).toHaveLength(8);
    expect(RATES.map((failure) => failure.code).sort()).toEqual(Object.keys(RATES_PROBLEM_KEYS).sort());
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const prices = Object.keys(PRICE_PROBLEM_KEYS).map((code) => priceProblemText(code, t));
      const rates = RATES.map((failure) => ratesProblemText(failure, t, locale.replace('_', '-')));
      for (const text of [...prices, ...rates]) expect(text, locale).toMatch(/^[^$]+$/);
      expect(new Set([...prices, ...rates]).size, locale).toBe(prices.length + rates.length);
      expect(ratesProblemText(RATES[2], t, locale.replace('_', '-')), locale).toContain('2030');
    }
  });

  test('a stored value that is not a code is left unworded', () => {
    const t = translateFrom(read('en'));
    expect(priceProblemText('not-a-price-list', t)).toBe('the price source answered something that is not a price list');
    for (const stored of [undefined, 'The price source answered something that is not a price list.', 'toString', 42]) expect(priceProblemText(stored, t)).toBeUndefined();
    for (const stored of [undefined, 'no-usd', { code: 'constructor' }]) expect(ratesProblemText(stored, t, 'en')).toBeUndefined();
  });

  test('a refusal for a day that is not a real one is still said, never dropped (fail closed)', () => {
    const t = translateFrom(read('en'));
    const notEcb = ratesProblemText({ code: 'not-ecb-file' }, t, 'en');
    for (const day of [undefined, 42, '2026-13-01', '2026-02-31', 'soon']) expect(ratesProblemText({ code: 'future-date', day }, t, 'en'), String(day)).toBe(notEcb);
  });

  test('lib/holdings words nothing a user reads in its price and rate refusals', () => {
    for (const file of ['prices.ts', 'ecb-rates.ts']) {
      const source = readFileSync(join(root, 'lib/holdings', file), 'utf8');
      expect(source, file).not.toMatch(/(PriceParseError|fail)\(\s*'[A-Z][^']*\s/);
    }
  });
});
