import { defineExchange } from './types';

export default defineExchange({
  id: 'paribu',
  name: 'Paribu',
  domains: ['paribu.com'],
  brandTokens: ['paribu'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.paribu.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.paribu.com/', 'https://www.paribu.com/markets/btc_tl'],
    noMatch: ['https://paribu-giris.com/', 'https://www.btcturk.com/', 'https://www.paris.com/'],
  },
});
