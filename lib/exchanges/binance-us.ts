import { defineExchange } from './types';

/**
 * Binance.US is operated by BAM Trading Services, a separate US company licensed to the
 * Binance brand; its reserves are not Binance's, so it gets its own entry.
 */
export default defineExchange({
  id: 'binance-us',
  name: 'Binance.US',
  domains: ['binance.us'],
  // "binance" is shared with Binance itself; the classifier decides by domain, tokens only flag lookalikes.
  brandTokens: ['binanceus', 'binance'],
  ownTokens: [],
  status: { kind: 'operating' },
  sources: ['https://www.binance.us/'],
  testUrls: {
    match: ['https://www.binance.us/', 'https://accounts.binance.us/en/login'],
    noMatch: ['https://www.binance.com/en', 'https://binance-us-support.com/', 'https://www.binanceus.net/'],
  },
});
