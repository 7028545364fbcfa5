import type { Address } from 'viem';

/**
 * The ERC-20s read at a watched self-custody address, per chain. Each contract address is
 * copied from the page named in `source`; `asOf` is the date the page was read. Decimals are not
 * retyped here: the balance read asks each contract's `decimals()` in the same Multicall3
 * request, so a wrong figure cannot creep in.
 */
export interface HoldingToken {
  chainId: number;
  symbol: string;
  address: Address;
  /** Known decimals skip the on-chain `decimals()` read (used by tests with their own tokens). */
  decimals?: number;
  source: string;
  asOf: string;
}

const CIRCLE_USDC = 'https://developers.circle.com/stablecoins/usdc-contract-addresses';
const OKX_RPC_CONFIG = 'https://github.com/okx/proof-of-reserves/blob/08f1232c5a8ba0048f4b362f1fd1ab3548c4183b/example/rpc.json';
const UNISWAP_TOKENS = 'https://github.com/Uniswap/interface/blob/ae6fb88a43aa8dffa714e5e2bfd6580b1310f21f/apps/web/src/constants/tokens.ts';
const ETHERSCAN_WETH = 'https://etherscan.io/token/0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
const READ = '2026-11-25';

export const holdingTokens: readonly HoldingToken[] = [
  // Ethereum
  { chainId: 1, symbol: 'USDT', address: '0xdAC17F958D2ee523a2206206994597C13D831ec7', source: OKX_RPC_CONFIG, asOf: READ },
  { chainId: 1, symbol: 'USDC', address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', source: CIRCLE_USDC, asOf: READ },
  { chainId: 1, symbol: 'WETH', address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', source: ETHERSCAN_WETH, asOf: READ },
  { chainId: 1, symbol: 'WBTC', address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', source: UNISWAP_TOKENS, asOf: READ },
  // Arbitrum One
  { chainId: 42161, symbol: 'USDT', address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', source: OKX_RPC_CONFIG, asOf: READ },
  { chainId: 42161, symbol: 'USDC', address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', source: CIRCLE_USDC, asOf: READ },
  { chainId: 42161, symbol: 'WETH', address: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', source: UNISWAP_TOKENS, asOf: READ },
  { chainId: 42161, symbol: 'WBTC', address: '0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f', source: UNISWAP_TOKENS, asOf: READ },
  // Base
  { chainId: 8453, symbol: 'USDC', address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', source: CIRCLE_USDC, asOf: READ },
  { chainId: 8453, symbol: 'WETH', address: '0x4200000000000000000000000000000000000006', source: UNISWAP_TOKENS, asOf: READ },
  // Polygon PoS
  { chainId: 137, symbol: 'USDT', address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', source: OKX_RPC_CONFIG, asOf: READ },
  { chainId: 137, symbol: 'USDC', address: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359', source: CIRCLE_USDC, asOf: READ },
  { chainId: 137, symbol: 'WETH', address: '0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619', source: UNISWAP_TOKENS, asOf: READ },
  { chainId: 137, symbol: 'WBTC', address: '0x1BFD67037B42Cf73acF2047067bd4F2C47D9BfD6', source: UNISWAP_TOKENS, asOf: READ },
];

/** How pages name the chains the table covers. */
export const holdingChainNames: Readonly<Record<number, string>> = { 1: 'Ethereum', 42161: 'Arbitrum One', 8453: 'Base', 137: 'Polygon PoS' };

/** Chains the table covers, in the order the UI offers them. */
export const holdingChainIds: readonly number[] = [...new Set(holdingTokens.map((token) => token.chainId))];

export function holdingTokensFor(chainId: number): HoldingToken[] {
  return holdingTokens.filter((token) => token.chainId === chainId);
}
