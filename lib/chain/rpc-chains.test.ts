import { describe, expect, test } from 'vitest';
import { networks } from '../custody/networks';
import { holdingChainIds } from '../holdings/holding-tokens';
import { parseSettings, rpcUrlForChain } from '../settings';
import { reserveAddressLists } from './reserve-addresses';
import { reserveChains } from './reserve-chains';
import { rpcChains } from './rpc-chains';

describe('rpcChains', () => {
  test("covers the guide's EVM networks by their names, the reserve lists' chains and the watched-address chains, each once", () => {
    const ids = rpcChains.map((chain) => chain.chainId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const network of networks.filter((item) => item.family === 'evm')) {
      expect(rpcChains).toContainEqual({ chainId: network.chainId, name: network.name });
    }
    for (const list of reserveAddressLists.filter((item) => reserveChains[item.chainId] !== undefined)) expect(ids).toContain(list.chainId);
    for (const chainId of holdingChainIds) expect(ids).toContain(chainId);
  });

  test('an endpoint stored for every one of them validates and is the one read for that chain', () => {
    const chainRpcUrls = Object.fromEntries(rpcChains.map(({ chainId }) => [String(chainId), `https://rpc-${chainId}.example.org`]));
    const settings = parseSettings({ rpcUrl: 'https://main.example.org', chainRpcUrls });
    expect(settings.chainRpcUrls).toEqual(chainRpcUrls);
    for (const { chainId } of rpcChains) expect(rpcUrlForChain({ settings, chainId })).toBe(`https://rpc-${chainId}.example.org`);
  });
});
