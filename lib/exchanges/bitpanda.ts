import { defineExchange } from './types';

export default defineExchange({
  id: 'bitpanda',
  name: 'Bitpanda',
  domains: ['bitpanda.com'],
  brandTokens: ['bitpanda'],
  // BEST (Bitpanda Ecosystem Token) is an ERC-20 token issued by Bitpanda GmbH.
  ownTokens: ['BEST'],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.bitpanda.com/en/legal/bitpanda-ecosystem-token-best-2-0-terms-explanatory-notes', 'https://blog.bitpanda.com/en/whats-difference-between-best-and-other-exchange-tokens'],
  testUrls: {
    match: ['https://www.bitpanda.com/en', 'https://web.bitpanda.com/'],
    noMatch: ['https://bitpanda-kyc-update.com/', 'https://www.bitvavo.com/', 'https://www.panda.com/'],
  },
});
