import { defineExchange } from './types';

export default defineExchange({
  id: 'nexo',
  name: 'Nexo',
  domains: ['nexo.com'],
  // "nexo" is a short word (Spanish/Portuguese for "link"): weak evidence on its own.
  brandTokens: ['nexo'],
  ownTokens: ['NEXO'],
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'regulatory',
      date: '2023-01-19',
      summary: 'Agreed to pay $45 million ($22.5 million to the SEC, $22.5 million to state regulators) for not registering its Earn Interest Product, and to stop offering it to US investors.',
      source: 'https://www.sec.gov/news/press-release/2023-11',
    },
  ],
  sources: ['https://nexo.com/'],
  testUrls: {
    match: ['https://nexo.com/', 'https://platform.nexo.com/'],
    noMatch: ['https://nexo-loan-verify.com/', 'https://www.nexon.com/', 'https://www.celsius.network/'],
  },
});
