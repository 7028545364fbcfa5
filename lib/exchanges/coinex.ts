import { defineExchange } from './types';

export default defineExchange({
  id: 'coinex',
  name: 'CoinEx',
  domains: ['coinex.com'],
  brandTokens: ['coinex'],
  ownTokens: ['CET'],
  defillamaSlug: 'coinex',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2023-09-12',
      summary: 'Private keys of several hot wallets were compromised and at least $55 million stolen, attributed to the Lazarus Group; deposits and withdrawals were suspended.',
      source: 'https://www.coindesk.com/tech/2023/09/13/north-korean-attackers-linked-to-54m-coinex-hack-blockchain-data-suggests/',
    },
  ],
  sources: ['https://www.coinex.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.coinex.com/en/exchange/btc-usdt', 'https://www.coinex.com/'],
    noMatch: ['https://coinex-verify.com/', 'https://www.coinbase.com/', 'https://www.conex.com/'],
  },
});
