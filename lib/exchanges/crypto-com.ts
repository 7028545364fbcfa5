import { defineExchange } from './types';

export default defineExchange({
  id: 'crypto-com',
  name: 'Crypto.com',
  domains: ['crypto.com'],
  // The brand is a domain name; phishing hosts write it dotless or hyphenated (cryptocom-, crypto-com-).
  brandTokens: ['cryptocom'],
  ownTokens: ['CRO'],
  defillamaSlug: 'crypto-com',
  status: { kind: 'operating' },
  porUrl: 'https://crypto.com/proof-of-reserves',
  sources: [
    'https://crypto.com/proof-of-reserves',
    'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts',
  ],
  testUrls: {
    match: ['https://crypto.com/', 'https://crypto.com/exchange/trade/BTC_USD', 'https://www.crypto.com/eea'],
    noMatch: ['https://cryptocom-verify-wallet.com/', 'https://crypto-com-support.net/', 'https://www.cryptocompare.com/'],
  },
});
