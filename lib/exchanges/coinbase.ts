import { defineExchange } from './types';

export default defineExchange({
  id: 'coinbase',
  name: 'Coinbase',
  domains: ['coinbase.com'],
  brandTokens: ['coinbase'],
  ownTokens: [],
  // Not tracked on-chain by DefiLlama; Coinbase publishes audited public-company financials instead of a PoR.
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  withdrawal: {
    page: { status: 'unknown' },
    whitelist: {
      status: 'offered',
      menuPath: ['Address book', 'Allowlist'],
      source: 'https://help.coinbase.com/en/coinbase/managing-my-account/other/address-book-allowlist',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // "When allowlisting is enabled, every new address added to your address book must go through a 48-hour security hold."
    newAddressLock: {
      status: 'hold',
      hours: 48,
      applies: 'with-whitelist',
      source: 'https://help.coinbase.com/en/coinbase/managing-my-account/other/address-book-allowlist',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // "All fees we charge are disclosed at the time of transaction."
    networkFees: {
      status: 'withdrawal-form',
      source: 'https://help.coinbase.com/en-in/coinbase/trading-and-funding/pricing-and-fees/fees',
      asOf: '2026-12-05',
      dated: 'seen',
    },
  },
  sources: ['https://www.coinbase.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.coinbase.com/', 'https://www.coinbase.com/advanced-trade/spot/BTC-USD', 'https://login.coinbase.com/signin'],
    noMatch: ['https://coinbase-support-login.com/', 'https://www.coinbasewallet.help/', 'https://www.kraken.com/'],
  },
});
