import { bech32 } from '@scure/base';
import type { NetworkDefinition } from '../networks';
import { fail, memoWarning, type Decoded } from './shared';

export function decodeCosmos(address: string, network: NetworkDefinition): Decoded {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return fail('bad-format');
  const decoded = bech32.decodeUnsafe(lower, 90);
  if (decoded === undefined) {
    if (lower.startsWith(`${network.bech32Prefix}1`)) return fail('bad-checksum');
    return fail('bad-format');
  }
  if (decoded.prefix === `${network.bech32Prefix}valoper`) return fail('not-an-account');
  if (decoded.prefix !== network.bech32Prefix) {
    return fail('other-chain');
  }
  const bytes = bech32.fromWordsUnsafe(decoded.words);
  if (bytes === undefined || (bytes.length !== 20 && bytes.length !== 32)) return fail('bad-length');
  return { ok: true, kind: 'cosmos-account', normalized: lower, warnings: [memoWarning] };
}
