import { describe, expect, test } from 'vitest';
import { networks } from '../custody/networks';
import { holdingChainIds } from '../holdings/holding-tokens';
import { defaultSettings, parseSettings, rpcUrlForChain } from '../settings';
import { reserveAddressLists } from './reserve-addresses';
import { reserveChains } from './reserve-chains';
import { rpcChains, unusedRpcUrls } from './rpc-chains';

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

describe('unusedRpcUrls', () => {
  test('the endpoints kept but used for nothing are listed one for each field that holds one, the main one first, for the import answer to name', () => {
    const settings = parseSettings({
      rpcUrl: 'http://example.com',
      chainRpcUrls: { '8453': 'http://base.example.com', '10': 'http://example.com', '42161': 'https://arb.example.org', '137': 'http://127.0.0.1:8545' },
    });
    // In the order of the page's fields: the main one, then Arbitrum, OP Mainnet, Base, Polygon…
    expect(unusedRpcUrls(settings)).toEqual(['http://example.com', 'http://example.com', 'http://base.example.com']);
    expect(unusedRpcUrls(parseSettings({ rpcUrl: 'https://eth.example.org' }))).toEqual([]);
    expect(unusedRpcUrls(defaultSettings)).toEqual([]);
  });

  // A chain the page has no field for is read by nothing: the user could not fix it there, so it is not named.
  test('an endpoint for a chain the options page has no field for is not listed', () => {
    expect(unusedRpcUrls(parseSettings({ chainRpcUrls: { '999999': 'http://x.example' } }))).toEqual([]);
  });
});
