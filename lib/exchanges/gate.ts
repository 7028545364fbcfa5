import { defineExchange } from './types';

export default defineExchange({
  id: 'gate',
  name: 'Gate',
  // Gate.io moved its main site to gate.com in 2025; gate.io still serves and redirects.
  domains: ['gate.io', 'gate.com'],
  // "gate" is a common English word: only gateio is distinctive, the bare word needs more evidence.
  brandTokens: ['gateio', 'gate'],
  ownTokens: ['GT'],
  defillamaSlug: 'gate',
  status: { kind: 'operating' },
  porUrl: 'https://www.gate.io/proof-of-reserves',
  sources: [
    'https://www.gate.io/proof-of-reserves',
    'https://github.com/gateio/proof-of-reserves',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.gate.io/trade/BTC_USDT', 'https://www.gate.com/', 'https://www.gate.io/proof-of-reserves'],
    noMatch: ['https://gateio-withdraw-help.com/', 'https://www.gatehub.net/', 'https://www.gate.ac.uk/'],
  },
});
