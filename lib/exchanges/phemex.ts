import { defineExchange } from './types';

export default defineExchange({
  id: 'phemex',
  name: 'Phemex',
  domains: ['phemex.com'],
  brandTokens: ['phemex'],
  ownTokens: [],
  defillamaSlug: 'phemex',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2025-01-23',
      summary: 'Hot wallets on Ethereum, Solana, XRP, Bitcoin and other chains were drained of about $69 million; withdrawals were suspended while cold wallets stayed safe.',
      source: 'https://phemex.com/announcements/phemex-hot-wallet-security-incident-update-and-timeline',
    },
  ],
  porUrl: 'https://phemex.com/proof-of-reserves',
  sources: ['https://phemex.com/proof-of-reserves', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://phemex.com/trade/BTCUSD', 'https://phemex.com/proof-of-reserves'],
    noMatch: ['https://phemex-airdrop.io/', 'https://www.bitmex.com/', 'https://www.phenix.com/'],
  },
});
