import type { NetworkFamily, NetworkId } from './networks';

/**
 * Each network's address family, apart from the network table (lib/custody/networks.ts), which brings viem's chain
 * definitions with it: the look-alike comparison (lib/custody/poisoning.ts) runs in the background too, whose bundle has
 * a size budget. network-families.test.ts holds this table to the network table's own `family`.
 */
export const NETWORK_FAMILIES: Readonly<Record<NetworkId, NetworkFamily>> = {
  ethereum: 'evm',
  arbitrum: 'evm',
  optimism: 'evm',
  base: 'evm',
  polygon: 'evm',
  bsc: 'evm',
  'avalanche-c': 'evm',
  bitcoin: 'bitcoin-like',
  litecoin: 'bitcoin-like',
  dogecoin: 'bitcoin-like',
  solana: 'solana',
  tron: 'tron',
  xrp: 'xrp',
  ton: 'ton',
  cosmos: 'cosmos',
  osmosis: 'cosmos',
};

/** The family of a known network id; undefined for anything else (storage can hold anything). */
export function familyOf(network: string): NetworkFamily | undefined {
  return Object.hasOwn(NETWORK_FAMILIES, network) ? NETWORK_FAMILIES[network as NetworkId] : undefined;
}
