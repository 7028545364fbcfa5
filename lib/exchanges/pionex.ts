import { defineExchange } from './types';

export default defineExchange({
  id: 'pionex',
  name: 'Pionex',
  domains: ['pionex.com'],
  brandTokens: ['pionex'],
  ownTokens: [],
  defillamaSlug: 'pionex',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.pionex.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.pionex.com/en', 'https://www.pionex.com/en/trade/BTC_USDT/Bot'],
    noMatch: ['https://pionex-bot-login.com/', 'https://www.pioneer.com/', 'https://www.phemex.com/'],
  },
});
