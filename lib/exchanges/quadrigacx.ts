import { defineExchange } from './types';

export default defineExchange({
  id: 'quadrigacx',
  name: 'QuadrigaCX',
  domains: ['quadrigacx.com'],
  brandTokens: ['quadrigacx', 'quadriga'],
  ownTokens: [],
  status: {
    kind: 'collapsed',
    date: '2019-01-28',
    history:
      "Canada's largest exchange went offline after its founder's death; about C$250 million owed to 115,000 customers could not be accessed, and it entered bankruptcy in April 2019.",
    source: 'https://wikimili.com/en/Quadriga_Fintech_Solutions',
  },
  incidents: [
    {
      kind: 'insolvency',
      date: '2019-01-31',
      summary:
        'Applied for creditor protection in Nova Scotia after reporting that cold-wallet funds were inaccessible; the platform had gone offline on 28 January.',
      source: 'https://www.kelownacapnews.com/news/b-c-cryptocurrency-exchange-gets-court-orders-amid-hunt-for-180m-in-assets/',
    },
  ],
  sources: [
    'https://wikimili.com/en/Quadriga_Fintech_Solutions',
    'https://en.wikipedia.org/wiki/Quadriga_Fintech_Solutions',
  ],
  testUrls: {
    match: ['https://www.quadrigacx.com/', 'https://quadrigacx.com/'],
    noMatch: ['https://quadrigacx-refund.com/', 'https://www.quadrigainitiative.com/'],
  },
});
