import { getAddress } from 'viem';
import { normalize as normalizeEnsName } from 'viem/ens';
import { fail, tryDecode, type AddressWarning, type Decoded } from './shared';

const EVM_HEX = /^0x[0-9a-fA-F]{40}$/;
const ENS_NAME = /^[^\s.]+(\.[^\s.]+)*\.eth$/i;
/**
 * Well-known EVM addresses nobody holds a key for, lowercase. Sources: Santiment's "dead address" label
 * (https://academy.santiment.net/labels/dead-address) lists the zero address, 0x…01 to 0x…09, 0x…dead and
 * 0xdead…dead; 0x…01 to 0x…09 are the precompiled contracts of the Ethereum Yellow Paper (appendix E), code
 * without a key; 0x…dEaD is the usual burn target, e.g. Chainlink CCIP's BurnToAddressTokenPool docs
 * (https://docs.chain.link/ccip/tools/sdk/type-aliases/DeployBurnToAddressTokenPoolParams).
 */
const EVM_BURN_ADDRESSES: ReadonlySet<string> = new Set([
  '0x0000000000000000000000000000000000000000',
  ...Array.from({ length: 9 }, (_, index) => `0x${String(index + 1).padStart(40, '0')}`),
  '0x000000000000000000000000000000000000dead',
  '0xdeaddeaddeaddeaddeaddeaddeaddeaddeaddead',
]);

export function decodeEvm(address: string): Decoded {
  if (ENS_NAME.test(address)) {
    const normalized = tryDecode(() => normalizeEnsName(address));
    if (normalized === undefined) return fail('bad-format');
    return {
      ok: true,
      kind: 'ens-name',
      normalized,
      warnings: [
        {
          code: 'needs-resolution',
        },
      ],
    };
  }
  if (/^(0x)?[0-9a-fA-F]*$/.test(address) && !EVM_HEX.test(address)) {
    if (/^[0-9a-fA-F]{40}$/.test(address)) return fail('bad-format');
    if (address.startsWith('0x')) {
      return fail('bad-length');
    }
  }
  if (!EVM_HEX.test(address)) return fail('bad-format');
  const body = address.slice(2);
  const unchecksummed = body === body.toLowerCase() || body === body.toUpperCase();
  const checksummed = tryDecode(() => getAddress(address));
  if (checksummed === undefined) return fail('bad-format');
  if (!unchecksummed && checksummed !== address) {
    return fail('bad-checksum');
  }
  if (EVM_BURN_ADDRESSES.has(checksummed.toLowerCase())) return fail('burn-address');
  const warnings: AddressWarning[] = [];
  if (unchecksummed) {
    warnings.push({
      code: 'no-checksum',
    });
  }
  warnings.push({
    code: 'evm-network',
  });
  return { ok: true, kind: 'evm', normalized: checksummed, warnings };
}
