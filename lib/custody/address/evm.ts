import { getAddress } from 'viem';
import { normalize as normalizeEnsName } from 'viem/ens';
import { fail, tryDecode, type AddressWarning, type Decoded } from './shared';

const EVM_HEX = /^0x[0-9a-fA-F]{40}$/;
const ENS_NAME = /^[^\s.]+(\.[^\s.]+)*\.eth$/i;
/**
 * Well-known EVM addresses nobody holds a key for, lowercase. The zero address, 0x…dEaD and 0xdead…dead carry their
 * reason in themselves: 160 or 152 fixed bits, so finding a key that hashes to one is out of reach. 0x…01 to 0x…09 are
 * the precompiled contracts, code without a key: the Ethereum Yellow Paper, appendix E (https://ethereum.github.io/yellowpaper/paper.pdf),
 * with 0x09 from EIP-152 (https://eips.ethereum.org/EIPS/eip-152); 0x…0a is EIP-4844's point evaluation precompile
 * (https://eips.ethereum.org/EIPS/eip-4844); 0x…0b to 0x…11 are EIP-2537's seven BLS12-381 precompiles, BLS12_G1ADD to
 * BLS12_MAP_FP2_TO_G2 (https://eips.ethereum.org/EIPS/eip-2537, "Constants"; in Ethereum since the Pectra upgrade,
 * https://eips.ethereum.org/EIPS/eip-7600; the same addresses in ethereum/execution-specs, src/ethereum/prague/vm/precompiled_contracts/__init__.py).
 * The later ones may not run on every EVM network here, but with 152 zero bits they are keyless on all of them.
 */
const EVM_BURN_ADDRESSES: ReadonlySet<string> = new Set([
  '0x0000000000000000000000000000000000000000',
  // The precompiles, 0x…01 to 0x…11.
  ...Array.from({ length: 0x11 }, (_, index) => `0x${(index + 1).toString(16).padStart(40, '0')}`),
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
