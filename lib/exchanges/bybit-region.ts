import { defineExchange, type IsoDate } from './types';

/** Bybit's own API guide, which names `api.<domain>` as the mainnet host for each region's users. */
const BYBIT_API_GUIDE = 'https://github.com/bybit-exchange/docs/blob/072c197d0c11b4d9a88d1dd0c7b9d7ca8ea3a996/docs/v5/guide.mdx';

/**
 * A Bybit regional site: Bybit's own API guide (bybit-exchange/docs, docs/v5/guide.mdx at 072c197,
 * 2026-07-24) tells "<region> users" to use api.<domain> for mainnet. The guide names the region, not
 * the company that runs it. Bybit's proof of reserves is not known to cover the site's customers (no page
 * read says so), so each site has its own entry with no proof of reserves, shown as unknown, as Binance TH
 * does. No brand tokens: a lookalike that names Bybit points at Bybit itself (bybit.ts).
 */
export function bybitRegion<const Id extends string>({
  id,
  name,
  domain,
  statusCheckedOn,
  sources = [],
  pages = [`https://www.${domain}/`],
}: {
  id: Id;
  name: string;
  domain: string;
  /** The day this site's status (operating, no incidents on record) was last checked against its sources. */
  statusCheckedOn: IsoDate;
  sources?: readonly string[];
  pages?: readonly string[];
}) {
  return defineExchange({
    id,
    name,
    domains: [domain],
    brandTokens: [],
    ownTokens: [],
    status: { kind: 'operating', checkedOn: statusCheckedOn },
    sources: [BYBIT_API_GUIDE, ...sources],
    testUrls: {
      match: [...pages, `https://api.${domain}/`],
      noMatch: ['https://www.bybit.com/en/', 'https://bybit-airdrop-claim.com/'],
    },
  });
}
