import { defineExchange } from './types';

export default defineExchange({
  id: 'coincheck',
  name: 'Coincheck',
  domains: ['coincheck.com'],
  brandTokens: ['coincheck'],
  ownTokens: [],
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2018-01-26',
      summary: 'About 523 million NEM (XEM) tokens, worth roughly 58 billion yen (≈$530 million), were stolen from a hot wallet; Coincheck halted withdrawals and most trading.',
      source: 'https://www.coinspeaker.com/2018/01/27/japanese-exchange-coincheck-says-hackers-stole-400m-nem-cryptocurrency/',
    },
  ],
  sources: [
    'https://coincheck.com/',
    'https://www.slashgear.com/coincheck-loses-400m-in-nem-cryptocurrency-to-hackers-28517280/',
  ],
  testUrls: {
    match: ['https://coincheck.com/', 'https://coincheck.com/exchange/tradeview'],
    noMatch: ['https://coincheck-jp-login.com/', 'https://www.bitflyer.com/', 'https://www.coinchecker.io/'],
  },
});
