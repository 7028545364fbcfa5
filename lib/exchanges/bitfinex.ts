import { defineExchange } from './types';

export default defineExchange({
  id: 'bitfinex',
  name: 'Bitfinex',
  domains: ['bitfinex.com'],
  brandTokens: ['bitfinex'],
  ownTokens: ['LEO'],
  // Bitfinex's operator iFinex and Tether are controlled by the same officials (NY Attorney General
  // settlement, Feb 2021; Bloomberg Law), so USDT counts with Bitfinex's own token.
  affiliatedTokens: ['USDT'],
  defillamaSlug: 'bitfinex',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2016-08-02',
      summary: "119,756 BTC were stolen from users' segregated wallets; Bitfinex halted trading and withdrawals and cut every balance by 36% in exchange for BFX tokens.",
      source: 'https://www.reuters.com/article/us-bitfinex-hacked-hongkong-idUSKCN10E0KP',
    },
    {
      kind: 'regulatory',
      date: '2021-02-23',
      summary: "Settled a New York Attorney General probe for $18.5 million over hiding an $850 million loss and misstating Tether's reserves; stopped trading with New Yorkers.",
      source: 'https://ag.ny.gov/press-release/2021/attorney-general-james-ends-virtual-currency-trading-platform-bitfinexs-illegal',
    },
  ],
  withdrawal: {
    page: { status: 'unknown' },
    // "When an account has specific withdrawal addresses locked, withdrawals to only these addresses will be permitted."
    whitelist: {
      status: 'offered',
      source: 'https://support.bitfinex.com/hc/en-us/articles/115003688065-Security-Best-Practices',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    // Unlocking a locked withdrawal address or changing one triggers a five-day withdrawal hold.
    newAddressLock: {
      status: 'hold',
      hours: 120,
      applies: 'with-whitelist',
      source: 'https://support.bitfinex.com/hc/en-us/articles/115003284189-Why-do-I-have-a-withdrawal-hold-',
      asOf: '2026-12-05',
      dated: 'seen',
    },
    networkFees: { status: 'fee-page', url: 'https://www.bitfinex.com/fees', source: 'https://www.bitfinex.com/fees', asOf: '2026-12-05', dated: 'seen' },
  },
  sources: [
    'https://github.com/bitfinexcom/pub/blob/main/wallets.txt',
    'https://news.bloomberglaw.com/business-and-practice/bitfinex-tether-settle-n-y-probe-for-18-5-million-1?context=article-related',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://www.bitfinex.com/', 'https://trading.bitfinex.com/t/BTC:USD'],
    noMatch: ['https://bitfinex-recovery.com/', 'https://www.bitflyer.com/', 'https://www.finextra.com/'],
  },
});
