import { defineExchange } from './types';

export default defineExchange({
  id: 'wazirx',
  name: 'WazirX',
  domains: ['wazirx.com'],
  brandTokens: ['wazirx'],
  ownTokens: ['WRX'],
  // Withdrawals froze after the July 2024 hack; a restructuring scheme approved by the Singapore High Court
  // in 2025 let it start returning funds and reinstating operations.
  status: { kind: 'operating', checkedOn: '2026-12-04' },
  incidents: [
    {
      kind: 'hack',
      date: '2024-07-18',
      summary: 'A Safe multisig wallet was drained of about $230 million (roughly 45% of reserves), attributed to the Lazarus Group.',
      source: 'https://www.thehindubusinessline.com/money-and-banking/cryptocurrency/indias-largest-crypto-exchange-wazirx-reports-security-breach/article68418820.ece',
    },
    {
      kind: 'withdrawal-halt',
      date: '2024-07-18',
      summary: 'INR and crypto withdrawals were paused after the hack and stayed frozen through a Singapore court restructuring.',
      source: 'https://wazirx.com/blog/preliminary-report-cyber-attack-on-wazirx-multisig-wallet/',
    },
  ],
  sources: ['https://wazirx.com/'],
  testUrls: {
    match: ['https://wazirx.com/', 'https://wazirx.com/exchange/BTC-INR'],
    noMatch: ['https://wazirx-refund-claim.com/', 'https://coindcx.com/', 'https://www.wazir.com/'],
  },
});
