import { defineExchange } from './types';

export default defineExchange({
  id: 'bitrue',
  name: 'Bitrue',
  domains: ['bitrue.com'],
  brandTokens: ['bitrue'],
  ownTokens: ['BTR'],
  defillamaSlug: 'bitrue',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  incidents: [
    {
      kind: 'hack',
      date: '2023-04-14',
      summary: 'A hot wallet holding under 5% of funds was exploited for about $23 million in ETH, QNT, GALA, SHIB, HOT and MATIC; withdrawals paused until 18 April.',
      source: 'https://www.theblock.co/post/226401/bittrue-exploited',
    },
  ],
  sources: ['https://www.bitrue.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitrue.com/', 'https://www.bitrue.com/trade/btc_usdt'],
    noMatch: ['https://bitrue-xrp-claim.com/', 'https://www.bittrex.com/', 'https://www.true.com/'],
  },
});
