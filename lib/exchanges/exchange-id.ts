import * as v from 'valibot';

import { EXCHANGE_ID_MAX_LENGTH, EXCHANGE_ID_PATTERN } from './is-exchange-id';

export { EXCHANGE_ID_MAX_LENGTH, EXCHANGE_ID_PATTERN, isExchangeId } from './is-exchange-id';

export const ExchangeIdSchema = v.pipe(
  v.string('exchange must be a registry id'),
  v.maxLength(EXCHANGE_ID_MAX_LENGTH, 'exchange id is too long'),
  v.regex(EXCHANGE_ID_PATTERN, 'exchange must be a registry id: lowercase letters, digits and dashes'),
);
