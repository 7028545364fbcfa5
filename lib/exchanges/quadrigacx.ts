import { defineExchange } from './types';

export default defineExchange({
  id: 'quadrigacx',
  name: 'QuadrigaCX',
  domains: ['quadrigacx.com'],
  brandTokens: ['quadrigacx', 'quadriga'],
  ownTokens: [],
  status: {
    kind: 'collapsed',
    checkedOn: '2026-12-04',
    date: '2019-01-28',
    history: "Canada's largest exchange went offline after its founder's death; about C$250 million owed to 115,000 customers could not be accessed, and it entered bankruptcy in April 2019.",
    source: 'https://www.cbc.ca/news/canada/nova-scotia/quadrigacx-cryptocurrency-exchange-bankruptcy-1.5089539',
  },
  incidents: [
    {
      kind: 'insolvency',
      date: '2019-01-31',
      summary: 'Applied for creditor protection in Nova Scotia after reporting that cold-wallet funds were inaccessible; the platform had gone offline on 28 January.',
      source: 'https://www.coindesk.com/markets/2019/02/05/judge-moves-to-block-potential-lawsuits-against-quadrigacx-exchange',
    },
  ],
  sources: ['https://www.osc.ca/quadrigacxreport/', 'https://www.cbc.ca/news/canada/nova-scotia/quadrigacx-cryptocurrency-exchange-bankruptcy-1.5089539'],
  testUrls: {
    match: ['https://www.quadrigacx.com/', 'https://quadrigacx.com/'],
    noMatch: ['https://quadrigacx-refund.com/', 'https://www.quadrigainitiative.com/'],
  },
});
