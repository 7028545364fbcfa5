import { defineExchange } from './types';

/**
 * Bybit's site for Netherlands: Bybit's own API guide (bybit-exchange/docs, docs/v5/guide.mdx at 072c197,
 * 2026-07-24) tells "Netherlands users" to use api.bybit.nl for mainnet. The guide names the region, not
 * the company that runs it; no page read names it. Bybit's proof of reserves is not known to cover this
 * site's customers (no page read says so), so it gets its own entry with no proof of reserves, shown as
 * unknown, as Binance TH does.
 */
export default defineExchange({
  id: 'bybit-nl',
  name: 'Bybit Netherlands',
  domains: ['bybit.nl'],
  // None: a lookalike that names Bybit points at Bybit itself (bybit.ts).
  brandTokens: [],
  ownTokens: [],
  status: { kind: 'operating' },
  sources: ['https://github.com/bybit-exchange/docs/blob/072c197d0c11b4d9a88d1dd0c7b9d7ca8ea3a996/docs/v5/guide.mdx'],
  testUrls: {
    match: ['https://www.bybit.nl/', 'https://api.bybit.nl/'],
    noMatch: ['https://www.bybit.com/en/', 'https://bybit-airdrop-claim.com/'],
  },
});
