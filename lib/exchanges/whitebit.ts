import { defineExchange } from './types';

export default defineExchange({
  id: 'whitebit',
  name: 'WhiteBIT',
  domains: ['whitebit.com'],
  brandTokens: ['whitebit'],
  // WBT (WhiteBIT Token / WhiteBIT Coin) is the exchange's own token, launched in August 2022.
  ownTokens: ['WBT'],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://blog.whitebit.com/en/whitebit-token-all-you-need-to-know/'],
  testUrls: {
    match: ['https://whitebit.com/', 'https://whitebit.com/trade/BTC-USDT'],
    noMatch: ['https://whitebit-bonus.com/', 'https://www.bitget.com/', 'https://www.whitepages.com/'],
  },
});
