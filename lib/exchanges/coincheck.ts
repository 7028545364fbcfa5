import { defineExchange } from './types';

export default defineExchange({
  id: 'coincheck',
  name: 'Coincheck',
  domains: ['coincheck.com'],
  brandTokens: ['coincheck'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2018-01-26',
      summary: 'About 523 million NEM (XEM) tokens, worth roughly 58 billion yen (≈$530 million), were stolen from a hot wallet; Coincheck halted withdrawals and most trading.',
      source: 'https://www.abc.net.au/news/2018-01-28/coincheck-worlds-biggest-cryptocurrency-hack/9368056',
    },
  ],
  sources: ['https://coincheck.com/'],
  testUrls: {
    match: ['https://coincheck.com/', 'https://coincheck.com/exchange/tradeview'],
    noMatch: ['https://coincheck-jp-login.com/', 'https://www.bitflyer.com/', 'https://www.coinchecker.io/'],
  },
});
