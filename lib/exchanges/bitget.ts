import { defineExchange } from './types';

export default defineExchange({
  id: 'bitget',
  name: 'Bitget',
  domains: ['bitget.com'],
  brandTokens: ['bitget'],
  ownTokens: ['BGB'],
  defillamaSlug: 'bitget',
  status: { kind: 'operating' },
  porUrl: 'https://www.bitget.com/proof-of-reserves',
  sources: ['https://www.bitget.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitget.com/spot/BTCUSDT', 'https://www.bitget.com/proof-of-reserves'],
    noMatch: ['https://bitget-verify-account.com/', 'https://www.bybit.com/', 'https://www.budget.com/'],
  },
});
