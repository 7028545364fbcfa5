import type { Address } from 'viem';

/**
 * EVM reserve wallets that exchanges themselves published, with where we read each list and
 * the date it describes. A list is a snapshot: exchanges add and retire wallets, so an on-chain
 * total from an old list can differ from the exchange's figure for honest reasons.
 */
export interface ReserveAddressList {
  /** Registry id (lib/exchanges). */
  exchangeId: string;
  chainId: number;
  addresses: readonly Address[];
  /** Where the exchange published the addresses. */
  publishedAt: string;
  /** Where we read them, when that is not the exchange's page itself. */
  readFrom: string;
  /** The date the list describes (ISO date). */
  asOf: string;
  /** Plain words shown beside the check (components/verify/ReserveCheck.tsx); English, and with no date: the list's own (`asOf`) is said above it, in the reader's format. */
  note?: string;
  /** The exchange published more wallets than this list holds: the page then says our list is only part of theirs. */
  partial?: true;
}

export const reserveAddressLists: readonly ReserveAddressList[] = [
  {
    exchangeId: 'deribit',
    chainId: 1,
    addresses: [
      '0x77021d475E36b3ab1921a0e3A8380f069d3263de',
      '0x5f397B62502e255f68382791947D54C4B2d37F09',
      '0xcfee6efec3471874022e205f4894733c42cbbf64',
      '0x2eeD6a08Fb89a5CD111efA33f8DcA46CfbEB370f',
      '0x6B378bE3c9642ccF25b1A27faCb8ace24aC34A12',
      '0xA7e15eF7C01B58eBe5eF74Aa73625Ae4b11FE754',
      '0x062448f804191128d71fc72e10a1d13bd7308e7e',
      '0xA0F6121319a34f24653fB82aDdC8dD268Af5b9e1',
      '0x904cC2B2694FFa78F04708D6F7dE205108213126',
      '0x63F41034871535ceE49996Cc47719891Fe03dff9',
      '0x58F56615180A8eeA4c462235D9e215F72484B4A3',
      '0x1baE874af9f81B8F93315b27F080260Da4702D3a',
      '0x2563328d58AC7eE9e930E89C29Ce96046a291207',
      '0x866c9a77d8Ab71d2874703e80cb7aD809b301e8e',
      '0xCf2027AAB22980820F0767d9f214CDBD2AA2428D',
      '0xACd41f0dA1A84f5543c84a33864e025cE30C099D',
    ],
    publishedAt: 'https://insights.deribit.com/exchange-updates/deribit-wallet-holdings/',
    readFrom: 'https://github.com/DefiLlama/DefiLlama-Adapters/blob/20572fc493e9086fcd6323e0688c3b51fca6e8e6/projects/deribit/index.js',
    asOf: '2024-06-26',
    note: "The last six were added on the day the list describes; the first ten come from Deribit's proof-of-reserves post (https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/).",
    // Provenance (for maintainers, kept out of the bundle): The last six were added to the list on 2024-06-26; the first ten come from Deribit's proof-of-reserves post (https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/).
  },
  {
    exchangeId: 'okx',
    chainId: 1,
    addresses: ['0x0cdcdb19a857c2ac24818ca4fdfe38cce071483e', '0x16f01cfc16b0b8c3400fb8e5099b0974fcc9fc12', '0x57e2dcd253527a0f70c6a3de3556f6e6e163f19c'],
    publishedAt: 'https://github.com/okx/proof-of-reserves/blob/2962a895166bacd56c1ad7ec21fd5aef85617d48/example/okx_por_example.csv',
    readFrom: 'https://github.com/okx/proof-of-reserves/blob/2962a895166bacd56c1ad7ec21fd5aef85617d48/example/okx_por_example.csv',
    asOf: '2024-11-08',
    partial: true,
    note: 'Rows of OKX\'s example reserve file (added on the day the list describes), each with a signed "I am an OKX address" message, at Ethereum snapshot height 20914735; OKX\'s full list is at https://www.okx.com/proof-of-reserves/download. The third is a 2-of-2 contract wallet owned by the first two.',
    // Provenance (for maintainers, kept out of the bundle): Rows of OKX's example reserve file (added 2024-11-08, commit f4c901d), each with a signed "I am an OKX address" message, at Ethereum snapshot height 20914735; OKX's full list is the CSV at https://www.okx.com/proof-of-reserves/download. The third is a 2-of-2 contract wallet owned by the first two.
  },
];

export interface ReserveTokenInfo {
  chainId: number;
  symbol: string;
  address: Address;
  source: string;
  asOf: string;
}

const OKX_RPC_CONFIG = 'https://github.com/okx/proof-of-reserves/blob/08f1232c5a8ba0048f4b362f1fd1ab3548c4183b/example/rpc.json';

/**
 * Token contracts the reserve check reads, as configured in OKX's own balance checker.
 * Decimals are read on-chain (`decimals()`), not stored.
 */
export const reserveTokens: readonly ReserveTokenInfo[] = [
  { chainId: 1, symbol: 'USDT', address: '0xdac17f958d2ee523a2206206994597c13d831ec7', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 1, symbol: 'USDC', address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 1, symbol: 'OKB', address: '0x75231f58b43240c9718dd58b4967c5114342a86c', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 137, symbol: 'USDT', address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 137, symbol: 'USDC', address: '0x2791bca1f2de4661ed88a30c99a7a9449aa84174', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 42161, symbol: 'USDT', address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 10, symbol: 'USDT', address: '0x94b008aA00579c1307B0EF2c499aD98a8ce58e58', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 43114, symbol: 'USDT', address: '0x9702230A8Ea53601f5cD2dc00fDBc13d4dF4A8c7', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
  { chainId: 43114, symbol: 'USDC', address: '0xb97ef9ef8734c71904d8002f8b6bc66dd9c48a6e', source: OKX_RPC_CONFIG, asOf: '2024-11-25' },
];

/** Multicall3, deployed at the same address on most EVM chains (https://github.com/mds1/multicall). */
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';
