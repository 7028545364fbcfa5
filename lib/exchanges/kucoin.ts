import { defineExchange } from './types';

export default defineExchange({
  id: 'kucoin',
  name: 'KuCoin',
  domains: ['kucoin.com'],
  brandTokens: ['kucoin'],
  ownTokens: ['KCS'],
  defillamaSlug: 'kucoin',
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2020-09-25',
      summary:
        'Hot-wallet private keys were stolen and about $281 million in BTC, ETH and tokens withdrawn; deposits and withdrawals were frozen while KuCoin recovered most of it.',
      source: 'https://www.coindesk.com/markets/2020/09/26/over-280m-drained-in-kucoin-crypto-exchange-hack/',
    },
  ],
  porUrl: 'https://www.kucoin.com/proof-of-reserves',
  withdrawal: {
    // The /assets/withdraw/<TICKER> path recurs in open-source exchange-link tables.
    url: 'https://www.kucoin.com/assets/withdraw/{asset}',
    source: 'https://support.kucoin.plus/hc/en-us/articles/900005758426-How-to-Withdraw-Coins',
  },
  sources: ['https://www.kucoin.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.kucoin.com/trade/BTC-USDT', 'https://www.kucoin.com/proof-of-reserves'],
    noMatch: ['https://kucoin-support-desk.com/', 'https://www.kucoinn.com/', 'https://www.coinbase.com/'],
  },
});
