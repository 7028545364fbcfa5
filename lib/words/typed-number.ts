/**
 * Numbers typed into the extension's fields (holdings, published reserves), read the way the user's chosen language writes them.
 * The fields are text fields: a browser's number field reads the text by the browser's own
 * language and hands the page a different number ("1,5" → 15) or nothing at all, so the extension
 * reads the exact text itself and refuses what it cannot read without guessing.
 */

export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'unreadable' };

const SPACES = /[\s\u00a0\u202f]/g;
/** Swiss grouping is an apostrophe, U+2019 in older CLDR data and U+0027 in newer; a keyboard types U+0027. */
const APOSTROPHES = /['\u2019]/g;

function intlLocale(locale: string): string {
  const tag = locale.replace('_', '-');
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0 ? tag : 'en';
  } catch {
    return 'en';
  }
}

/** The decimal and group symbols the language writes ("," and "." in German). */
export function numberSymbols(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(intlLocale(locale), { useGrouping: true, numberingSystem: 'latn' }).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  return { decimal, group: group.replace(SPACES, ' ') };
}

/** Typed text read as an exact plain decimal string ("12345.6", no grouping, no leading zeros, never "-0"). */
export type TypedDecimal = { kind: 'empty' } | { kind: 'decimal'; text: string } | { kind: 'unreadable' };

/** How the language groups these whole digits ("1,00,000" in Indian English, "1’000" in Swiss German), spaces as plain spaces. */
function groupedAsLanguage(digits: string, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { useGrouping: 'always', numberingSystem: 'latn' }).format(BigInt(digits)).replace(SPACES, ' ');
}

/**
 * The exact decimal in `text`, or why not. Digits, one decimal symbol of the language, and a
 * leading minus; a whole part with group symbols must be grouped exactly as the language groups
 * those digits (so "0,500" in English, or "0.500" pasted into German, is refused rather than read
 * as five hundred). Anything else ("1.2.3", "1e400", "Infinity", "1,5" in English) is unreadable.
 */
export function readDecimalText(text: string, locale: string): TypedDecimal {
  const { decimal, group } = numberSymbols(locale);
  let rest = text.trim();
  if (rest === '') return { kind: 'empty' };
  // The language's group symbol is a space (French, Swedish): any space the user types stands for it.
  if (group === ' ') rest = rest.replace(SPACES, ' ');
  // The language's group symbol is an apostrophe (Swiss German, Swiss Italian): either apostrophe stands for it.
  if (group === "'" || group === '\u2019') rest = rest.replace(APOSTROPHES, group);
  const negative = rest.startsWith('-') || rest.startsWith('\u2212');
  if (negative) rest = rest.slice(1);
  const pieces = rest.split(decimal);
  if (pieces.length > 2) return { kind: 'unreadable' };
  const [whole = '', fraction = ''] = pieces;
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return { kind: 'unreadable' };
  const digits = whole.split(group).join('');
  if (!/^\d*$/.test(digits)) return { kind: 'unreadable' };
  if (whole !== digits && (digits === '' || groupedAsLanguage(digits, locale) !== whole)) return { kind: 'unreadable' };
  const integer = digits.replace(/^0+/, '') || '0';
  const zero = integer === '0' && /^0*$/.test(fraction);
  return { kind: 'decimal', text: `${negative && !zero ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}` };
}

/**
 * The number in `text`, or why not: `readDecimalText` as a number, refused when it is out of
 * a number's range. "-0" is 0.
 */
export function readNumber(text: string, locale: string): TypedNumber {
  const read = readDecimalText(text, locale);
  if (read.kind !== 'decimal') return read;
  const value = Number(read.text);
  return Number.isFinite(value) ? { kind: 'number', value: value === 0 ? 0 : value } : { kind: 'unreadable' };
}

/** A stored number as the user's language writes it, in a form `readNumber` reads back. */
export function showNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 20, useGrouping: true, numberingSystem: 'latn' }).format(value === 0 ? 0 : value);
}

/** The example a refusal shows: how the language writes one thousand two hundred and thirty-four and a half. */
export function numberExample(locale: string): string {
  return showNumber(1234.5, locale);
}
