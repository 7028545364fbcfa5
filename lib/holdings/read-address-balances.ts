import { checkReserves, type ReserveCheckErrorData } from '../chain/reserves-check';
import { networks } from '../custody/networks';
import { holdingTokensFor } from './holding-tokens';
import type { AssetPosition } from './valuation';

/**
 * Balances of the user's watched self-custody addresses on one EVM chain, through the user's
 * own RPC endpoint. Everything — natives via Multicall3 `getEthBalance`, ERC-20 `balanceOf`,
 * and each token's `decimals()` — goes in Multicall3 requests pinned to one block, with
 * per-call failure allowed, so N addresses × M tokens cost about three requests rather than
 * N × (M + 1). The reading itself is the reserve check's (lib/chain/reserves-check.ts); this
 * turns its answer into positions the valuation understands.
 */

export interface ReadAddressBalancesToken {
  symbol: string;
  address: string;
  decimals?: number;
}

export interface ReadAddressBalancesParameters {
  rpcUrl: string;
  /** The endpoint must report this chain, so a mis-set RPC cannot show another chain's balances. */
  chainId: number;
  addresses: readonly string[];
  /** The chain's entries in `holdingTokens` when omitted. */
  tokens?: readonly ReadAddressBalancesToken[];
  /** From the network table when omitted (ETH where the chain is not in it). */
  nativeSymbol?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface AddressBalance {
  address: string;
  chainId: number;
  symbol: string;
  /** Token contract; absent for the native coin. */
  token?: string;
  /** Whole units as a decimal string; absent when the read failed. */
  amount?: string;
  error?: string;
}

export interface ReadAddressBalancesReturnType {
  chainId: number;
  /** False when any read failed or the check stopped: missing balances are unknown, not 0. */
  complete: boolean;
  blockNumber?: string;
  balances: AddressBalance[];
  /** Non-zero balances that were read, as self-custody positions for `custodyShares`. */
  positions: AssetPosition[];
  /** HTTP requests sent to the RPC endpoint. */
  rpcRequests: number;
  /** What one request per balance would have cost: addresses × (tokens + native). */
  naiveRequests: number;
  error?: ReserveCheckErrorData;
}

export async function readAddressBalances(parameters: ReadAddressBalancesParameters): Promise<ReadAddressBalancesReturnType> {
  const { chainId } = parameters;
  const tokens = parameters.tokens ?? holdingTokensFor(chainId);
  const nativeSymbol = parameters.nativeSymbol ?? networks.find((network) => network.chainId === chainId)?.nativeAsset ?? 'ETH';
  const result = await checkReserves({
    rpcUrl: parameters.rpcUrl,
    chainId,
    addresses: parameters.addresses,
    tokens: tokens.map((token) => ({ symbol: token.symbol, address: token.address, ...(token.decimals === undefined ? {} : { decimals: token.decimals }) })),
    nativeSymbol,
    ...(parameters.timeoutMs === undefined ? {} : { timeoutMs: parameters.timeoutMs }),
    ...(parameters.signal === undefined ? {} : { signal: parameters.signal }),
  });
  const balances: AddressBalance[] = result.balances.map((balance) => ({
    address: balance.address,
    chainId,
    symbol: balance.symbol,
    ...(balance.token === undefined ? {} : { token: balance.token }),
    ...(balance.amount === undefined ? {} : { amount: balance.amount }),
    ...(balance.error === undefined ? {} : { error: balance.error }),
  }));
  const positions: AssetPosition[] = [];
  for (const balance of balances) {
    if (balance.amount === undefined) continue;
    const amount = Number(balance.amount);
    if (Number.isFinite(amount) && amount > 0) positions.push({ custodian: 'self', asset: balance.symbol, amount });
  }
  return {
    chainId,
    complete: result.complete,
    ...(result.blockNumber === undefined ? {} : { blockNumber: result.blockNumber }),
    balances,
    positions,
    rpcRequests: result.rpcRequests,
    naiveRequests: result.naiveRequests,
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}
