import { defineExchange } from './types';

export default defineExchange({
  id: 'blockfi',
  name: 'BlockFi',
  domains: ['blockfi.com'],
  brandTokens: ['blockfi'],
  ownTokens: [],
  status: {
    kind: 'collapsed',
    checkedOn: '2026-12-04',
    date: '2022-11-10',
    history: 'The crypto lender paused withdrawals after FTX collapsed, citing significant exposure to it, and filed for Chapter 11 in New Jersey on 28 November 2022.',
    source: 'https://ofi.la.gov/blockfi-inc-files-chapter-11-bankruptcy/',
  },
  incidents: [
    {
      kind: 'withdrawal-halt',
      date: '2022-11-10',
      summary: 'Paused client withdrawals, citing a lack of clarity on the status of FTX and Alameda.',
      source: 'https://www.coindesk.com/business/2022/11/10/crypto-lender-blockfi-pauses-withdrawals-in-wake-of-ftx-collapse',
    },
    {
      kind: 'insolvency',
      date: '2022-11-28',
      summary: 'BlockFi Inc. and eight affiliates filed for Chapter 11 (D.N.J. case 22-19361).',
      source: 'https://ofi.la.gov/blockfi-inc-files-chapter-11-bankruptcy/',
    },
  ],
  sources: ['https://ofi.la.gov/blockfi-inc-files-chapter-11-bankruptcy/', 'https://restructuring.ra.kroll.com/BlockFi'],
  testUrls: {
    match: ['https://blockfi.com/', 'https://www.blockfi.com/'],
    noMatch: ['https://blockfi-claims.com/', 'https://www.block.xyz/'],
  },
});
