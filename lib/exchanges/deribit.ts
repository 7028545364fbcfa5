import { defineExchange } from './types';

export default defineExchange({
  id: 'deribit',
  name: 'Deribit',
  domains: ['deribit.com'],
  brandTokens: ['deribit'],
  ownTokens: [],
  defillamaSlug: 'deribit',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2022-11-01',
      summary: 'BTC, ETH and USDC hot wallets were drained of about $28 million; withdrawals were halted and the loss was covered from company reserves.',
      source: 'https://www.coindesk.com/business/2022/11/02/crypto-exchange-deribit-loses-28m-in-hot-wallet-hack',
    },
  ],
  porUrl: 'https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/',
  withdrawal: {
    // The /account/<ASSET>/withdraw path earlier used here was seen only in a user report, not on
    // a Deribit page, so it is not shown.
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    // "By default, new withdrawal addresses have a 3-day delay before they become available."
    newAddressLock: {
      status: 'hold',
      hours: 72,
      applies: 'always',
      source: 'https://docs.deribit.com/articles/managing-withdrawals-api',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    networkFees: { status: 'unknown' },
  },

  sources: ['https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.deribit.com/', 'https://www.deribit.com/options/BTC', 'https://insights.deribit.com/'],
    noMatch: ['https://deribit-withdraw.com/', 'https://www.debit.com/', 'https://www.bitmex.com/'],
  },
});
