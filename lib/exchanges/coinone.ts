import { defineExchange } from './types';

export default defineExchange({
  id: 'coinone',
  name: 'Coinone',
  domains: ['coinone.co.kr'],
  brandTokens: ['coinone'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://coinone.co.kr/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://coinone.co.kr/', 'https://coinone.co.kr/exchange/trade/btc/krw'],
    noMatch: ['https://coinone-kr-event.com/', 'https://www.korbit.co.kr/', 'https://www.coinbase.com/'],
  },
});
