import { defineExchange } from './types';

/**
 * BTCX is run by Goobit AB in Stockholm; its site lives on the short domain bt.cx, so phishing hosts
 * spell the brand out as "btcx".
 */
export default defineExchange({
  id: 'btcx',
  name: 'BTCX',
  domains: ['bt.cx'],
  brandTokens: ['btcx'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://bt.cx/en/terms', 'https://payments.bt.cx/en/news'],
  testUrls: {
    match: ['https://bt.cx/en/', 'https://payments.bt.cx/en/news'],
    noMatch: ['https://btcx-login.se/', 'https://safello.com/', 'https://www.btc.com/'],
  },
});
