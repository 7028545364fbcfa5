import { defineExchange } from './types';

export default defineExchange({
  id: 'xt-com',
  name: 'XT.com',
  domains: ['xt.com'],
  // The bare "xt" is too short to be evidence of anything; phishing hosts spell out xtcom / xt-com.
  brandTokens: ['xtcom'],
  // XT is the exchange's native token (reported during the Nov 2024 incident).
  ownTokens: ['XT'],
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2024-11-28',
      summary: 'About $1.7 million in 12 tokens left a platform wallet and was swapped to ETH; XT suspended withdrawals and said user funds were unaffected.',
      source: 'https://halborn.com/blog/post/explained-the-xt-exchange-hack-november-2024',
    },
  ],
  sources: [
    'https://www.xt.com/',
    'https://coinlume.com/news/crypto-exchange-xtcom-halts-withdrawals-following-dollar17m-security-breach',
  ],
  testUrls: {
    match: ['https://www.xt.com/en', 'https://www.xt.com/en/trade/btc_usdt'],
    noMatch: ['https://xt-com-login.com/', 'https://www.next.com/', 'https://www.mexc.com/'],
  },
});
