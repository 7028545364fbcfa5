import { defineExchange } from './types';

export default defineExchange({
  id: 'gemini',
  name: 'Gemini',
  domains: ['gemini.com'],
  // "gemini" is a zodiac sign and Google's AI product (gemini.google.com): weak evidence on its own.
  brandTokens: ['gemini'],
  ownTokens: [],
  defillamaSlug: 'gemini',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  withdrawal: {
    page: { status: 'unknown' },
    // "Approved addresses allow you to ban all cryptocurrency withdrawals, or restrict withdrawals to a list of known addresses only."
    whitelist: {
      status: 'offered',
      menuPath: ['Settings', 'Approved Addresses'],
      source: 'https://support.gemini.com/hc/en-us/articles/360001411543-What-is-an-Approved-Address',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // Address Book (previously Approved Addresses, outside the EU, EEA and UK): opting into
    // Withdrawal Protection holds a newly added address for 7 days on single-user accounts.
    newAddressLock: {
      status: 'hold',
      hours: 168,
      applies: 'opt-in',
      menuPath: ['Settings', 'Address Book'],
      source: 'https://support.gemini.com/hc/en-us/articles/35332177226779-Address-Book',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://www.gemini.com/trust-center/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.gemini.com/', 'https://exchange.gemini.com/trade/BTCUSD'],
    noMatch: ['https://gemini.google.com/app', 'https://gemini-wallet-support.com/', 'https://www.coinbase.com/'],
  },
});
