/**
 * Whether a string is valid bech32 (BIP-173) or bech32m (BIP-350), checksum included, with the
 * same rules as `@scure/base`'s `bech32.decodeUnsafe(text, 90) ?? bech32m.decodeUnsafe(text, 90)`
 * (a property test holds the two to each other). It exists so `splitAddressPrefix`, which the
 * exchange-page script uses for the address-mismatch warning, does not pull the whole encoding
 * library into that script, whose size is budgeted. Address validation keeps using `@scure/base`.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;
/** Printable ASCII without lowercase letters: the only way a string unequal to its lowercase may pass. */
const UPPERCASE_PRINTABLE = /^[\x21-\x60\x7b-\x7e]+$/;

/** One step of BIP-173's `bech32_polymod`: shift in a 5-bit value, fold the top bits with the generator. */
function polymodStep(checksum: number, value: number): number {
  const top = checksum >> 25;
  let next = ((checksum & 0x1ffffff) << 5) ^ value;
  if (top & 1) next ^= 0x3b6a57b2;
  if (top & 2) next ^= 0x26508e6d;
  if (top & 4) next ^= 0x1ea119fa;
  if (top & 8) next ^= 0x3d4233dd;
  if (top & 16) next ^= 0x2a1462b3;
  return next;
}

export function isBech32(text: string, limit = 90): boolean {
  if (text.length < 8 || text.length > limit) return false;
  const lower = text.toLowerCase();
  // Mixed case is refused; all uppercase is fine.
  if (text !== lower && !UPPERCASE_PRINTABLE.test(text)) return false;
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || lower.length - separator - 1 < 6) return false;
  let checksum = 1;
  for (let index = 0; index < separator; index++) {
    const code = lower.charCodeAt(index);
    if (code < 33 || code > 126) return false;
    checksum = polymodStep(checksum, code >> 5);
  }
  checksum = polymodStep(checksum, 0);
  for (let index = 0; index < separator; index++) checksum = polymodStep(checksum, lower.charCodeAt(index) & 31);
  for (let index = separator + 1; index < lower.length; index++) {
    const value = CHARSET.indexOf(lower.charAt(index));
    if (value < 0) return false;
    checksum = polymodStep(checksum, value);
  }
  return checksum === BECH32_CONST || checksum === BECH32M_CONST;
}
