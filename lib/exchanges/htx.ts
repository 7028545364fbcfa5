import { defineExchange } from './types';

export default defineExchange({
  id: 'htx',
  name: 'HTX (Huobi)',
  // Huobi Global renamed itself HTX in September 2023; huobi.com is the legacy domain.
  domains: ['htx.com', 'huobi.com'],
  brandTokens: ['htx', 'huobi'],
  // HT was replaced by the HTX DAO token (ticker HTX) from 22 January 2024; holders of either carry exchange risk.
  ownTokens: ['HT', 'HTX'],
  // Justin Sun, founder of Tron and BitTorrent, is HTX's de facto owner; HTX DAO's "T" stands for TRON,
  // and DefiLlama showed about 31.8% of HTX's reserves in TRX (Dec 2023). Sources: the coincult.com and
  // worldwidegists.com (Cointelegraph) articles in `sources`.
  affiliatedTokens: ['TRX', 'BTT'],
  defillamaSlug: 'htx',
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2023-09-24',
      summary: 'About 5,000 ETH (≈$7.9 million) left an HTX hot wallet; HTX said it would cover the loss.',
      source: 'https://www.binance.com/en/square/post/1209243',
    },
    {
      kind: 'hack',
      date: '2023-11-22',
      summary:
        'Three HTX hot wallets (≈$13.6 million) were drained alongside an $86.6 million HECO bridge exploit; deposits and withdrawals were suspended until 25 November.',
      source: 'https://cryptonews.com/news/htx-huobi-global-to-resume-deposits-and-withdrawals-after-13-6-million-exploit.htm',
    },
  ],
  sources: [
    'https://www.htx.com/',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
    'https://coincult.com/news/blockchain/htx-exchange-13-6m-loss-in-recent-hot-wallet-hack/',
    'https://global-aws.huobi.com/support/104958763476521',
    'https://eduportal.worldwidegists.com/crypto-exchange-htx-sees-outflows-top-258m-following-exploit',
  ],
  testUrls: {
    match: ['https://www.htx.com/en-us/trade/btc_usdt', 'https://www.huobi.com/', 'https://futures.htx.com/en-us/linear_swap/exchange/'],
    noMatch: ['https://htx-global-support.com/', 'https://ftx.com/', 'https://www.huobi-pro-login.com/'],
  },
});
