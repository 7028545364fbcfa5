import { base58 } from '@scure/base';
import { base58check, fail, tryDecode, type Decoded } from './shared';

const TRON_PREFIX = 0x41;
/**
 * The all-zero account (0x41 then 20 zero bytes), TRON's "black hole": nobody holds its key, and TRON projects
 * send to it to burn, e.g. https://github.com/TRC20org/TRC20 ("black hole address").
 */
const TRON_BLACK_HOLE = 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb';

export function decodeTron(address: string): Decoded {
  if (/^41[0-9a-fA-F]{40}$/.test(address)) {
    const bytes = Uint8Array.from(address.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
    if (base58check.encode(bytes) === TRON_BLACK_HOLE) return fail('burn-address');
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
  if (address === TRON_BLACK_HOLE) return fail('burn-address');
  return { ok: true, kind: 'tron', normalized: address, warnings: [] };
}
