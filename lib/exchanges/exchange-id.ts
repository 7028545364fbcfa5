import * as v from 'valibot';

/** Longest exchange id accepted anywhere: registry ids are short, and stored or signed data is bounded. */
export const EXCHANGE_ID_MAX_LENGTH = 40;

/** A registry id: lowercase letters, digits and dashes. */
export const EXCHANGE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;

export function isExchangeId(value: unknown): value is string {
  return typeof value === 'string' && EXCHANGE_ID_PATTERN.test(value);
}

export const ExchangeIdSchema = v.pipe(
  v.string('exchange must be a registry id'),
  v.maxLength(EXCHANGE_ID_MAX_LENGTH, 'exchange id is too long'),
  v.regex(EXCHANGE_ID_PATTERN, 'exchange must be a registry id: lowercase letters, digits and dashes'),
);
