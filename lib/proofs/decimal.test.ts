import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, formatFixed, formatJavaToString, formatTrimmed, parseDecimal, parseJavaDecimal, truncateDecimal } from './decimal';

const d = (text: string) => {
  const value = parseDecimal(text);
  if (value === undefined) throw new Error(`bad decimal ${text}`);
  return value;
};

describe('decimal', () => {
  it('parses plain decimals only', () => {
    expect(parseDecimal('12.50')).toEqual({ units: 1250n, scale: 2 });
    expect(parseDecimal('-0.00000001')).toEqual({ units: -1n, scale: 8 });
    for (const bad of ['', '1e5', '.5', '5.', '+1', '1,5', ' 1', 'NaN', '0x10']) expect(parseDecimal(bad)).toBeUndefined();
  });

  it('adds exactly, where floats would not', () => {
    expect(formatFixed(addDecimal(d('0.1'), d('0.2')))).toBe('0.3');
    expect(formatFixed(addDecimal(d('19222776331.93374469'), d('0.00000001')))).toBe('19222776331.93374470');
    expect(formatFixed(addDecimal(d('-1536.70659782'), d('1536.7')))).toBe('-0.00659782');
  });

  it('truncates toward zero (RoundingMode.DOWN / RoundDown)', () => {
    expect(formatFixed(truncateDecimal(d('1.123456789'), 8))).toBe('1.12345678');
    expect(formatFixed(truncateDecimal(d('-1.123456789'), 8))).toBe('-1.12345678');
    expect(formatFixed(truncateDecimal(d('2.5'), 4))).toBe('2.5000');
  });

  it('formats like shopspring String() and Java stripTrailingZeros().toPlainString()', () => {
    expect(formatTrimmed(d('0.00000000'))).toBe('0');
    expect(formatTrimmed(d('6.30775650'))).toBe('6.3077565');
    expect(formatTrimmed(d('100.000'))).toBe('100');
    expect(formatTrimmed(d('-0.50'))).toBe('-0.5');
  });

  it('formats like Java BigDecimal.toString()', () => {
    expect(formatJavaToString(d('0.000001'))).toBe('0.000001');
    expect(formatJavaToString(d('0.0000001'))).toBe('1E-7');
    expect(formatJavaToString(d('0.00000012'))).toBe('1.2E-7');
    expect(formatJavaToString(d('2020155332.95708230'))).toBe('2020155332.95708230');
    expect(formatJavaToString(parseJavaDecimal('1E+3')!)).toBe('1E+3');
    expect(formatJavaToString(parseJavaDecimal('5000')!)).toBe('5000');
    expect(formatJavaToString(d('-0.0000001'))).toBe('-1E-7');
  });

  it('compares by value, not by text', () => {
    expect(compareDecimal(d('1.50'), d('1.5'))).toBe(0);
    expect(compareDecimal(d('-1'), d('0'))).toBe(-1);
    expect(compareDecimal(parseJavaDecimal('1e-8')!, d('0.00000001'))).toBe(0);
  });
});
