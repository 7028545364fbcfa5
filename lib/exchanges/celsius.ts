import { defineExchange } from './types';

export default defineExchange({
  id: 'celsius',
  name: 'Celsius',
  domains: ['celsius.network'],
  // "celsius" is a common word (temperature); the classifier must want more than the bare word.
  brandTokens: ['celsius'],
  ownTokens: ['CEL'],
  status: {
    kind: 'collapsed',
    checkedOn: '2026-12-04',
    date: '2022-06-12',
    history: 'The crypto lender paused all withdrawals, swaps and transfers on 12 June 2022 and filed for Chapter 11 bankruptcy on 13 July 2022.',
    source: 'https://blog.celsius.network/a-memo-to-the-celsius-community-59532a06ecc6',
  },
  incidents: [
    {
      kind: 'withdrawal-halt',
      date: '2022-06-12',
      summary: 'Paused all withdrawals, swaps and transfers between accounts, citing extreme market conditions.',
      source: 'https://blog.celsius.network/a-memo-to-the-celsius-community-59532a06ecc6',
    },
    {
      kind: 'insolvency',
      date: '2022-07-13',
      summary: 'Filed for Chapter 11 in the Southern District of New York with $167 million cash on hand.',
      source: 'https://cases.stretto.com/celsius',
    },
  ],
  sources: ['https://cases.stretto.com/celsius', 'https://blog.celsius.network/a-memo-to-the-celsius-community-59532a06ecc6'],
  testUrls: {
    match: ['https://celsius.network/', 'https://app.celsius.network/'],
    noMatch: ['https://celsius-network-claims.com/', 'https://www.celsius.com/', 'https://en.wikipedia.org/wiki/Celsius'],
  },
});
