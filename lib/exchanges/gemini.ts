import { defineExchange } from './types';

export default defineExchange({
  id: 'gemini',
  name: 'Gemini',
  domains: ['gemini.com'],
  // "gemini" is a zodiac sign and Google's AI product (gemini.google.com): weak evidence on its own.
  brandTokens: ['gemini'],
  ownTokens: [],
  defillamaSlug: 'gemini',
  status: { kind: 'operating' },
  sources: [
    'https://www.gemini.com/trust-center/',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.gemini.com/', 'https://exchange.gemini.com/trade/BTCUSD'],
    noMatch: ['https://gemini.google.com/app', 'https://gemini-wallet-support.com/', 'https://www.coinbase.com/'],
  },
});
