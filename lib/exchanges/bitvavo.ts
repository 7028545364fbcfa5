import { defineExchange } from './types';

export default defineExchange({
  id: 'bitvavo',
  name: 'Bitvavo',
  domains: ['bitvavo.com'],
  brandTokens: ['bitvavo'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://bitvavo.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://bitvavo.com/en', 'https://account.bitvavo.com/'],
    noMatch: ['https://bitvavo-verificatie.com/', 'https://www.bitpanda.com/', 'https://www.volvo.com/'],
  },
});
