import { defineExchange } from './types';

export default defineExchange({
  id: 'bittrex',
  name: 'Bittrex',
  domains: ['bittrex.com'],
  brandTokens: ['bittrex'],
  ownTokens: [],
  status: {
    kind: 'closed',
    checkedOn: '2026-12-04',
    date: '2023-12-04',
    history: 'Bittrex wound down its US exchange in April 2023 and filed for Chapter 11 in May; Bittrex Global disabled all trading on 4 December 2023, leaving withdrawals only.',
    source: 'https://www.theblock.co/post/263875/bittrex-global-to-wind-down-operations-urges-customers-to-withdraw-funds',
  },
  incidents: [
    {
      kind: 'regulatory',
      date: '2023-04-30',
      summary: 'Bittrex US ceased operations after regulatory pressure; the SEC charged it with running an unregistered exchange.',
      source: 'https://www.sec.gov/news/press-release/2023-78',
    },
  ],
  sources: [
    'https://www.theblock.co/post/263875/bittrex-global-to-wind-down-operations-urges-customers-to-withdraw-funds',
    'https://www.coindesk.com/policy/2023/03/31/crypto-exchange-bittrex-to-wind-down-us-operations-next-month',
  ],
  testUrls: {
    match: ['https://bittrex.com/', 'https://global.bittrex.com/account/login'],
    noMatch: ['https://bittrex-global-withdraw.com/', 'https://www.bitrue.com/'],
  },
});
