import { defineExchange } from './types';

export default defineExchange({
  id: 'bitstamp',
  name: 'Bitstamp',
  domains: ['bitstamp.net'],
  brandTokens: ['bitstamp'],
  ownTokens: [],
  defillamaSlug: 'bitstamp',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2015-01-04',
      summary: 'Operational (hot) wallets were compromised and just under 19,000 BTC (about $5 million) stolen; services were suspended for several days and balances honoured.',
      source: 'https://www.reuters.com/article/us-bitstamp-cyberattack-idUSKBN0KI09320150109',
    },
  ],
  withdrawal: {
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://www.bitstamp.net/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitstamp.net/', 'https://www.bitstamp.net/markets/btc/usd/'],
    noMatch: ['https://bitstamp-login.net/', 'https://www.bitstamp.com.verify-account.io/', 'https://www.stamps.com/'],
  },
});
