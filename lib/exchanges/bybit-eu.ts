import { defineExchange } from './types';

/**
 * Bybit's site for the EEA: Bybit's own API guide (bybit-exchange/docs, docs/v5/guide.mdx at 072c197,
 * 2026-07-24) tells "EEA users" to use api.bybit.eu for mainnet. The company is Bybit EU GmbH, supervised
 * by Austria's FMA (its General Terms, version of 2025-09-12). Bybit's proof of reserves is not known to
 * cover this site's customers (no page read says so), so it gets its own entry with no proof of reserves,
 * shown as unknown, as Binance TH does.
 */
export default defineExchange({
  id: 'bybit-eu',
  name: 'Bybit EU',
  domains: ['bybit.eu'],
  // None: a lookalike that names Bybit points at Bybit itself (bybit.ts).
  brandTokens: [],
  ownTokens: [],
  status: { kind: 'operating' },
  sources: ['https://github.com/bybit-exchange/docs/blob/072c197d0c11b4d9a88d1dd0c7b9d7ca8ea3a996/docs/v5/guide.mdx', 'https://www.bybit.eu/de-EU/help-center/article/General-Terms'],
  testUrls: {
    match: ['https://www.bybit.eu/en-EU/help-center/article/General-Terms', 'https://api.bybit.eu/'],
    noMatch: ['https://www.bybit.com/en/', 'https://bybit-airdrop-claim.com/'],
  },
});
