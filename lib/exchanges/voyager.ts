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
    date: '2022-07-01',
    history:
      'The crypto broker suspended trading, deposits and withdrawals on 1 July 2022 after Three Arrows Capital defaulted on a loan, and filed for Chapter 11 on 5 July 2022.',
    source: 'https://www.gizmodo.com.au/2022/07/crypto-broker-voyager-digital-declares-chapter-11-bankruptcy-disables-user-trading/',
  },
  incidents: [
    {
      kind: 'withdrawal-halt',
      date: '2022-07-01',
      summary: 'Suspended trading, deposits, withdrawals and loyalty rewards.',
      source: 'https://web3isgoinggreat.com/?collection=voyager&id=voyager-digital-files-for-bankruptcy',
    },
    {
      kind: 'insolvency',
      date: '2022-07-05',
      summary: 'Filed for Chapter 11 in the Southern District of New York, listing more than 100,000 creditors.',
      source: 'https://the-independent.com/tech/bitcoin-voyager-bankruptcy-price-crypto-b2116799.html',
    },
  ],
  sources: [
    'https://the-independent.com/tech/bitcoin-voyager-bankruptcy-price-crypto-b2116799.html',
    // DefiLlama's CEX list carries the slug `voyager`.
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.investvoyager.com/', 'https://investvoyager.com/'],
    noMatch: ['https://voyager-withdraw.com/', 'https://www.voyager.com/'],
  },
});
