import { defineExchange } from './types';

export default defineExchange({
  id: 'bitmex',
  name: 'BitMEX',
  domains: ['bitmex.com'],
  brandTokens: ['bitmex'],
  // DefiLlama counts no own token for BitMEX (its BMEX token is not tracked there).
  ownTokens: [],
  defillamaSlug: 'bitmex',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'regulatory',
      date: '2020-10-01',
      summary: 'The CFTC sued BitMEX for running an unregistered derivatives platform without KYC/AML, and the DOJ indicted its founders under the Bank Secrecy Act.',
      source: 'https://www.cftc.gov/PressRoom/PressReleases/8270-20',
    },
  ],
  porUrl: 'https://www.bitmex.com/app/porl',
  sources: ['https://github.com/BitMEX/proof-of-reserves-liabilities', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitmex.com/', 'https://www.bitmex.com/app/trade/XBTUSD', 'https://blog.bitmex.com/'],
    noMatch: ['https://bitmex-support.com/', 'https://www.bitmax.io/', 'https://www.deribit.com/'],
  },
});
