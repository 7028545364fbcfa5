import { defineExchange } from './types';

/**
 * Binance TH is run by Gulf Binance Co., Ltd., a company registered in Thailand, whose privacy notice
 * (last updated 2023-09-01) names www.binance.th as its website. Binance's proof of reserves is about
 * Binance's own customers, not this company's, so it gets its own entry, as Binance.US does.
 */
export default defineExchange({
  id: 'binance-th',
  name: 'Binance TH',
  domains: ['binance.th'],
  // None: a bare "binance" in a lookalike host points at Binance itself, and the joined "binanceth" is
  // also how lures that pair Binance with ETH read (binanceeth, binancethereum), which imitate Binance.
  brandTokens: [],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-06' },
  sources: ['https://www.binance.th/en/terms/notices/9d286bfa3dc64efb8b41e1d8cf977b1a'],
  testUrls: {
    match: ['https://www.binance.th/en', 'https://api.binance.th/api/v1/ticker/price'],
    noMatch: ['https://www.binance.com/en', 'https://binance-th-support.com/', 'https://www.binanceth.net/', 'https://binanceth.club/'],
  },
});
