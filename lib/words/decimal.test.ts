import { describe, expect, test } from 'vitest';
import { formatDecimal } from './decimal';

describe('formatDecimal', () => {
  test('groups the whole part by locale and keeps every significant decimal, without a float', () => {
    expect(formatDecimal('1244.56789', 'en')).toBe('1,244.56789');
    expect(formatDecimal('1244.56789', 'sv')).toBe('1\u00a0244,56789');
    // 2^64 wei in ETH: a float would lose the last digits.
    expect(formatDecimal('18.446744073709551616', 'en')).toBe('18.446744073709551616');
    expect(formatDecimal('123456789012345678901234567890', 'en')).toBe('123,456,789,012,345,678,901,234,567,890');
    expect(formatDecimal('5.000000', 'en')).toBe('5');
    expect(formatDecimal('-0.5', 'en')).toBe('−0.5');
  });

  test('leaves what is not a decimal as it is', () => {
    expect(formatDecimal('1e5', 'en')).toBe('1e5');
    expect(formatDecimal('', 'en')).toBe('');
  });
});
