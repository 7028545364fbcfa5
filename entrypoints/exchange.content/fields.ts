/**
 * Finding the exchange's withdrawal-address field and telling whether what it holds is an
 * address, without the address decoders (this runs in the exchange-page script, kept small).
 * Shapes, not validity: the guide already validated the address it compares against.
 */

const ADDRESS_SHAPES = [
  /^0x[0-9a-fA-F]{40}$/, // EVM
  /^[1-9A-HJ-NP-Za-km-z]{25,44}$/, // base58: Bitcoin legacy, Tron, Solana, XRP
  /^[a-z]{1,20}1[02-9ac-hj-np-z]{25,90}$/, // bech32 (lower case): bc1…, ltc1…, cosmos1…
  /^[EU]Q[A-Za-z0-9_-]{46}$/, // TON user-friendly
  /^-?[01]:[0-9a-fA-F]{64}$/, // TON raw
] as const;

export function looksLikeAddress(value: string): boolean {
  const text = value.trim();
  if (text.length < 25 || text.length > 128) return false;
  // bech32 is case-insensitive but never mixed; upper case is folded before matching.
  const folded = text === text.toUpperCase() && /^[A-Z]{1,20}1/.test(text) ? text.toLowerCase() : text;
  return ADDRESS_SHAPES.some((shape) => shape.test(folded));
}

/** Case matters only where the format is case-sensitive (base58); 0x hex and bech32 are compared case-folded. */
export function sameAddress(a: string, b: string): boolean {
  const fold = (text: string) => {
    const trimmed = text.trim();
    return /^0x[0-9a-f]{40}$/i.test(trimmed) || trimmed === trimmed.toLowerCase() || trimmed === trimmed.toUpperCase() ? trimmed.toLowerCase() : trimmed;
  };
  return fold(a) === fold(b);
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

/** A field the user can type an address into: a text-like input or a textarea. */
export function isTextField(target: EventTarget | undefined): target is HTMLInputElement | HTMLTextAreaElement {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.getAttribute('type')?.toLowerCase() ?? '');
}
