import { defineExchange } from './types';

export default defineExchange({
  id: 'gate',
  name: 'Gate',
  // gate.io is the long-standing exchange domain; the group also serves from gate.com (us.gate.com
  // hosts Gate US, a separate venue DefiLlama tracks as `gate-us`).
  domains: ['gate.io', 'gate.com'],
  // "gate" is a common English word: only gateio is distinctive, the bare word needs more evidence.
  brandTokens: ['gateio', 'gate'],
  ownTokens: ['GT'],
  defillamaSlug: 'gate',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  porUrl: 'https://www.gate.io/proof-of-reserves',
  withdrawal: {
    page: { status: 'unknown' },
    // Gate's help calls its trusted addresses a "whitelist", but they only skip verification codes
    // (gate.com/help/guide/deposit_withdrawa/22600); no Gate page found restricts withdrawals to them.
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: [
    'https://www.gate.io/proof-of-reserves',
    'https://github.com/gateio/proof-of-reserves',
    'https://us.gate.com/legal/user-agreement',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.gate.io/trade/BTC_USDT', 'https://www.gate.com/', 'https://www.gate.io/proof-of-reserves'],
    noMatch: ['https://gateio-withdraw-help.com/', 'https://www.gatehub.net/', 'https://www.gate.ac.uk/'],
  },
});
