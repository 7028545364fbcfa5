import { describe, expect, it } from 'vitest';
import { explorerAddressUrl, getNetwork, isNetworkId, networkIds, networks } from './networks';

describe('networks table', () => {
  it('has exactly one definition per id, in id order', () => {
    expect(networks.map((network) => network.id)).toEqual([...networkIds]);
  });

  it.each(networks.map((network) => [network.id, network] as const))('%s is complete and sourced', (_id, network) => {
    expect(network.name.length).toBeGreaterThan(1);
    expect(network.exchangeLabels.length).toBeGreaterThan(0);
    expect(network.commonAssets).toContain(network.nativeAsset);
    expect(network.explorerAddressUrl).toMatch(/^https:\/\/[^/]+\/.*\{address\}/);
    if (network.family === 'evm') expect(Number.isInteger(network.chainId)).toBe(true);
    else expect(network.chainId).toBeUndefined();
    if (network.family === 'cosmos') expect(network.bech32Prefix).toMatch(/^[a-z]+$/);
    for (const requirement of network.requirements) {
      expect(requirement.source).toMatch(/^https:\/\//);
      expect(requirement).not.toHaveProperty('text');
      if (requirement.asOf !== undefined) expect(requirement.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (requirement.amount !== undefined) expect(requirement.amount).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('uses the EIP-155 chain ids', () => {
    expect(Object.fromEntries(networks.filter((n) => n.family === 'evm').map((n) => [n.id, n.chainId]))).toEqual({
      ethereum: 1,
      arbitrum: 42161,
      optimism: 10,
      base: 8453,
      polygon: 137,
      bsc: 56,
      'avalanche-c': 43114,
    });
  });

  it('records the XRP reserve lowered to 1 XRP on 2024-12-02', () => {
    const reserve = getNetwork('xrp')!.requirements.find((r) => r.code === 'account-reserve')!;
    expect(reserve).toMatchObject({ amount: '1', asOf: '2024-12-02', source: 'https://xrpl.org/blog/2024/lower-reserves-are-in-effect' });
  });

  it('builds explorer links and rejects unknown ids', () => {
    expect(explorerAddressUrl({ network: 'ethereum', address: '0xabc' })).toBe('https://etherscan.io/address/0xabc');
    expect(explorerAddressUrl({ network: 'tron', address: 'T/../x' })).toBe('https://tronscan.org/#/address/T%2F..%2Fx');
    expect(isNetworkId('ethereum')).toBe(true);
    expect(isNetworkId('__proto__')).toBe(false);
    expect(getNetwork('toString')).toBeUndefined();
  });
});
