import { describe, expect, test } from 'vitest';
import { numberExample, numberSymbols, readDecimalText, readNumber, showNumber } from './typed-number';

const value = (text: string, locale: string) => {
  const read = readNumber(text, locale);
  return read.kind === 'number' ? read.value : read.kind;
};

describe('readNumber', () => {
  test('English reads the decimal point and refuses a comma it would have to guess about', () => {
    expect(value('1.5', 'en')).toBe(1.5);
    expect(value('1,234.5', 'en')).toBe(1234.5);
    expect(value('1,5', 'en')).toBe('unreadable');
    expect(value('2,5', 'en')).toBe('unreadable');
  });

  test('German reads the decimal comma and refuses a lone point', () => {
    expect(value('1,5', 'de')).toBe(1.5);
    expect(value('2,5', 'de')).toBe(2.5);
    expect(value('1.234,5', 'de')).toBe(1234.5);
    expect(value('1.5', 'de')).toBe('unreadable');
  });

  test('every language with a decimal comma reads 1,5 as one and a half; Chinese reads 1.5', () => {
    for (const locale of ['de', 'tr', 'sv', 'fr', 'es', 'pt_BR', 'pt-BR']) expect(value('1,5', locale)).toBe(1.5);
    expect(value('1.5', 'zh_CN')).toBe(1.5);
    expect(value('1 234,5', 'fr')).toBe(1234.5);
    expect(value('1 234,5', 'sv')).toBe(1234.5);
  });

  test('text that is no plain number is unreadable, never a different number and never empty', () => {
    for (const text of ['1.2.3', '1e400', '1e3', 'Infinity', 'NaN', '0x10', '12abc', '.', '1,,5', `1${'0'.repeat(400)}`]) {
      expect(value(text, 'en')).toBe('unreadable');
      expect(value(text.replaceAll('.', ','), 'de')).toBe('unreadable');
    }
  });

  test('only an empty field is empty; a minus sign gives a negative number for the caller to refuse', () => {
    expect(readNumber('  ', 'de')).toEqual({ kind: 'empty' });
    expect(value('-5', 'en')).toBe(-5);
    expect(value(' 15 ', 'de')).toBe(15);
  });
});

describe('grouping is checked against how the language groups the same digits', () => {
  test('a leading 0 group is no thousands group: "0,500" in English and "0.500" in German are refused', () => {
    expect(value('0,500', 'en')).toBe('unreadable');
    expect(value('0.500', 'de')).toBe('unreadable');
    expect(value('00,500', 'en')).toBe('unreadable');
  });

  test('regional grouping: Indian English groups by two after the thousands, Swiss German with an apostrophe', () => {
    expect(value('1,00,000', 'en-IN')).toBe(100000);
    expect(value('12,34,567.5', 'en-IN')).toBe(1234567.5);
    expect(value('1,234,567.5', 'en-IN')).toBe('unreadable');
    for (const locale of ['en-IN', 'de-CH']) {
      for (const n of [0, 1.5, 1234.5, 1234567.125, 50000]) expect(value(showNumber(n, locale), locale)).toBe(n);
    }
  });

  test('minus zero is zero', () => {
    const read = readNumber('-0', 'en');
    expect(read.kind === 'number' && Object.is(read.value, 0)).toBe(true);
    expect(showNumber(read.kind === 'number' ? read.value : 1, 'en')).toBe('0');
  });
});

describe('Swiss grouping with an apostrophe', () => {
  // Engines disagree on the Swiss group symbol: older CLDR data writes U+2019 (1’234), newer U+0027 (1'234, as
  // Node 20.20 and Chromium 156 do); a keyboard types U+0027, and text copied from elsewhere may hold U+2019.
  const swissGroup = numberSymbols('de-CH').group;
  test('the engine groups de-CH with one apostrophe or the other', () => {
    expect(["'", '\u2019']).toContain(swissGroup);
  });

  for (const [locale, text, expected] of [
    ['de-CH', "1'234", 1234],
    ['de-CH', '1\u2019234', 1234],
    ['de-CH', "1'234'567.5", 1234567.5],
    ['de-CH', '1\u2019234\u2019567.5', 1234567.5],
    ['de-CH', "-1'234.25", -1234.25],
    ['it-CH', "12'345", 12345],
    ['it-CH', '12\u2019345', 12345],
    // Grouped as the language groups, or refused: a misplaced or leading group is no thousands group.
    ['de-CH', "12'34", 'unreadable'],
    ['de-CH', "0'500", 'unreadable'],
    ['de-CH', "1'234,5", 'unreadable'],
    // Where the language does not group with an apostrophe, neither apostrophe is read.
    ['en', "1'234", 'unreadable'],
    ['en', '1\u2019234', 'unreadable'],
    ['de', "1'234", 'unreadable'],
    ['fr', "1'234", 'unreadable'],
    ['sv', '1\u2019234', 'unreadable'],
    ['zh_CN', "1'234", 'unreadable'],
  ] as const) {
    test(`${locale}: "${text}" is ${expected}`, () => {
      expect(value(text, locale)).toBe(expected);
    });
  }
});

describe('readDecimalText', () => {
  test('gives the exact plain decimal string, never through a float', () => {
    expect(readDecimalText('12,345', 'en')).toEqual({ kind: 'decimal', text: '12345' });
    expect(readDecimalText('12,345', 'de')).toEqual({ kind: 'decimal', text: '12.345' });
    expect(readDecimalText('1 234,000000000000000001', 'fr')).toEqual({ kind: 'decimal', text: '1234.000000000000000001' });
    expect(readDecimalText('-0', 'en')).toEqual({ kind: 'decimal', text: '0' });
    expect(readDecimalText('007.50', 'en')).toEqual({ kind: 'decimal', text: '7.50' });
    expect(readDecimalText('', 'en')).toEqual({ kind: 'empty' });
    expect(readDecimalText('1,5', 'en')).toEqual({ kind: 'unreadable' });
  });
});

describe('showNumber', () => {
  test('shows stored numbers as the language writes them, and reads them back unchanged', () => {
    expect(showNumber(1234.5, 'de')).toBe('1.234,5');
    expect(showNumber(1234.5, 'en')).toBe('1,234.5');
    expect(numberExample('pt_BR')).toBe('1.234,5');
    for (const locale of ['en', 'de', 'fr', 'sv', 'tr', 'es', 'pt_BR', 'zh_CN']) {
      for (const n of [0, 0.1, 1.5, 1234.5, 1234567.125, 50000]) expect(value(showNumber(n, locale), locale)).toBe(n);
    }
  });
});
