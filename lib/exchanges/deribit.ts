import { defineExchange } from './types';

export default defineExchange({
  id: 'deribit',
  name: 'Deribit',
  domains: ['deribit.com'],
  brandTokens: ['deribit'],
  ownTokens: [],
  defillamaSlug: 'deribit',
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2022-11-01',
      summary:
        'BTC, ETH and USDC hot wallets were drained of about $28 million; withdrawals were halted and the loss was covered from company reserves.',
      source: 'https://www.coindesk.com/business/2022/11/02/crypto-exchange-deribit-loses-28m-in-hot-wallet-hack',
    },
  ],
  porUrl: 'https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/',
  withdrawal: {
    // The /account/<ASSET>/withdraw path was seen in a user report about test.deribit.com.
    url: 'https://www.deribit.com/account/{asset}/withdraw',
    newAddressLockHours: 72,
    newAddressLockSource: 'https://docs.deribit.com/articles/managing-withdrawals-api',
    source: 'https://support.deribit.com/hc/en-us/articles/25944635205021-Withdrawals',
  },
  sources: [
    'https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.deribit.com/', 'https://www.deribit.com/options/BTC', 'https://insights.deribit.com/'],
    noMatch: ['https://deribit-withdraw.com/', 'https://www.debit.com/', 'https://www.bitmex.com/'],
  },
});
