import { defineExchange } from './types';

export default defineExchange({
  id: 'okx',
  name: 'OKX',
  // OKX was formerly OKEx; okex.com is its legacy domain.
  domains: ['okx.com', 'okex.com'],
  brandTokens: ['okx', 'okex'],
  ownTokens: ['OKB'],
  defillamaSlug: 'okx',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  porUrl: 'https://www.okx.com/proof-of-reserves',
  withdrawal: {
    // OKX's "How do I enable allowlist? (web)", published 14 Aug 2023, updated 23 Jul 2024; read
    // at aws.okx.com, OKX's own host for the same help centre.
    page: { status: 'menu', menuPath: ['Assets', 'Withdraw'], surface: 'web', source: 'https://www.okx.com/help/how-do-i-enable-allowlist-web', asOf: '2024-07-23', dated: 'stated' },
    whitelist: {
      status: 'offered',
      menuPath: ['Assets', 'Withdraw', 'Address book'],
      source: 'https://www.okx.com/help/how-do-i-enable-allowlist-web',
      asOf: '2024-07-23',
      dated: 'stated',
    },
    // "New address withdrawal lock prevent[s] withdrawals for 24 hours to new allowlist addresses", an advanced setting.
    newAddressLock: {
      status: 'hold',
      hours: 24,
      applies: 'opt-in',
      menuPath: ['Assets', 'Withdraw', 'Address book'],
      source: 'https://www.okx.com/help/how-do-i-enable-allowlist-web',
      asOf: '2024-07-23',
      dated: 'stated',
    },
    // "The system will calculate the fee automatically before you submit the withdrawal request."
    networkFees: {
      status: 'withdrawal-form',
      source: 'https://www.okx.com/help/do-i-need-to-pay-fees-for-deposit-and-withdrawal',
      asOf: '2026-12-05',
      dated: 'seen',
    },
  },
  sources: ['https://www.okx.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.okx.com/trade-spot/btc-usdt', 'https://www.okx.com/proof-of-reserves', 'https://www.okex.com/'],
    noMatch: ['https://okx-wallet-verify.com/', 'https://www.okcoin.com/', 'https://www.binance.com/'],
  },
});
