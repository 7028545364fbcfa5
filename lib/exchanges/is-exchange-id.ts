/**
 * The registry id's shape without valibot, so the exchange-page script (which checks the stored
 * first-paint view with `isExchangeId`) does not carry the schema library. `exchange-id.ts`
 * builds its schema from these.
 */

/** Longest exchange id accepted anywhere: registry ids are short, and stored or signed data is bounded. */
export const EXCHANGE_ID_MAX_LENGTH = 40;

/** A registry id: lowercase letters, digits and dashes. */
export const EXCHANGE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

export function isExchangeId(value: unknown): value is string {
  return typeof value === 'string' && EXCHANGE_ID_PATTERN.test(value);
}
