import { defineExchange } from './types';

export default defineExchange({
  id: 'crypto-com',
  name: 'Crypto.com',
  domains: ['crypto.com'],
  // The brand is a domain name; phishing hosts write it dotless or hyphenated (cryptocom-, crypto-com-).
  brandTokens: ['cryptocom'],
  ownTokens: ['CRO'],
  defillamaSlug: 'crypto-com',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  porUrl: 'https://crypto.com/proof-of-reserves',
  withdrawal: {
    // Crypto.com App: "Crypto Withdrawals - General Information".
    page: {
      status: 'menu',
      menuPath: ['Accounts', 'Crypto Wallet', 'Transfer', 'Withdraw', 'External Wallet'],
      surface: 'app',
      source: 'https://help.crypto.com/en/articles/2500695-crypto-withdrawals-general-information',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // "we are requiring withdrawal address whitelisting every time you want to send crypto to a new address"
    whitelist: { status: 'always-on', source: 'https://help.crypto.com/en/articles/2500695-crypto-withdrawals-general-information', asOf: '2026-12-05', dated: 'seen' },
    // "there will be a 24-hour withdrawal lock on the newly added withdrawal address if the feature is enabled"
    newAddressLock: { status: 'hold', hours: 24, applies: 'opt-in', source: 'https://help.crypto.com/en/articles/2500695-crypto-withdrawals-general-information', asOf: '2026-12-05', dated: 'seen' },
    networkFees: {
      status: 'in-account',
      menuPath: ['Settings', 'Fees & Limits'],
      source: 'https://help.crypto.com/en/articles/2500695-crypto-withdrawals-general-information',
      asOf: '2026-12-05',
      dated: 'seen',
    },
  },
  sources: ['https://crypto.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://crypto.com/', 'https://crypto.com/exchange/trade/BTC_USD', 'https://www.crypto.com/eea'],
    noMatch: ['https://cryptocom-verify-wallet.com/', 'https://crypto-com-support.net/', 'https://www.cryptocompare.com/'],
  },
});
