import { defineExchange } from './types';

export default defineExchange({
  id: 'lbank',
  name: 'LBank',
  domains: ['lbank.com'],
  brandTokens: ['lbank'],
  ownTokens: [],
  defillamaSlug: 'lbank',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.lbank.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.lbank.com/en-US/trade/btc_usdt/', 'https://futures.lbank.com/trade/btcusdt'],
    noMatch: ['https://lbank-support.net/', 'https://www.bank.com/', 'https://www.kucoin.com/'],
  },
});
