import { defineExchange } from './types';

export default defineExchange({
  id: 'coindcx',
  name: 'CoinDCX',
  domains: ['coindcx.com'],
  brandTokens: ['coindcx'],
  ownTokens: [],
  defillamaSlug: 'coindcx',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  incidents: [
    {
      kind: 'hack',
      date: '2025-07-19',
      summary: 'An internal operational account used for liquidity on a partner exchange was breached and about $44 million of treasury assets stolen; CoinDCX said customer funds were unaffected.',
      source: 'https://www.indiatoday.in/business/story/coindcx-hacked-usd-44-million-lost-cyberattack-what-crypto-platform-said-user-money-wallet-2758748-2025-07-21',
    },
  ],
  sources: ['https://coindcx.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://coindcx.com/', 'https://coindcx.com/trade/BTCINR'],
    noMatch: ['https://coindcx-kyc.com/', 'https://wazirx.com/', 'https://www.dcxindia.com/'],
  },
});
