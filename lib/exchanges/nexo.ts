import { defineExchange } from './types';

export default defineExchange({
  id: 'nexo',
  name: 'Nexo',
  domains: ['nexo.com'],
  // "nexo" is a short word (Spanish/Portuguese for "link"): weak evidence on its own.
  brandTokens: ['nexo'],
  ownTokens: ['NEXO'],
  status: { kind: 'operating' },
  incidents: [
    {
      kind: 'regulatory',
      date: '2023-01-19',
      summary: 'Agreed to pay $45 million ($22.5 million to the SEC, $22.5 million to state regulators) for not registering its Earn Interest Product, and to stop offering it to US investors.',
      source: 'https://blockchain.bakermckenzie.com/2023/01/31/nexo-agrees-to-pay-45-million-fine-for-its-earn-interest-product/',
    },
  ],
  sources: [
    'https://nexo.com/',
    'https://www.leaprate.com/cryptocurrency/exchange/nexo-settles-charges-with-sec-agrees-to-pay-45-million-for-us-securities-law-violations/',
  ],
  testUrls: {
    match: ['https://nexo.com/', 'https://platform.nexo.com/'],
    noMatch: ['https://nexo-loan-verify.com/', 'https://www.nexon.com/', 'https://www.celsius.network/'],
  },
});
