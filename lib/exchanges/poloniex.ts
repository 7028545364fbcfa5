import { defineExchange } from './types';

export default defineExchange({
  id: 'poloniex',
  name: 'Poloniex',
  domains: ['poloniex.com'],
  brandTokens: ['poloniex'],
  ownTokens: [],
  // Justin Sun, founder of Tron, is Poloniex's majority owner (Hashlock, Nov 2023; CoinDesk), so TRX counts
  // with the exchange in concentration.
  affiliatedTokens: ['TRX'],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2023-11-10',
      summary:
        'Hot wallets on Ethereum, Tron and Bitcoin were drained of an estimated $114 million (CertiK later counted about $132 million); Poloniex disabled its wallets and Justin Sun promised reimbursement.',
      source: 'https://www.coindesk.com/business/2023/11/10/poloniex-hot-wallets-hacked-65m-seemingly-stolen-on-chain-data/',
    },
  ],
  sources: ['https://poloniex.com/'],
  testUrls: {
    match: ['https://poloniex.com/', 'https://poloniex.com/trade/BTC_USDT'],
    noMatch: ['https://poloniex-support-desk.com/', 'https://www.htx.com/', 'https://www.polestar.com/'],
  },
});
