import { defineExchange } from './types';

export default defineExchange({
  id: 'bithumb',
  name: 'Bithumb',
  domains: ['bithumb.com'],
  brandTokens: ['bithumb'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2018-06-20',
      summary: 'About 35 billion won (≈$31 million) of cryptocurrency was stolen overnight; all deposits and withdrawals were halted and assets moved to cold wallets.',
      source: 'https://www.coindesk.com/bithumb-exchanges-31-million-hack-know-dont-know',
    },
  ],
  sources: ['https://www.bithumb.com/'],
  testUrls: {
    match: ['https://www.bithumb.com/', 'https://www.bithumb.com/react/trade/order/BTC-KRW'],
    noMatch: ['https://bithumb-kr-login.com/', 'https://www.upbit.com/', 'https://www.thumbtack.com/'],
  },
});
