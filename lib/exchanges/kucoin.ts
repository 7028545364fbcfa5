import { defineExchange } from './types';

export default defineExchange({
  id: 'kucoin',
  name: 'KuCoin',
  domains: ['kucoin.com'],
  brandTokens: ['kucoin'],
  ownTokens: ['KCS'],
  defillamaSlug: 'kucoin',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2020-09-25',
      summary: 'Hot-wallet private keys were stolen and about $281 million in BTC, ETH and tokens withdrawn; deposits and withdrawals were frozen while KuCoin recovered most of it.',
      source: 'https://www.coindesk.com/markets/2020/09/26/over-280m-drained-in-kucoin-crypto-exchange-hack/',
    },
  ],
  porUrl: 'https://www.kucoin.com/proof-of-reserves',
  withdrawal: {
    // KuCoin's help articles in the stored material sit on support.kucoin.plus, not on kucoin.com,
    // and none gives the withdrawal page's address; the path earlier used here came from
    // third-party link tables. Nothing is shown until a kucoin.com page confirms it.
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },

  sources: ['https://www.kucoin.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.kucoin.com/trade/BTC-USDT', 'https://www.kucoin.com/proof-of-reserves'],
    noMatch: ['https://kucoin-support-desk.com/', 'https://www.kucoinn.com/', 'https://www.coinbase.com/'],
  },
});
