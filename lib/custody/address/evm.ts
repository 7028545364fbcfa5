import { getAddress } from 'viem';
import { normalize as normalizeEnsName } from 'viem/ens';
import { fail, tryDecode, type AddressWarning, type Decoded } from './shared';

const EVM_HEX = /^0x[0-9a-fA-F]{40}$/;
const ENS_NAME = /^[^\s.]+(\.[^\s.]+)*\.eth$/i;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

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
  if (checksummed.toLowerCase() === ZERO_ADDRESS) return fail('burn-address');
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
