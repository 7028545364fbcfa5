import { defineExchange } from './types';

export default defineExchange({
  id: 'okx',
  name: 'OKX',
  // OKX was formerly OKEx; okex.com is its legacy domain.
  domains: ['okx.com', 'okex.com'],
  brandTokens: ['okx', 'okex'],
  ownTokens: ['OKB'],
  defillamaSlug: 'okx',
  status: { kind: 'operating' },
  porUrl: 'https://www.okx.com/proof-of-reserves',
  sources: [
    'https://www.okx.com/proof-of-reserves',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.okx.com/trade-spot/btc-usdt', 'https://www.okx.com/proof-of-reserves', 'https://www.okex.com/'],
    noMatch: ['https://okx-wallet-verify.com/', 'https://www.okcoin.com/', 'https://www.binance.com/'],
  },
});
