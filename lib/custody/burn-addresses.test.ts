import { describe, it } from 'vitest';
import { invalid } from './validate-address.testkit';

// Well-known addresses nobody holds a key for: the guide refuses them as a receiving address on
// every network of their family, in any letter case the format allows (sources in lib/custody/address/*.ts).

const EVM_NETWORKS = ['ethereum', 'arbitrum', 'optimism', 'base', 'polygon', 'bsc', 'avalanche-c'];

describe('well-known burn addresses', () => {
  it.each([
    '0x000000000000000000000000000000000000dEaD',
    '0x000000000000000000000000000000000000dead',
    '0x000000000000000000000000000000000000DEAD',
    '0x0000000000000000000000000000000000000001',
    '0x0000000000000000000000000000000000000009',
    '0x000000000000000000000000000000000000000a',
    '0x000000000000000000000000000000000000000A',
    '0xdeaddeaddeaddeaddeaddeaddeaddeaddeaddead',
  ])('refuses %s on every EVM network', (address) => {
    for (const network of EVM_NETWORKS) invalid(network, address, 'burn-address');
  });

  // EIP-2537's seven BLS12-381 precompiles, 0x0b (BLS12_G1ADD) to 0x11 (BLS12_MAP_FP2_TO_G2), live on Ethereum since Pectra.
  it.each(Array.from({ length: 7 }, (_, index) => `0x${(0x0b + index).toString(16).padStart(40, '0')}`))('refuses the BLS12-381 precompile %s on every EVM network', (address) => {
    for (const network of EVM_NETWORKS) {
      invalid(network, address, 'burn-address');
      invalid(network, address.toUpperCase().replace('0X', '0x'), 'burn-address');
    }
  });

  it('refuses the Bitcoin eater address and the all-zero hash160', () => {
    invalid('bitcoin', '1BitcoinEaterAddressDontSendf59kuE', 'burn-address');
    invalid('bitcoin', '1111111111111111111114oLvT2', 'burn-address');
  });

  it("refuses Tron's all-zero account and its genesis Blackhole account, written in base58 or in hex", () => {
    invalid('tron', 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'burn-address');
    invalid('tron', '410000000000000000000000000000000000000000', 'burn-address');
    invalid('tron', 'TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy', 'burn-address');
    invalid('tron', '4177944d19c052b73ee2286823aa83f8138cb7032f', 'burn-address');
    invalid('tron', '4177944D19C052B73EE2286823AA83F8138CB7032F', 'burn-address');
  });
});
