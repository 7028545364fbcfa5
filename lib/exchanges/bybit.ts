import { defineExchange } from './types';

export default defineExchange({
  id: 'bybit',
  name: 'Bybit',
  // Bybit's regional sites (bybit.eu, .nl, .tr, .kz, .ae, .id, bybitgeorgia.ge) have their own entries
  // (bybit-eu.ts and beside it): this proof of reserves is not known to cover their customers.
  domains: ['bybit.com'],
  brandTokens: ['bybit'],
  // BIT (BitDAO) and its successor MNT (Mantle) are both counted by DefiLlama as Bybit's own tokens.
  ownTokens: ['BIT', 'MNT'],
  defillamaSlug: 'bybit',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2025-02-21',
      summary: "About $1.5 billion of ETH was drained from an Ethereum multisig cold wallet after signers approved a disguised transaction; attributed to North Korea's Lazarus Group.",
      source: 'https://www.ic3.gov/PSA/2025/PSA250226',
    },
  ],
  porUrl: 'https://www.bybit.com/app/user/proof-of-reserve',
  withdrawal: {
    // No Bybit page in the stored material gives the withdrawal page's address; the path earlier
    // used here came from third-party link tables, so it is not shown.
    page: { status: 'unknown' },
    // Bybit's "How to Manage Your Withdrawal Address Book" (article 000001725), dated 2024-10-15
    // in the copy read on Bybit's own testnet.bybit.com host; cited at www.bybit.com. Its
    // "Withdrawal Address Whitelist" only skips verification codes; the restriction is the
    // feature it calls "Withdraw via Address Book".
    whitelist: { status: 'offered', menuPath: ['Account and Security'], source: 'https://www.bybit.com/en/help-center/article?id=000001725&language=en_US', asOf: '2024-10-15', dated: 'stated' },
    // The same article lists a "New Address Withdrawal Lock"; its length was not in Bybit's own text.
    newAddressLock: {
      status: 'hold',
      hours: null,
      applies: 'opt-in',
      menuPath: ['Account and Security'],
      source: 'https://www.bybit.com/en/help-center/article?id=000001725&language=en_US',
      asOf: '2024-10-15',
      dated: 'stated',
    },
    networkFees: { status: 'unknown' },
  },

  sources: ['https://www.bybit.com/app/user/proof-of-reserve', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bybit.com/en/trade/spot/BTC/USDT', 'https://www.bybit.com/app/user/proof-of-reserve'],
    noMatch: ['https://bybit-airdrop-claim.com/', 'https://www.bitget.com/', 'https://www.byte.com/', 'https://www.bybit.eu/', 'https://api.bybit.nl/'],
  },
});
