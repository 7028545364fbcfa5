import { defineExchange } from './types';

export default defineExchange({
  id: 'bitflyer',
  name: 'bitFlyer',
  domains: ['bitflyer.com'],
  brandTokens: ['bitflyer'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://bitflyer.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://bitflyer.com/ja-jp/', 'https://lightning.bitflyer.com/trade'],
    noMatch: ['https://bitflyer-jp-support.com/', 'https://coincheck.com/', 'https://www.flyer.com/'],
  },
});
