/** Small helpers the holdings forms share. */

/** Currencies the ECB quotes, plus the dollar the prices come in. */
export const CURRENCIES = [
  'USD',
  'EUR',
  'SEK',
  'NOK',
  'DKK',
  'GBP',
  'CHF',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'ISK',
  'TRY',
  'JPY',
  'CNY',
  'HKD',
  'SGD',
  'KRW',
  'INR',
  'IDR',
  'MYR',
  'PHP',
  'THB',
  'AUD',
  'NZD',
  'CAD',
  'MXN',
  'BRL',
  'ZAR',
  'ILS',
] as const;

let counter = 0;
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
