import { defineExchange } from './types';

export default defineExchange({
  id: 'bybit',
  name: 'Bybit',
  domains: ['bybit.com'],
  brandTokens: ['bybit'],
  // BIT (BitDAO) and its successor MNT (Mantle) are both counted by DefiLlama as Bybit's own tokens.
  ownTokens: ['BIT', 'MNT'],
  defillamaSlug: 'bybit',
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2025-02-21',
      summary:
        'About $1.5 billion of ETH was drained from an Ethereum multisig cold wallet after signers approved a disguised transaction; attributed to North Korea\'s Lazarus Group.',
      source: 'https://www.ic3.gov/PSA/2025/PSA250226',
    },
  ],
  porUrl: 'https://www.bybit.com/app/user/proof-of-reserve',
  withdrawal: {
    // The /user/assets/withdraw path recurs in open-source exchange-link tables.
    url: 'https://www.bybit.com/user/assets/withdraw',
    source: 'https://help.bybit.com/hc/en-us/articles/4417306522649-How-to-submit-a-withdrawal-request-',
  },
  sources: [
    'https://www.bybit.com/app/user/proof-of-reserve',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.bybit.com/en/trade/spot/BTC/USDT', 'https://www.bybit.com/app/user/proof-of-reserve'],
    noMatch: ['https://bybit-airdrop-claim.com/', 'https://www.bitget.com/', 'https://www.byte.com/'],
  },
});
