import { describe, expect, test } from 'vitest';
import { formatDateTime, formatDecimalString } from './format';

describe('formatDecimalString', () => {
  test('an amount read from the chain follows the reader: grouping and decimal sign of the locale', () => {
    expect(formatDecimalString('1234.5', 'de')).toBe('1.234,5');
    expect(formatDecimalString('1234.5', 'en')).toBe('1,234.5');
    expect(formatDecimalString('1234567.25', 'fr')).toBe('1\u202f234\u202f567,25');
    expect(formatDecimalString('0.5', 'pt-BR')).toBe('0,5');
    expect(formatDecimalString('7', 'tr')).toBe('7');
  });

  test('every digit of an 18-decimal amount is kept, far past what a float holds', () => {
    expect(formatDecimalString('123456789012345678901.000000000000000001', 'de')).toBe('123.456.789.012.345.678.901,000000000000000001');
    expect(formatDecimalString('0.000000000000000001', 'en')).toBe('0.000000000000000001');
    expect(formatDecimalString('-1234.5', 'en')).toBe('-1,234.5');
  });

  test('text that is not a plain decimal is shown unchanged', () => {
    expect(formatDecimalString('?', 'de')).toBe('?');
    expect(formatDecimalString('1e5', 'de')).toBe('1e5');
  });
});

describe('formatDateTime', () => {
  test("a stored time in the reader's words, never the ISO text", () => {
    const iso = '2026-12-05T22:31:09.771Z';
    const german = formatDateTime(iso, 'de');
    expect(german).not.toContain('2026-12-05T');
    expect(german).toMatch(/^\d{2}\.\d{2}\.2026, \d{2}:\d{2}$/);
    expect(formatDateTime('not a time', 'de')).toBe('not a time');
  });
});
