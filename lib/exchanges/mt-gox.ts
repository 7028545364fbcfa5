import { defineExchange } from './types';

export default defineExchange({
  id: 'mt-gox',
  name: 'Mt. Gox',
  domains: ['mtgox.com'],
  brandTokens: ['mtgox'],
  ownTokens: [],
  status: {
    kind: 'collapsed',
    date: '2014-02-28',
    history:
      'Once the largest bitcoin exchange; halted withdrawals, suspended trading and filed for bankruptcy in Tokyo after about 850,000 BTC went missing.',
    source: 'https://en.m.wikipedia.org/wiki/Mt._Gox',
  },
  incidents: [
    {
      kind: 'withdrawal-halt',
      date: '2014-02-07',
      summary: 'Mt. Gox suspended all bitcoin withdrawals, blaming transaction malleability.',
      source: 'https://www.virtualcurrencyreport.com/2014/03/mt-goxs-legal-problems-lead-to-bankruptcy-and-increased-scrutiny/',
    },
    {
      kind: 'insolvency',
      date: '2014-02-28',
      summary:
        'Filed for bankruptcy at the Tokyo District Court, reporting about 750,000 customer and 100,000 company bitcoins missing.',
      source: 'https://chainstoreage.com/news/bitcoin-platform-mt-gox-files-bankruptcy-losses-total-500-million',
    },
  ],
  sources: ['https://en.m.wikipedia.org/wiki/Mt._Gox'],
  testUrls: {
    match: ['https://www.mtgox.com/', 'https://mtgox.com/'],
    noMatch: ['https://mtgox-claims.com/', 'https://www.kraken.com/'],
  },
});
