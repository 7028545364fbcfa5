import { defineExchange } from './types';

export default defineExchange({
  id: 'upbit',
  name: 'Upbit',
  domains: ['upbit.com'],
  brandTokens: ['upbit'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  withdrawal: {
    page: { status: 'unknown' },
    whitelist: { status: 'unknown' },
    newAddressLock: { status: 'unknown' },
    networkFees: { status: 'unknown' },
  },
  sources: ['https://upbit.com/'],
  testUrls: {
    match: ['https://upbit.com/exchange?code=CRIX.UPBIT.KRW-BTC', 'https://sg.upbit.com/'],
    noMatch: ['https://upbit-event-korea.com/', 'https://www.bithumb.com/', 'https://www.upwork.com/'],
  },
});
