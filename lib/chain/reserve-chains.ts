import { reserveAddressLists, reserveTokens } from './reserve-addresses';
import { defillamaSymbolCandidates } from './compare-reserves';

/** An EVM chain a published wallet list may be on: display name, DefiLlama's name for it, its own coin. */
export interface ReserveChain {
  chainId: number;
  name: string;
  /** The chain's key in DefiLlama's `chainTvls`. */
  defillama: string;
  /** Symbol of the chain's own coin, as the check labels it. */
  native: string;
}

export const reserveChains: Readonly<Record<number, ReserveChain>> = {
  1: { chainId: 1, name: 'Ethereum', defillama: 'Ethereum', native: 'ETH' },
  10: { chainId: 10, name: 'OP Mainnet', defillama: 'Optimism', native: 'ETH' },
  137: { chainId: 137, name: 'Polygon', defillama: 'Polygon', native: 'POL' },
  42161: { chainId: 42161, name: 'Arbitrum One', defillama: 'Arbitrum', native: 'ETH' },
  43114: { chainId: 43114, name: 'Avalanche C-Chain', defillama: 'Avalanche', native: 'AVAX' },
};

/**
 * Per DefiLlama chain, the DefiLlama symbols the reserve check can be set beside: the chain's
 * own coin (with its aliases) and every token the check reads there. Only these amounts are
 * kept from `/protocol/<slug>`; the rest of the breakdown is hundreds of coins nothing compares.
 */
export function defillamaAmountKeys(): Record<string, string[]> {
  const keys: Record<string, Set<string>> = {};
  const chainIds = new Set([...Object.keys(reserveChains).map(Number), ...reserveAddressLists.map((list) => list.chainId)]);
  for (const chainId of chainIds) {
    const chain = reserveChains[chainId];
    if (chain === undefined) continue;
    const set = (keys[chain.defillama] ??= new Set());
    for (const key of defillamaSymbolCandidates({ symbol: chain.native, native: true })) set.add(key);
    for (const token of reserveTokens.filter((item) => item.chainId === chainId)) {
      for (const key of defillamaSymbolCandidates({ symbol: token.symbol, native: false })) set.add(key);
    }
  }
  return Object.fromEntries(Object.entries(keys).map(([chain, set]) => [chain, [...set].sort()]));
}
