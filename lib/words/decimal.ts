/** Exact decimal strings (on-chain amounts, figures the user typed), read and shown without going through a float. */

/**
 * A figure as people type it (`1 234,5`, `1234.5`) as a plain decimal string, or undefined when
 * it is not one; thousands separators other than spaces are refused rather than guessed.
 */
export function parseTypedAmount(text: string): string | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+([.,]\d+)?$/.test(compact)) return undefined;
  return compact.replace(',', '.');
}

/** An exact decimal string, grouped for the reader's locale without going through a float. */
export function formatDecimal(text: string, locale: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  const separator = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  const trimmed = fraction.replace(/0+$/, '');
  return `${sign === '-' ? '−' : ''}${grouped}${trimmed === '' ? '' : separator + trimmed}`;
}
