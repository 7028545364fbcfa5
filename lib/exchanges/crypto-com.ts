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
  incidents: [
    {
      kind: 'hack',
      date: '2022-01-17',
      summary:
        'Withdrawals from 483 accounts were approved without 2FA (4,836 ETH and 444 BTC, about $34 million); withdrawals paused about 14 hours and users were reimbursed.',
      source: 'https://blockchainassetreview.com/hacked-crypto-com-user-account-breached-held-cryptocurrencies-worth-34mn/',
    },
  ],
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
