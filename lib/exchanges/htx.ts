import { defineExchange } from './types';

export default defineExchange({
  id: 'htx',
  name: 'HTX (Huobi)',
  // Huobi Global renamed itself HTX in September 2023; huobi.com is the legacy domain.
  domains: ['htx.com', 'huobi.com'],
  brandTokens: ['htx', 'huobi'],
  // HT was replaced by the HTX DAO token (ticker HTX) from 22 January 2024; holders of either carry exchange risk.
  ownTokens: ['HT', 'HTX'],
  // Justin Sun, founder of Tron and BitTorrent, is HTX's de facto owner; HTX DAO's "T" stands for TRON,
  // and DefiLlama showed about 31.8% of HTX's reserves in TRX (Dec 2023). The reserve share is checkable in
  // DefiLlama's `htx` asset breakdown; the earlier coincult.com / worldwidegists.com citations were reposts and
  // were removed, so the ownership claim still needs a tier-1/2 source.
  affiliatedTokens: ['TRX', 'BTT'],
  defillamaSlug: 'htx',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  withdrawal: {
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://www.htx.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts', 'https://global-aws.huobi.com/support/104958763476521'],
  testUrls: {
    match: ['https://www.htx.com/en-us/trade/btc_usdt', 'https://www.huobi.com/', 'https://futures.htx.com/en-us/linear_swap/exchange/'],
    noMatch: ['https://htx-global-support.com/', 'https://ftx.com/', 'https://www.huobi-pro-login.com/'],
  },
});
