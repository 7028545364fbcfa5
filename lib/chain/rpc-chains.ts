import { networks } from '../custody/networks';
import { usableRpcUrl, type Settings } from '../settings';
import { holdingChainIds, holdingChainNames } from '../holdings/holding-tokens';
import { reserveAddressLists } from './reserve-addresses';
import { reserveChains } from './reserve-chains';

/** A chain the user may give its own endpoint, with the name the options page shows for it. */
export interface RpcChain {
  chainId: number;
  name: string;
}

function collectRpcChains(): RpcChain[] {
  const chains = new Map<number, string>();
  // The guide's network table comes first and names the chains: its words send the user to the options for "this network".
  for (const network of networks) {
    if (network.family === 'evm' && network.chainId !== undefined && !chains.has(network.chainId)) chains.set(network.chainId, network.name);
  }
  for (const { chainId } of reserveAddressLists) {
    const chain = reserveChains[chainId];
    if (chain !== undefined && !chains.has(chainId)) chains.set(chainId, chain.name);
  }
  for (const chainId of holdingChainIds) {
    if (!chains.has(chainId)) chains.set(chainId, holdingChainNames[chainId] ?? String(chainId));
  }
  return [...chains].map(([chainId, name]) => ({ chainId, name }));
}

/**
 * Every chain read through the user's endpoints: the guide's EVM networks (arrival watch), the
 * chains of the reserve check's wallet lists, and the chains watched addresses cover.
 */
export const rpcChains: readonly RpcChain[] = collectRpcChains();

/**
 * The endpoints stored but used for nothing (plain http to another computer), one for each options field that holds
 * one, in the fields' order (the main one first): an import keeps them as the file has them, and says they are not in
 * use. A chain the page has no field for is left out: nothing reads it, and the user could not replace it there.
 */
export function unusedRpcUrls(settings: Pick<Settings, 'rpcUrl' | 'chainRpcUrls'>): string[] {
  const stored = [settings.rpcUrl, ...rpcChains.map(({ chainId }) => settings.chainRpcUrls[String(chainId)])];
  return stored.filter((url): url is string => url !== undefined && usableRpcUrl(url) === undefined);
}
