import { bech32 } from '@scure/base';
import type { NetworkDefinition } from '../networks';
import { fail, memoWarning, type Decoded } from './shared';

export function decodeCosmos(address: string, network: NetworkDefinition): Decoded {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return fail('bad-format', 'This address mixes capital and small letters; a valid one does not.');
  const decoded = bech32.decodeUnsafe(lower, 90);
  if (decoded === undefined) {
    if (lower.startsWith(`${network.bech32Prefix}1`)) return fail('bad-checksum', 'The checksum of this address does not match: at least one character is wrong. Copy it again from your wallet.');
    return fail('bad-format', `This is not a ${network.name} address: those start with "${network.bech32Prefix}1".`);
  }
  if (decoded.prefix === `${network.bech32Prefix}valoper`) return fail('not-an-account', 'This is a validator operator address, used for staking, not an account that can receive funds.');
  if (decoded.prefix !== network.bech32Prefix) {
    return fail(
      'other-chain',
      `This is an address for another Cosmos-SDK chain (prefix "${decoded.prefix}"), not ${network.name}. Use the "${network.bech32Prefix}1…" address your wallet shows for ${network.name}.`,
    );
  }
  const bytes = bech32.fromWordsUnsafe(decoded.words);
  if (bytes === undefined || (bytes.length !== 20 && bytes.length !== 32)) return fail('bad-length', 'This address has the wrong length.');
  return { ok: true, kind: 'cosmos-account', normalized: lower, warnings: [memoWarning] };
}
