import { defineExchange } from './types';

export default defineExchange({
  id: 'binance',
  name: 'Binance',
  // binance.vision hosts Binance's public market-data archive (data.binance.vision), as Binance's own
  // binance-public-data repository documents. binance.org is Binance Chain's: its documentation
  // (binance-chain/docs-site, docs/get-started.md, 2021-04-19) says Binance provides a web wallet there.
  domains: ['binance.com', 'binance.me', 'binance.info', 'binance.vision', 'binance.org'],
  brandTokens: ['binance'],
  ownTokens: ['BNB'],
  defillamaSlug: 'binance-cex',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2019-05-07',
      summary: 'Attackers withdrew 7,000 BTC from the BTC hot wallet (about 2% of its BTC) in one transaction; Binance covered the loss from its SAFU fund.',
      source: 'https://www.binance.com/en/support/announcement/360028031711',
    },
    {
      kind: 'regulatory',
      date: '2023-11-21',
      summary: 'Pleaded guilty to US anti-money-laundering, unlicensed money-transmitting and sanctions violations and agreed to pay $4.3 billion; founder Changpeng Zhao stepped down as CEO.',
      source: 'https://www.justice.gov/opa/pr/binance-and-ceo-plead-guilty-federal-charges-4b-resolution',
    },
  ],
  porUrl: 'https://www.binance.com/en/proof-of-reserves',
  withdrawal: {
    // No Binance page in the stored material gives the withdrawal page's address; the per-coin
    // path earlier used here came from third-party link tables, so it is not shown.
    page: { status: 'unknown' },
    // Binance Academy's "How to Whitelist a Withdrawal Address on Binance", read in its Swedish and
    // Italian translations (/sv/ and /it/ of the same article); cited at its English address.
    whitelist: {
      status: 'offered',
      menuPath: ['Security', 'Address Management'],
      source: 'https://academy.binance.com/en/articles/withdrawal-address-whitelist',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },

  sources: [
    'https://www.binance.com/en/proof-of-reserves',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
    'https://github.com/binance/binance-public-data',
    'https://github.com/binance-chain/docs-site/blob/7608249f5d54c7f82db90bedb586febf4164f123/docs/get-started.md',
  ],
  testUrls: {
    match: ['https://www.binance.com/en/trade/BTC_USDT', 'https://accounts.binance.com/en/login', 'https://binance.me/', 'https://www.binance.org/'],
    noMatch: ['https://binance-login.com/', 'https://www.binance.us/', 'https://www.binance.th/', 'https://finance.yahoo.com/'],
  },
});
