import { defineExchange } from './types';

export default defineExchange({
  id: 'xt-com',
  name: 'XT.com',
  domains: ['xt.com'],
  // The bare "xt" is too short to be evidence of anything; phishing hosts spell out xtcom / xt-com.
  brandTokens: ['xtcom'],
  // XT is the exchange's native token (reported during the Nov 2024 incident).
  ownTokens: ['XT'],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  sources: ['https://www.xt.com/'],
  testUrls: {
    match: ['https://www.xt.com/en', 'https://www.xt.com/en/trade/btc_usdt'],
    noMatch: ['https://xt-com-login.com/', 'https://www.next.com/', 'https://www.mexc.com/'],
  },
});
