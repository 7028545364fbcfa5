import { defineExchange } from './types';

export default defineExchange({
  id: 'coinbase',
  name: 'Coinbase',
  domains: ['coinbase.com'],
  brandTokens: ['coinbase'],
  ownTokens: [],
  // Not tracked on-chain by DefiLlama; Coinbase publishes audited public-company financials instead of a PoR.
  status: { kind: 'operating' },
  sources: ['https://www.coinbase.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.coinbase.com/', 'https://www.coinbase.com/advanced-trade/spot/BTC-USD', 'https://login.coinbase.com/signin'],
    noMatch: ['https://coinbase-support-login.com/', 'https://www.coinbasewallet.help/', 'https://www.kraken.com/'],
  },
});
