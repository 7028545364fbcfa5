/** Exact decimal strings (on-chain amounts, figures the user typed), read and shown without going through a float. */

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
