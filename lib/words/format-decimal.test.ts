import { describe, expect, test } from 'vitest';
import { formatDateTime, formatDecimal } from './format';

describe('formatDecimal', () => {
  test('an amount read from the chain follows the reader: grouping and decimal sign of the locale', () => {
    expect(formatDecimal('1234.5', 'de')).toBe('1.234,5');
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5');
    expect(formatDecimal('1234567.25', 'fr')).toBe('1\u202f234\u202f567,25');
    expect(formatDecimal('0.5', 'pt-BR')).toBe('0,5');
    expect(formatDecimal('7', 'tr')).toBe('7');
  });

  test('every digit of an 18-decimal amount is kept, far past what a float holds', () => {
    expect(formatDecimal('123456789012345678901.000000000000000001', 'de')).toBe('123.456.789.012.345.678.901,000000000000000001');
    expect(formatDecimal('0.000000000000000001', 'en')).toBe('0.000000000000000001');
    expect(formatDecimal('-1234.5', 'en')).toBe('−1,234.5');
  });

  test('groups the whole part by locale and keeps every significant decimal; trailing zeros of the fraction are dropped', () => {
    expect(formatDecimal('1244.56789', 'en')).toBe('1,244.56789');
    expect(formatDecimal('1244.56789', 'sv')).toBe('1\u00a0244,56789');
    // 2^64 wei in ETH: a float would lose the last digits.
    expect(formatDecimal('18.446744073709551616', 'en')).toBe('18.446744073709551616');
    expect(formatDecimal('123456789012345678901234567890', 'en')).toBe('123,456,789,012,345,678,901,234,567,890');
    expect(formatDecimal('5.000000', 'en')).toBe('5');
    expect(formatDecimal('1234.000000000000000001', 'en')).toBe('1,234.000000000000000001');
  });

  test('asked to, the fraction keeps its trailing zeros: a text that was hashed as written is shown with every digit', () => {
    expect(formatDecimal('7.16384740', 'de', { keepTrailingZeros: true })).toBe('7,16384740');
    expect(formatDecimal('19398.00000000', 'en', { keepTrailingZeros: true })).toBe('19,398.00000000');
    expect(formatDecimal('-0.000', 'en', { keepTrailingZeros: true })).toBe('0.000');
    expect(formatDecimal('12', 'de', { keepTrailingZeros: true })).toBe('12');
  });

  test('one minus sign for every locale, never a minus zero', () => {
    expect(formatDecimal('-0.5', 'en')).toBe('−0.5');
    expect(formatDecimal('-0.5', 'de')).toBe('−0,5');
    expect(formatDecimal('-0.000', 'en')).toBe('0');
  });

  test('Western digits whatever the locale would pick by default', () => {
    expect(formatDecimal('1234.5', 'ar-EG')).toMatch(/^1\D234\D5$/);
  });

  test('text that is not a plain decimal is shown unchanged', () => {
    expect(formatDecimal('?', 'de')).toBe('?');
    expect(formatDecimal('1e5', 'de')).toBe('1e5');
    expect(formatDecimal('', 'en')).toBe('');
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
