import { defineExchange } from './types';

export default defineExchange({
  id: 'voyager',
  name: 'Voyager',
  domains: ['investvoyager.com'],
  // "voyager" is a common word; investvoyager is the distinctive form.
  brandTokens: ['voyager', 'investvoyager'],
  ownTokens: ['VGX'],
  defillamaSlug: 'voyager',
  status: {
    kind: 'collapsed',
    checkedOn: '2026-12-04',
    date: '2022-07-01',
    history: 'The crypto broker suspended trading, deposits and withdrawals on 1 July 2022 after Three Arrows Capital defaulted on a loan, and filed for Chapter 11 on 5 July 2022.',
    source: 'https://cases.stretto.com/voyager',
  },
  incidents: [
    {
      kind: 'insolvency',
      date: '2022-07-05',
      summary: 'Filed for Chapter 11 in the Southern District of New York, listing more than 100,000 creditors.',
      source: 'https://cases.stretto.com/voyager',
    },
  ],
  sources: [
    'https://cases.stretto.com/voyager',
    // DefiLlama's CEX list carries the slug `voyager`.
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.investvoyager.com/', 'https://investvoyager.com/'],
    noMatch: ['https://voyager-withdraw.com/', 'https://www.voyager.com/'],
  },
});
