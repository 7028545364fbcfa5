import { defineExchange } from './types';

/**
 * Binance.US is operated by BAM Trading Services, a separate US company licensed to the
 * Binance brand; its reserves are not Binance's, so it gets its own entry.
 */
export default defineExchange({
  id: 'binance-us',
  name: 'Binance.US',
  domains: ['binance.us'],
  // Only the joined form: a bare "binance" in a lookalike host points at Binance itself.
  brandTokens: ['binanceus'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.binance.us/'],
  testUrls: {
    match: ['https://www.binance.us/', 'https://accounts.binance.us/en/login'],
    noMatch: ['https://www.binance.com/en', 'https://binance-us-support.com/', 'https://www.binanceus.net/'],
  },
});
