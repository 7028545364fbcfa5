import { isCalendarDay, type EcbRatesFailure } from '../holdings/ecb-rates';
import type { PriceParseCode } from '../holdings/prices';
import { formatDate } from './format';
import type { MessageKey, Translate } from './translate-from';

export const PRICE_PROBLEM_KEYS: Record<PriceParseCode, MessageKey> = {
  'not-a-price-list': 'holdingsPriceNotAList',
  'not-https': 'holdingsPriceNotHttps',
};

export const RATES_PROBLEM_KEYS: Record<EcbRatesFailure['code'], MessageKey> = {
  'not-ecb-file': 'holdingsRatesNotEcbFile',
  'not-https': 'holdingsRatesNotHttps',
  'future-date': 'holdingsRatesFutureDate',
  'no-usd': 'holdingsRatesNoUsd',
};

/**
 * Why the price answer was refused, as a clause for "Last price update failed: …". The value
 * comes from storage, so anything that is not a known code is left unworded (undefined).
 */
export function priceProblemText(code: unknown, t: Translate): string | undefined {
  return typeof code === 'string' && Object.hasOwn(PRICE_PROBLEM_KEYS, code) ? t(PRICE_PROBLEM_KEYS[code as PriceParseCode]) : undefined;
}

/**
 * Why the rates file was refused, as a clause for "Last exchange-rate update failed: …", its day
 * written as the reader writes dates; undefined when the stored value is not a refusal's code.
 * A stored future-date refusal whose day is no calendar day is still a refusal, said as a file that
 * is not the ECB's: the failure line never disappears (fail closed).
 */
export function ratesProblemText(failure: unknown, t: Translate, locale: string): string | undefined {
  if (typeof failure !== 'object' || failure === null) return undefined;
  const { code, day } = failure as { code?: unknown; day?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(RATES_PROBLEM_KEYS, code)) return undefined;
  if (code === 'future-date') return typeof day === 'string' && isCalendarDay(day) ? t('holdingsRatesFutureDate', formatDate(day, locale)) : t(RATES_PROBLEM_KEYS['not-ecb-file']);
  return t(RATES_PROBLEM_KEYS[code as EcbRatesFailure['code']]);
}
