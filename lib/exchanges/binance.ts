import { defineExchange } from './types';

export default defineExchange({
  id: 'binance',
  name: 'Binance',
  domains: ['binance.com', 'binance.me', 'binance.info'],
  brandTokens: ['binance'],
  ownTokens: ['BNB'],
  defillamaSlug: 'binance-cex',
  status: { kind: 'operating' },
  porUrl: 'https://www.binance.com/en/proof-of-reserves',
  withdrawal: {
    url: 'https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/{asset}',
    source: 'https://www.binance.com/en/support/faq/how-to-withdraw-crypto-from-binance-115003670492',
  },
  sources: ['https://www.binance.com/en/proof-of-reserves'],
  testUrls: {
    match: ['https://www.binance.com/en/trade/BTC_USDT', 'https://accounts.binance.com/en/login', 'https://binance.me/'],
    noMatch: ['https://binance-login.com/', 'https://www.binance.us/', 'https://finance.yahoo.com/'],
  },
});
