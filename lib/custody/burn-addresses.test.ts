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
    '0xdeaddeaddeaddeaddeaddeaddeaddeaddeaddead',
  ])('refuses %s on every EVM network', (address) => {
    for (const network of EVM_NETWORKS) invalid(network, address, 'burn-address');
  });

  it('refuses the Bitcoin eater address', () => {
    invalid('bitcoin', '1BitcoinEaterAddressDontSendf59kuE', 'burn-address');
  });

  it('refuses the Tron black hole, written in base58 or in hex', () => {
    invalid('tron', 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'burn-address');
    invalid('tron', '410000000000000000000000000000000000000000', 'burn-address');
  });
});
