import { defineExchange } from './types';

export default defineExchange({
  id: 'mercado-bitcoin',
  name: 'Mercado Bitcoin',
  domains: ['mercadobitcoin.com.br'],
  brandTokens: ['mercadobitcoin'],
  ownTokens: [],
  status: { kind: 'operating', checkedOn: '2026-11-25' },
  sources: ['https://www.mercadobitcoin.com.br/'],
  testUrls: {
    match: ['https://www.mercadobitcoin.com.br/', 'https://www.mercadobitcoin.com.br/plataforma'],
    noMatch: ['https://mercadobitcoin-suporte.com/', 'https://www.mercadolivre.com.br/', 'https://bitso.com/'],
  },
});
