import { defineExchange } from './types';

export default defineExchange({
  id: 'mt-gox',
  name: 'Mt. Gox',
  domains: ['mtgox.com'],
  brandTokens: ['mtgox'],
  ownTokens: [],
  status: {
    kind: 'collapsed',
    checkedOn: '2026-12-04',
    date: '2014-02-28',
    history: 'Once the largest bitcoin exchange; halted withdrawals, suspended trading and filed for bankruptcy in Tokyo after about 850,000 BTC went missing.',
    source: 'https://www.mtgox.com/img/pdf/20140228-announcement_eng.pdf',
  },
  incidents: [
    {
      kind: 'withdrawal-halt',
      date: '2014-02-07',
      summary: 'Mt. Gox suspended all bitcoin withdrawals, blaming transaction malleability.',
      source: 'https://www.mtgox.com/press_release_20140210.html',
    },
    {
      kind: 'insolvency',
      date: '2014-02-28',
      summary: 'Filed for bankruptcy at the Tokyo District Court, reporting about 750,000 customer and 100,000 company bitcoins missing.',
      source: 'https://www.mtgox.com/img/pdf/20140228-announcement_eng.pdf',
    },
  ],
  sources: ['https://www.mtgox.com/', 'https://www.mtgox.com/img/pdf/20140228-announcement_eng.pdf'],
  testUrls: {
    match: ['https://www.mtgox.com/', 'https://mtgox.com/'],
    noMatch: ['https://mtgox-claims.com/', 'https://www.kraken.com/'],
  },
});
