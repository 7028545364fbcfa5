import { defineExchange } from './types';

export default defineExchange({
  id: 'indodax',
  name: 'Indodax',
  domains: ['indodax.com'],
  brandTokens: ['indodax'],
  ownTokens: [],
  defillamaSlug: 'indodax',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2024-09-11',
      summary: 'Hot wallets were drained of about $22 million in BTC, ETH, TRX, POL and other tokens; the web platform and app were taken offline for maintenance.',
      source: 'https://www.coindesk.com/markets/2024/09/11/indonesian-crypto-exchange-indodax-hacked-for-22m-pauses-activity-before-bigger-hit',
    },
  ],
  sources: ['https://indodax.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://indodax.com/', 'https://indodax.com/market/BTCIDR'],
    noMatch: ['https://indodax-verifikasi.com/', 'https://www.tokocrypto.com/', 'https://www.indomaret.co.id/'],
  },
});
