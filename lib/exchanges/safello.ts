import { defineExchange } from './types';

export default defineExchange({
  id: 'safello',
  name: 'Safello',
  domains: ['safello.com'],
  brandTokens: ['safello'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  sources: ['https://safello.com/legal/terms/', 'https://www.coindesk.com/policy/2021/10/21/swedish-financial-watchdog-investigating-two-local-crypto-firms/'],
  testUrls: {
    match: ['https://safello.com/', 'https://help.safello.com/en/articles/166728-what-are-safello-s-fees'],
    noMatch: ['https://safello-verifiering.com/', 'https://bt.cx/', 'https://www.safe.com/'],
  },
});
