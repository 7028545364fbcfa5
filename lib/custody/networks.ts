import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon } from 'viem/chains';
import type { Chain } from 'viem';

/**
 * The networks a withdrawal can go out on. Address formats are a property of the *family*;
 * fees, minimums and memo rules are a property of the *network*.
 */
export const networkIds = [
  'ethereum',
  'arbitrum',
  'optimism',
  'base',
  'polygon',
  'bsc',
  'avalanche-c',
  'bitcoin',
  'litecoin',
  'dogecoin',
  'solana',
  'tron',
  'xrp',
  'ton',
  'cosmos',
  'osmosis',
] as const;

export type NetworkId = (typeof networkIds)[number];

export type NetworkFamily = 'evm' | 'bitcoin-like' | 'solana' | 'tron' | 'xrp' | 'ton' | 'cosmos';

/**
 * A rule of the network that decides whether a transfer arrives or is usable: a reserve,
 * a dust limit, a memo. Each one names the page that documents it.
 */
export interface NetworkRequirement {
  /** Stable id the words key on (lib/words/guide-text.ts REQUIREMENT); the fact itself is told in a comment beside it. */
  code: 'account-reserve' | 'owner-reserve' | 'destination-tag' | 'memo' | 'dust-limit' | 'rent-exempt-minimum' | 'activation' | 'same-address-all-evm' | 'bounceable-flag' | 'gas-token';
  /** Documented amount in the native asset, where the rule is an amount. */
  amount?: string;
  /** Where the rule is documented. */
  source: string;
  /** The date the documented value took effect or was read, `YYYY-MM-DD`. */
  asOf?: string;
}

export interface NetworkDefinition {
  id: NetworkId;
  name: string;
  /** What exchanges usually call it in their network drop-down ("ERC20", "TRC20", "BEP20"). */
  exchangeLabels: readonly string[];
  family: NetworkFamily;
  /** EIP-155 chain id, EVM networks only. */
  chainId?: number;
  nativeAsset: string;
  /** Tickers commonly withdrawn on this network (not exhaustive, not an endorsement). */
  commonAssets: readonly string[];
  /** `{address}` is replaced by the address. */
  explorerAddressUrl: string;
  /** Human-readable part of bech32 addresses for cosmos-family chains. */
  bech32Prefix?: string;
  requirements: readonly NetworkRequirement[];
}

function evmExplorer(chain: Chain): string {
  // viem's chain table is the source: we read it rather than retype URLs.
  const url = chain.blockExplorers?.default.url ?? '';
  return `${url}/address/{address}`;
}

const VIEM_CHAINS_SOURCE = 'https://github.com/wevm/viem/tree/main/src/chains/definitions';

const sameAddressAllEvm: NetworkRequirement = {
  code: 'same-address-all-evm',
  // One 0x address is the same account on every EVM network: funds sent on a network the wallet does not list are there, but only show (and move) once the wallet adds that network.
  source: 'https://ethereum.org/en/developers/docs/accounts/',
};

const gasToken: NetworkRequirement = {
  code: 'gas-token',
  // Moving tokens later costs a fee in the network's own coin; keep a little of it at the address or what was withdrawn cannot be moved.
  source: 'https://ethereum.org/en/developers/docs/gas/',
};

