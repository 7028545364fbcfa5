import { getAddress } from 'viem';
import { normalize as normalizeEnsName } from 'viem/ens';
import type { NetworkDefinition } from '../networks';
import { fail, tryDecode, type AddressWarning, type Decoded } from './shared';

const EVM_HEX = /^0x[0-9a-fA-F]{40}$/;
const ENS_NAME = /^[^\s.]+(\.[^\s.]+)*\.eth$/i;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

export function decodeEvm(address: string, network: NetworkDefinition): Decoded {
  if (ENS_NAME.test(address)) {
    const normalized = tryDecode(() => normalizeEnsName(address));
    if (normalized === undefined) return fail('bad-format', 'This looks like an ENS name, but it contains characters ENS does not allow.');
    return {
      ok: true,
      kind: 'ens-name',
      normalized,
      warnings: [
        {
          code: 'needs-resolution',
          message: 'This is an ENS name, not an address. It must be looked up first; compare the 0x address it points to with the one your wallet shows. Many exchanges accept only the 0x address.',
        },
      ],
    };
  }
  if (/^(0x)?[0-9a-fA-F]*$/.test(address) && !EVM_HEX.test(address)) {
    if (/^[0-9a-fA-F]{40}$/.test(address)) return fail('bad-format', 'This address is missing the "0x" at the start. Copy it again from your wallet.');
    if (address.startsWith('0x')) {
      return fail('bad-length', `An Ethereum-style address has 40 characters after "0x"; this one has ${address.length - 2}. Some characters are missing or extra.`);
    }
  }
  if (!EVM_HEX.test(address)) return fail('bad-format', `This is not an address for ${network.name}: those start with "0x" followed by 40 letters and digits.`);
  const body = address.slice(2);
  const unchecksummed = body === body.toLowerCase() || body === body.toUpperCase();
  const checksummed = tryDecode(() => getAddress(address));
  if (checksummed === undefined) return fail('bad-format', 'This address could not be read.');
  if (!unchecksummed && checksummed !== address) {
    return fail('bad-checksum', "The capital letters in this address don't match its built-in checksum, so at least one character is wrong. Copy it again from your wallet.");
  }
  if (checksummed.toLowerCase() === ZERO_ADDRESS) return fail('burn-address', 'This is the zero address. Nobody controls it: anything sent there is lost.');
  const warnings: AddressWarning[] = [];
  if (unchecksummed) {
    warnings.push({
      code: 'no-checksum',
      message: 'This address is all one case, so it carries no checksum and a typo would not be caught. Compare every character with your wallet.',
    });
  }
  warnings.push({
    code: 'evm-network',
    message: `The same 0x address works on every EVM network. Make sure the exchange sends on ${network.name} and that your wallet shows ${network.name}.`,
  });
  return { ok: true, kind: 'evm', normalized: checksummed, warnings };
}
