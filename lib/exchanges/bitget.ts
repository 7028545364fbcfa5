import { defineExchange } from './types';

export default defineExchange({
  id: 'bitget',
  name: 'Bitget',
  domains: ['bitget.com'],
  brandTokens: ['bitget'],
  ownTokens: ['BGB'],
  defillamaSlug: 'bitget',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  porUrl: 'https://www.bitget.com/proof-of-reserves',
  withdrawal: {
    page: { status: 'unknown' },
    // Bitget's "How to Manage Withdrawal Settings on My Bitget Account?" (article 12560603820641),
    // dated 2024-12-31; read at the bitget.vin copy of Bitget's support site, cited at bitget.com.
    whitelist: {
      status: 'offered',
      menuPath: ['Security Settings', 'Withdrawal Settings'],
      source: 'https://www.bitget.com/support/articles/12560603820641',
      asOf: '2024-12-31',
      dated: 'stated',
    },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://www.bitget.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitget.com/spot/BTCUSDT', 'https://www.bitget.com/proof-of-reserves'],
    noMatch: ['https://bitget-verify-account.com/', 'https://www.bybit.com/', 'https://www.budget.com/'],
  },
});
