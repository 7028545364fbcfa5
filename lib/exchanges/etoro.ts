import { defineExchange } from './types';

export default defineExchange({
  id: 'etoro',
  name: 'eToro',
  domains: ['etoro.com'],
  brandTokens: ['etoro'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.etoro.com/'],
  testUrls: {
    match: ['https://www.etoro.com/', 'https://www.etoro.com/markets/btc'],
    noMatch: ['https://etoro-withdrawal-help.com/', 'https://www.toro.com/', 'https://www.revolut.com/'],
  },
});
