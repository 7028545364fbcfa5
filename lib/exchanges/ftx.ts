import { defineExchange } from './types';

export default defineExchange({
  id: 'ftx',
  name: 'FTX',
  domains: ['ftx.com', 'ftx.us'],
  brandTokens: ['ftx'],
  ownTokens: ['FTT'],
  status: {
    kind: 'collapsed',
    checkedOn: '2026-11-25',
    date: '2022-11-11',
    history: 'After a run on deposits and the collapse of its FTT token, FTX, FTX US and Alameda Research filed for Chapter 11 bankruptcy.',
    source: 'https://time.com/6232772/ftx-goes-bankrupt/',
  },
  incidents: [
    {
      kind: 'insolvency',
      date: '2022-11-11',
      summary: 'FTX Group (about 130 companies) filed for Chapter 11 in Delaware; customers could not withdraw, and a shortfall of about $8 billion was reported.',
      source: 'https://www.cbsnews.com/sanfrancisco/news/ftx-bankruptcy-sam-bankman-fried-resigns-cryptocurrency/',
    },
  ],
  sources: ['https://time.com/6232772/ftx-goes-bankrupt/', 'https://www.nbcnews.com/tech/crypto/crypto-giant-ftx-file-bankruptcy-ceo-sam-bankman-fried-steps-rcna56749'],
  testUrls: {
    match: ['https://ftx.com/', 'https://ftx.us/', 'https://www.ftx.com/trade/BTC-PERP'],
    // HTX's name is one letter away from FTX; htx.com must not be read as FTX.
    noMatch: ['https://ftx-claims-portal.com/', 'https://www.htx.com/', 'https://giftx.com/'],
  },
});
