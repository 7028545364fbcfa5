import { defineExchange } from './types';

export default defineExchange({
  id: 'upbit',
  name: 'Upbit',
  domains: ['upbit.com'],
  brandTokens: ['upbit'],
  ownTokens: [],
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2019-11-27',
      summary: '342,000 ETH (about $50 million) left the Ethereum hot wallet for an unknown address; deposits and withdrawals were suspended and Upbit covered the loss.',
      source: 'https://cryptoglobe.com/latest/2019/11/south-korean-cypto-exchange-upbit-confirms-theft-of-342000-eth',
    },
    {
      kind: 'hack',
      date: '2025-11-27',
      summary: 'About 54 billion won (≈$36 million) of SOL and Solana tokens was drained from a Solana hot wallet; all deposits and withdrawals were paused and Upbit pledged to cover losses.',
      source: 'https://infinitsec.net/posts/upbit-hit-with-36m-solana-hot-wallet-breach-day-after-10b-naver-deal-1764241301610-94',
    },
  ],
  sources: [
    'https://upbit.com/',
    'https://asiatimes.com/2019/11/hackers-steal-50m-from-s-korea-crypto-exchange/',
  ],
  testUrls: {
    match: ['https://upbit.com/exchange?code=CRIX.UPBIT.KRW-BTC', 'https://sg.upbit.com/'],
    noMatch: ['https://upbit-event-korea.com/', 'https://www.bithumb.com/', 'https://www.upwork.com/'],
  },
});
