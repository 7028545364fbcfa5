import { defineExchange } from './types';

export default defineExchange({
  id: 'luno',
  name: 'Luno',
  domains: ['luno.com'],
  // "luno" is a short, word-like token: weak evidence on its own.
  brandTokens: ['luno'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.luno.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.luno.com/', 'https://www.luno.com/en/exchange'],
    noMatch: ['https://luno-wallet-verify.com/', 'https://www.lunarcrush.com/', 'https://www.valr.com/'],
  },
});
