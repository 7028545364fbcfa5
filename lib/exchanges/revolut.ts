import { defineExchange } from './types';

export default defineExchange({
  id: 'revolut',
  name: 'Revolut',
  domains: ['revolut.com'],
  brandTokens: ['revolut'],
  ownTokens: [],
  status: { kind: 'operating' },
  sources: ['https://www.revolut.com/'],
  testUrls: {
    match: ['https://www.revolut.com/crypto/', 'https://app.revolut.com/'],
    noMatch: ['https://revolut-secure-login.com/', 'https://www.revolution.com/', 'https://www.etoro.com/'],
  },
});
