import { defineExchange } from './types';

export default defineExchange({
  id: 'mexc',
  name: 'MEXC',
  domains: ['mexc.com'],
  brandTokens: ['mexc'],
  ownTokens: ['MX'],
  defillamaSlug: 'mexc',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  withdrawal: {
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://www.mexc.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.mexc.com/exchange/BTC_USDT', 'https://futures.mexc.com/exchange/BTC_USDT'],
    noMatch: ['https://mexc-airdrop.com/', 'https://www.mexico.com/', 'https://www.gate.io/'],
  },
});
