/**
 * Exact decimal arithmetic for Merkle-sum proofs. Exchanges hash the *text* of their sums, so
 * a float rounding or a different zero-trimming rule changes the hash: every format here
 * reproduces one specific library's formatting (Go shopspring/decimal, Java BigDecimal).
 */

export interface Decimal {
  /** value = units / 10^scale */
  units: bigint;
  scale: number;
}

const PLAIN_DECIMAL = /^(-?)(\d{1,60})(?:\.(\d{1,40}))?$/;
const JAVA_DECIMAL = /^([+-]?)(\d{0,60})(?:\.(\d{0,40}))?(?:[eE]([+-]?\d{1,3}))?$/;

/** Plain decimal text (`-12.50`), as exchanges write balances. Anything else is `undefined`. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return undefined;
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

/** What `new java.math.BigDecimal(text)` accepts, exponent included (used for numbers a JSON parser already turned into text). */
export function parseJavaDecimal(text: string): Decimal | undefined {
  const match = JAVA_DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole.length + fraction.length === 0) return undefined;
  const exponent = match[4] === undefined ? 0 : Number(match[4]);
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: match[1] === '-' ? -units : units, scale: fraction.length - exponent };
}

function rescale(value: Decimal, scale: number): bigint {
  return scale >= value.scale ? value.units * 10n ** BigInt(scale - value.scale) : value.units / 10n ** BigInt(value.scale - scale);
}

/** Exact sum; the scale is the larger of the two, as BigDecimal.add does. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** Changes the scale, dropping extra digits toward zero (BigDecimal RoundingMode.DOWN, shopspring RoundDown). */
export function truncateDecimal(value: Decimal, scale: number): Decimal {
  // BigInt division truncates toward zero, which is exactly rounding mode DOWN.
  return { units: rescale(value, scale), scale };
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left === right ? 0 : left < right ? -1 : 1;
}

function digitsWithPoint(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Every digit of the scale kept (`BigDecimal.toPlainString()`): `1.50000000`. */
export function formatFixed(value: Decimal): string {
  return digitsWithPoint(value.units, value.scale);
}

/**
 * Trailing fraction zeros dropped and zero written `0` — both shopspring `Decimal.String()` and
 * Java `stripTrailingZeros().toPlainString()` (with a negative scale reset to 0) print this.
 */
export function formatTrimmed(value: Decimal): string {
  if (value.units === 0n) return '0';
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return digitsWithPoint(units, scale);
}

/** `java.math.BigDecimal.toString()`: plain unless the adjusted exponent is below -6 or the scale is negative. */
export function formatJavaToString(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString();
  const adjusted = digits.length - 1 - value.scale;
  if (value.scale >= 0 && adjusted >= -6) return digitsWithPoint(value.units, value.scale);
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${negative ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}
