import { defineExchange } from './types';

export default defineExchange({
  id: 'bitso',
  name: 'Bitso',
  domains: ['bitso.com'],
  brandTokens: ['bitso'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://bitso.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://bitso.com/', 'https://bitso.com/alpha/btc/mxn'],
    noMatch: ['https://bitso-mx-soporte.com/', 'https://www.mercadobitcoin.com.br/', 'https://www.bistro.com/'],
  },
});
