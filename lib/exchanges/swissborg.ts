import { defineExchange } from './types';

export default defineExchange({
  id: 'swissborg',
  name: 'SwissBorg',
  domains: ['swissborg.com'],
  brandTokens: ['swissborg'],
  // CHSB was migrated 1:1 to BORG from 17 October 2023; the old ticker still circulates in external wallets.
  ownTokens: ['BORG', 'CHSB'],
  defillamaSlug: 'swissborg',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  sources: [
    'https://help.swissborg.com/hc/en-gb/articles/19044272587537--BORG-Migration',
    'https://github.com/swissborg/pub',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://swissborg.com/', 'https://help.swissborg.com/hc/en-gb'],
    noMatch: ['https://swissborg-app-verify.com/', 'https://www.swissquote.com/', 'https://www.bitpanda.com/'],
  },
});
