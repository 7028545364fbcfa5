import { describe, expect, test } from 'vitest';
import { translateFrom } from '../words/translate-from';
import { withFigureDates } from './figure-dates';
import english from '../../public/_locales/en/messages.json';
import german from '../../public/_locales/de/messages.json';

const t = translateFrom(english);

describe('withFigureDates', () => {
  test('the oldest to the newest day the figures describe, whatever their order, after the shared line', () => {
    expect(withFigureDates({ shared: 'Shared Dec 6, 2026', dates: ['2026-08-10', '2026-04-01', '2026-08-10'], t, locale: 'en-US' })).toBe(
      'Shared Dec 6, 2026 · figures dated Apr 1, 2026 to Aug 10, 2026',
    );
    // Across a year's end the calendar decides, not the month.
    expect(withFigureDates({ shared: 'x', dates: ['2026-01-02', '2025-12-31'], t, locale: 'en-US' })).toBe('x · figures dated Dec 31, 2025 to Jan 2, 2026');
  });

  test('one day when every figure describes it; the shared line alone when there is no figure', () => {
    expect(withFigureDates({ shared: 'x', dates: ['2022-11-11', '2022-11-11'], t, locale: 'en-US' })).toBe('x · figures dated Nov 11, 2022');
    expect(withFigureDates({ shared: 'x', dates: [], t, locale: 'en-US' })).toBe('x');
  });

  test('as the reader writes dates', () => {
    expect(withFigureDates({ shared: 'x', dates: ['2026-04-01', '2026-08-10'], t: translateFrom(german), locale: 'de' })).toBe('x · Zahlen vom 01.04.2026 bis 10.08.2026');
  });
});
