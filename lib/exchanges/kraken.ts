import { defineExchange } from './types';

export default defineExchange({
  id: 'kraken',
  name: 'Kraken',
  domains: ['kraken.com'],
  // "kraken" is also a mythical sea monster and a common product name: weak evidence on its own.
  brandTokens: ['kraken'],
  ownTokens: [],
  defillamaSlug: 'kraken',
  status: { kind: 'operating' },
  porUrl: 'https://www.kraken.com/proof-of-reserves',
  withdrawal: {
    // The /u/funding/withdraw path recurs in open-source exchange-link tables; Kraken's help
    // article walks through the same Funding → Withdraw page and its email-confirmed address book.
    url: 'https://www.kraken.com/u/funding/withdraw',
    source: 'https://support.kraken.com/hc/en-us/articles/360000672863',
  },
  sources: ['https://www.kraken.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.kraken.com/', 'https://pro.kraken.com/app/trade', 'https://support.kraken.com/'],
    noMatch: ['https://kraken-login-support.com/', 'https://www.krakenrum.com/', 'https://www.coinbase.com/'],
  },
});
