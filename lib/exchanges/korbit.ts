import { defineExchange } from './types';

export default defineExchange({
  id: 'korbit',
  name: 'Korbit',
  domains: ['korbit.co.kr'],
  brandTokens: ['korbit'],
  ownTokens: [],
  defillamaSlug: 'korbit',
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  porUrl: 'https://korbit.co.kr/reserve',
  sources: ['https://korbit.co.kr/reserve', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://korbit.co.kr/', 'https://www.korbit.co.kr/market'],
    noMatch: ['https://korbit-exchange-kr.com/', 'https://www.coinone.co.kr/', 'https://www.orbit.com/'],
  },
});
