import { defineExchange } from './types';

export default defineExchange({
  id: 'revolut',
  name: 'Revolut',
  // revolut.me carries Revolut.Me, the payment page with a username in its address that Revolut's own terms
  // describe ("Payment Terms - Revolut.Me" on revolut.com, read 2026-12-06).
  domains: ['revolut.com', 'revolut.me'],
  brandTokens: ['revolut'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.revolut.com/', 'https://www.revolut.com/en-IS/legal/payment-terms-revme/'],
  testUrls: {
    match: ['https://www.revolut.com/crypto/', 'https://app.revolut.com/', 'https://revolut.me/'],
    noMatch: ['https://revolut-secure-login.com/', 'https://www.revolution.com/', 'https://www.etoro.com/'],
  },
});