export const networks: readonly NetworkDefinition[] = [
  {
    id: 'ethereum',
    name: 'Ethereum',
    exchangeLabels: ['ERC20', 'ETH', 'Ethereum'],
    family: 'evm',
    chainId: mainnet.id,
    nativeAsset: mainnet.nativeCurrency.symbol,
    commonAssets: ['ETH', 'USDT', 'USDC', 'DAI', 'WBTC'],
    explorerAddressUrl: evmExplorer(mainnet),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'arbitrum',
    name: 'Arbitrum One',
    exchangeLabels: ['Arbitrum One', 'ARB', 'ARBITRUM'],
    family: 'evm',
    chainId: arbitrum.id,
    nativeAsset: arbitrum.nativeCurrency.symbol,
    commonAssets: ['ETH', 'USDC', 'USDT', 'ARB'],
    explorerAddressUrl: evmExplorer(arbitrum),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'optimism',
    name: 'OP Mainnet (Optimism)',
    exchangeLabels: ['Optimism', 'OP', 'OPTIMISM'],
    family: 'evm',
    chainId: optimism.id,
    nativeAsset: optimism.nativeCurrency.symbol,
    commonAssets: ['ETH', 'USDC', 'USDT', 'OP'],
    explorerAddressUrl: evmExplorer(optimism),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'base',
    name: 'Base',
    exchangeLabels: ['Base', 'BASE'],
    family: 'evm',
    chainId: base.id,
    nativeAsset: base.nativeCurrency.symbol,
    commonAssets: ['ETH', 'USDC'],
    explorerAddressUrl: evmExplorer(base),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'polygon',
    name: 'Polygon PoS',
    exchangeLabels: ['Polygon', 'MATIC', 'POL'],
    family: 'evm',
    chainId: polygon.id,
    nativeAsset: polygon.nativeCurrency.symbol,
    commonAssets: ['POL', 'USDC', 'USDT'],
    explorerAddressUrl: evmExplorer(polygon),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'bsc',
    name: 'BNB Smart Chain',
    exchangeLabels: ['BEP20', 'BSC', 'BNB Smart Chain'],
    family: 'evm',
    chainId: bsc.id,
    nativeAsset: bsc.nativeCurrency.symbol,
    commonAssets: ['BNB', 'USDT', 'USDC'],
    explorerAddressUrl: evmExplorer(bsc),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'avalanche-c',
    name: 'Avalanche C-Chain',
    exchangeLabels: ['AVAXC', 'Avalanche C-Chain', 'AVAX C-Chain'],
    family: 'evm',
    chainId: avalanche.id,
    nativeAsset: avalanche.nativeCurrency.symbol,
    commonAssets: ['AVAX', 'USDC', 'USDT'],
    explorerAddressUrl: evmExplorer(avalanche),
    requirements: [sameAddressAllEvm, gasToken],
  },
  {
    id: 'bitcoin',
    name: 'Bitcoin',
    exchangeLabels: ['BTC', 'Bitcoin', 'SegWit'],
    family: 'bitcoin-like',
    nativeAsset: 'BTC',
    commonAssets: ['BTC'],
    explorerAddressUrl: 'https://mempool.space/address/{address}',
    requirements: [
      {
        code: 'dust-limit',
        // Bitcoin nodes by default refuse to relay outputs below the dust threshold: 546 satoshis for a legacy (1…) address and 294 satoshis for a native segwit (bc1q…) address at the default dust relay fee of 3000 sat/kvB. A test transaction must be larger, and in practice larger than the exchange minimum.
        amount: '0.00000546',
        source: 'https://github.com/bitcoin/bitcoin/blob/master/src/policy/policy.cpp',
      },
    ],
  },
  {
    id: 'litecoin',
    name: 'Litecoin',
    exchangeLabels: ['LTC', 'Litecoin'],
    family: 'bitcoin-like',
    nativeAsset: 'LTC',
    commonAssets: ['LTC'],
    explorerAddressUrl: 'https://litecoinspace.org/address/{address}',
    requirements: [],
  },
  {
    id: 'dogecoin',
    name: 'Dogecoin',
    exchangeLabels: ['DOGE', 'Dogecoin'],
    family: 'bitcoin-like',
    nativeAsset: 'DOGE',
    commonAssets: ['DOGE'],
    explorerAddressUrl: 'https://blockchair.com/dogecoin/address/{address}',
    requirements: [
      {
        code: 'dust-limit',
        // Dogecoin Core recommends a 0.01 DOGE dust limit (last updated for Dogecoin Core 1.14.6); its wallet rejects smaller outputs.
        amount: '0.01',
        source: 'https://github.com/dogecoin/dogecoin/blob/master/doc/fee-recommendation.md',
      },
    ],
  },
  {
    id: 'solana',
    name: 'Solana',
    exchangeLabels: ['SOL', 'Solana', 'SPL'],
    family: 'solana',
    nativeAsset: 'SOL',
    commonAssets: ['SOL', 'USDC', 'USDT'],
    explorerAddressUrl: 'https://explorer.solana.com/address/{address}',
    requirements: [
      {
        code: 'rent-exempt-minimum',
        // A new Solana account must receive at least the rent-exempt minimum balance in its first transfer, or the transfer fails. Wallets and RPC nodes report the current figure (getMinimumBalanceForRentExemption); a first test transfer of a few cents of SOL clears it.
        source: 'https://solana.com/docs/rpc/http/getminimumbalanceforrentexemption',
      },
    ],
  },
  {
    id: 'tron',
    name: 'Tron',
    exchangeLabels: ['TRC20', 'TRX', 'Tron'],
    family: 'tron',
    nativeAsset: 'TRX',
    commonAssets: ['TRX', 'USDT'],
    explorerAddressUrl: 'https://tronscan.org/#/address/{address}',
    requirements: [
      {
        code: 'activation',
        // A Tron address becomes an account on its first incoming TRX transfer (or an explicit CreateAccount). The sender pays a one-time activation fee set by chain governance, so a first transfer to a new address costs slightly more.
        source: 'https://tronprotocol.github.io/documentation-en/clients/wallet-cli/java/guide/getting-started/',
      },
    ],
  },
  {
    id: 'xrp',
    name: 'XRP Ledger',
    exchangeLabels: ['XRP', 'XRP Ledger', 'Ripple'],
    family: 'xrp',
    nativeAsset: 'XRP',
    commonAssets: ['XRP', 'RLUSD'],
    explorerAddressUrl: 'https://livenet.xrpl.org/accounts/{address}',
    requirements: [
      {
        code: 'account-reserve',
        // A new XRP Ledger account exists only once it has received at least the base reserve, which it must keep: 1 XRP since validators voted it down from 10 XRP on 2024-12-02. A first transfer smaller than that to a new address fails.
        amount: '1',
        source: 'https://xrpl.org/blog/2024/lower-reserves-are-in-effect',
        asOf: '2024-12-02',
      },
      {
        code: 'owner-reserve',
        // Each object the account owns (a trust line for a token such as RLUSD, an offer, an escrow) locks a further 0.2 XRP.
        amount: '0.2',
        source: 'https://xrpl.org/docs/concepts/accounts/reserves',
        asOf: '2024-12-02',
      },
      {
        code: 'destination-tag',
        // Exchanges receive many customers on one address and tell them apart by destination tag. A wallet you control needs none; an exchange or service address needs the tag it gave you.
        source: 'https://xrpl.org/docs/concepts/transactions/source-and-destination-tags',
      },
    ],
  },
  {
    id: 'ton',
    name: 'TON',
    exchangeLabels: ['TON', 'The Open Network'],
    family: 'ton',
    nativeAsset: 'TON',
    commonAssets: ['TON', 'USDT'],
    explorerAddressUrl: 'https://tonviewer.com/{address}',
    requirements: [
      {
        code: 'bounceable-flag',
        // Send to a wallet with its non-bounceable (UQ…) address. A transfer to a bounceable (EQ…) address of a wallet that has never been used can bounce back to the sender minus fees; wallet apps show the non-bounceable form for receiving.
        source: 'https://docs.ton.org/v3/guidelines/ton-connect/cookbook/ton-transfer',
      },
      {
        code: 'memo',
        // Exchanges and custodians receive many customers on one TON address and tell them apart by a memo (comment). A wallet you control needs none.
        source: 'https://developers.bitgo.com/coins/toncoin',
      },
    ],
  },
  {
    id: 'cosmos',
    name: 'Cosmos Hub',
    exchangeLabels: ['ATOM', 'Cosmos'],
    family: 'cosmos',
    nativeAsset: 'ATOM',
    commonAssets: ['ATOM'],
    explorerAddressUrl: 'https://www.mintscan.io/cosmos/address/{address}',
    bech32Prefix: 'cosmos',
    requirements: [],
  },
  {
    id: 'osmosis',
    name: 'Osmosis',
    exchangeLabels: ['OSMO', 'Osmosis'],
    family: 'cosmos',
    nativeAsset: 'OSMO',
    commonAssets: ['OSMO', 'ATOM', 'USDC'],
    explorerAddressUrl: 'https://www.mintscan.io/osmosis/address/{address}',
    bech32Prefix: 'osmo',
    requirements: [],
  },
];

const byId = new Map<string, NetworkDefinition>(networks.map((network) => [network.id, network]));

export function isNetworkId(value: string): value is NetworkId {
  return byId.has(value);
}

export function getNetwork(id: string): NetworkDefinition | undefined {
  return byId.get(id);
}

export type ExplorerAddressUrlParameters = { network: NetworkId; address: string };

export function explorerAddressUrl({ network, address }: ExplorerAddressUrlParameters): string | undefined {
  const definition = byId.get(network);
  if (definition === undefined) return undefined;
  return definition.explorerAddressUrl.replace('{address}', encodeURIComponent(address));
}
