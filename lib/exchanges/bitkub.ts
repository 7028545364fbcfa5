import { defineExchange } from './types';

export default defineExchange({
  id: 'bitkub',
  name: 'Bitkub',
  domains: ['bitkub.com'],
  brandTokens: ['bitkub'],
  ownTokens: ['KUB'],
  defillamaSlug: 'bitkub',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.bitkub.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitkub.com/', 'https://www.bitkub.com/market/BTC'],
    noMatch: ['https://bitkub-th-login.com/', 'https://www.bithumb.com/', 'https://www.kubernetes.io/'],
  },
});
