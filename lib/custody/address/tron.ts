import { base58 } from '@scure/base';
import { base58check, fail, tryDecode, type Decoded } from './shared';

const TRON_PREFIX = 0x41;
/**
 * Tron accounts no wallet of the user's can be: the all-zero account (0x41 then 20 zero bytes, address(0) in TRC-20
 * contracts), whose key nobody can find; and the account TRON's own node names "Blackhole" in its genesis block, the one
 * it burns fees into (java-tron framework/src/main/resources/config.conf, genesis.block.assets,
 * https://github.com/tronprotocol/java-tron/blob/master/framework/src/main/resources/config.conf).
 */
const TRON_BURN_ADDRESSES: ReadonlySet<string> = new Set(['T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', 'TLsV52sRDL79HXGGm9yzwKibb6BeruhUzy']);

export function decodeTron(address: string): Decoded {
  if (/^41[0-9a-fA-F]{40}$/.test(address)) {
    const bytes = Uint8Array.from(address.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
    if (TRON_BURN_ADDRESSES.has(base58check.encode(bytes))) return fail('burn-address');
    return {
      ok: true,
      kind: 'tron',
      normalized: base58check.encode(bytes),
      warnings: [
        {
          code: 'converted-form',
        },
      ],
    };
  }
  if (!address.startsWith('T')) return fail('bad-format');
  const raw = tryDecode(() => base58.decode(address));
  if (raw === undefined) return fail('bad-format');
  if (raw.length !== 25) return fail('bad-length');
  const payload = tryDecode(() => base58check.decode(address));
  if (payload === undefined) return fail('bad-checksum');
  if (payload[0] !== TRON_PREFIX) return fail('bad-format');
  if (TRON_BURN_ADDRESSES.has(address)) return fail('burn-address');
  return { ok: true, kind: 'tron', normalized: address, warnings: [] };
}
