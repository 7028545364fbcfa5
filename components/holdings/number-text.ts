/**
 * Numbers typed into the holdings fields, read the way the user's chosen language writes them.
 * The fields are text fields: a browser's number field reads the text by the browser's own
 * language and hands the page a different number ("1,5" → 15) or nothing at all, so the extension
 * reads the exact text itself and refuses what it cannot read without guessing.
 */

export type TypedNumber = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'unreadable' };

const SPACES = /[\s\u00a0\u202f]/g;

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
  const parts = new Intl.NumberFormat(intlLocale(locale), { useGrouping: true }).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  return { decimal, group: group.replace(SPACES, ' ') };
}

/**
 * The number in `text`, or why not. Digits, one decimal symbol of the language, group symbols of
 * the language only between groups of three digits before the decimal, and a leading minus.
 * Anything else ("1.2.3", "1e400", "Infinity", "1,5" in English, "1.5" in German) is unreadable.
 */
export function readNumber(text: string, locale: string): TypedNumber {
  const { decimal, group } = numberSymbols(locale);
  let rest = text.trim();
  if (rest === '') return { kind: 'empty' };
  // The language's group symbol is a space (French, Swedish): any space the user types stands for it.
  if (group === ' ') rest = rest.replace(SPACES, ' ');
  const negative = rest.startsWith('-') || rest.startsWith('\u2212');
  if (negative) rest = rest.slice(1);
  const pieces = rest.split(decimal);
  if (pieces.length > 2) return { kind: 'unreadable' };
  const [whole = '', fraction = ''] = pieces;
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return { kind: 'unreadable' };
  const groups = whole.split(group);
  const grouped = groups.length > 1;
  const wholeOk = grouped ? /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)) : /^\d*$/.test(whole);
  if (!wholeOk) return { kind: 'unreadable' };
  const value = Number(`${negative ? '-' : ''}${groups.join('') || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unreadable' };
}

/** A stored number as the user's language writes it, in a form `readNumber` reads back. */
export function showNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 20, useGrouping: true }).format(value);
}

/** The example a refusal shows: how the language writes one thousand two hundred and thirty-four and a half. */
export function numberExample(locale: string): string {
  return showNumber(1234.5, locale);
}
