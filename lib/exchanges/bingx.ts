import { defineExchange } from './types';

export default defineExchange({
  id: 'bingx',
  name: 'BingX',
  domains: ['bingx.com'],
  brandTokens: ['bingx'],
  ownTokens: [],
  defillamaSlug: 'bingx',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2024-09-20',
      summary: 'Hot wallets were drained of about $43 million across several chains; withdrawals were suspended and BingX said it would cover losses from its own funds.',
      source: 'https://www.coindesk.com/tech/2024/09/20/crypto-exchange-bingx-hacked-onchain-data-shows-over-43m-drained',
    },
  ],
  porUrl: 'https://bingx.com/en/balance-reserve/',
  sources: ['https://bingx.com/en/balance-reserve/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://bingx.com/en-us/spot/BTCUSDT/', 'https://bingx.com/en/balance-reserve/'],
    noMatch: ['https://bingx-rewards.com/', 'https://www.bing.com/', 'https://www.bybit.com/'],
  },
});
