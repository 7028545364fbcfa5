import { defineExchange } from './types';

export default defineExchange({
  id: 'kraken',
  name: 'Kraken',
  domains: ['kraken.com'],
  // "kraken" is also a mythical sea monster and a common product name: weak evidence on its own.
  brandTokens: ['kraken'],
  ownTokens: [],
  defillamaSlug: 'kraken',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  porUrl: 'https://www.kraken.com/proof-of-reserves',
  withdrawal: {
    page: {
      status: 'menu',
      menuPath: ['Portfolio', 'Withdraw'],
      surface: 'web',
      source: 'https://support.kraken.com/hc/en-us/articles/7631228462484-Adding-and-confirming-a-new-cryptocurrency-withdrawal-address',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // "In order to withdraw to a new cryptocurrency address … you must first add and confirm it"
    // (from a link in an email).
    whitelist: {
      status: 'always-on',
      source: 'https://support.kraken.com/hc/en-us/articles/7631228462484-Adding-and-confirming-a-new-cryptocurrency-withdrawal-address',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // Kraken.com's article gives 12 hours after a password change on accounts without sign-in 2FA
    // or a Master Key; its Kraken Classic article says 24 hours for the same case.
    newAddressLock: {
      status: 'hold',
      hours: 12,
      applies: 'after-password-change',
      source: 'https://support.kraken.com/hc/en-us/articles/7631228462484-Adding-and-confirming-a-new-cryptocurrency-withdrawal-address',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    networkFees: { status: 'unknown' },
  },

  sources: ['https://www.kraken.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.kraken.com/', 'https://pro.kraken.com/app/trade', 'https://support.kraken.com/'],
    noMatch: ['https://kraken-login-support.com/', 'https://www.krakenrum.com/', 'https://www.coinbase.com/'],
  },
});
