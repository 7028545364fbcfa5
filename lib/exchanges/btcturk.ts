import { defineExchange } from './types';

export default defineExchange({
  id: 'btcturk',
  name: 'BtcTurk',
  domains: ['btcturk.com'],
  brandTokens: ['btcturk'],
  ownTokens: [],
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'hack',
      date: '2024-06-22',
      summary: 'Hot wallets of ten cryptocurrencies were drained of about $55 million; deposits and withdrawals were halted and BtcTurk said user assets were unaffected.',
      source: 'https://www.halborn.com/blog/post/explained-the-btc-turk-hack-june-2024',
    },
  ],
  sources: [
    'https://www.btcturk.com/',
    'https://blockbasis.com/p/btcturk-hack-inside-the-55-million-cryptocurrency-theft',
  ],
  testUrls: {
    match: ['https://www.btcturk.com/', 'https://pro.btcturk.com/pro/al-sat/BTC_TRY'],
    noMatch: ['https://btcturk-destek.com/', 'https://www.paribu.com/', 'https://www.turkcell.com.tr/'],
  },
});
