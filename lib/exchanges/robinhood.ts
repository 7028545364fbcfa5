import { defineExchange } from './types';

export default defineExchange({
  id: 'robinhood',
  name: 'Robinhood',
  domains: ['robinhood.com'],
  // "robinhood" is also a folk hero's name used by many unrelated businesses.
  brandTokens: ['robinhood'],
  ownTokens: [],
  defillamaSlug: 'robinhood',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://robinhood.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://robinhood.com/us/en/', 'https://robinhood.com/crypto/BTC'],
    noMatch: ['https://robinhood-crypto-support.com/', 'https://www.robinhood.org/', 'https://www.coinbase.com/'],
  },
});
