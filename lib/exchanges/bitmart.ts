import { defineExchange } from './types';

export default defineExchange({
  id: 'bitmart',
  name: 'BitMart',
  domains: ['bitmart.com'],
  brandTokens: ['bitmart'],
  ownTokens: ['BMX'],
  defillamaSlug: 'bitmart',
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2021-12-04',
      summary: 'A stolen private key let attackers drain an Ethereum and a BNB Smart Chain hot wallet of about $196 million; withdrawals were suspended and users compensated.',
      source: 'https://www.coindesk.com/business/2021/12/05/crypto-exchange-bitmart-hacked-with-losses-estimated-at-196-million/',
    },
  ],
  sources: ['https://www.bitmart.com/', 'https://github.com/DefiLlama/defillama-server/blob/master/defi/src/protocols/cex.ts'],
  testUrls: {
    match: ['https://www.bitmart.com/en-US', 'https://www.bitmart.com/trade/en-US?symbol=BTC_USDT'],
    noMatch: ['https://bitmart-claim.com/', 'https://www.walmart.com/', 'https://www.bitget.com/'],
  },
});
