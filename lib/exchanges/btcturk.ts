import { defineExchange } from './types';

export default defineExchange({
  id: 'btcturk',
  name: 'BtcTurk',
  domains: ['btcturk.com'],
  brandTokens: ['btcturk'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  sources: ['https://www.btcturk.com/'],
  testUrls: {
    match: ['https://www.btcturk.com/', 'https://pro.btcturk.com/pro/al-sat/BTC_TRY'],
    noMatch: ['https://btcturk-destek.com/', 'https://www.paribu.com/', 'https://www.turkcell.com.tr/'],
  },
});
