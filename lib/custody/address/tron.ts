import { base58 } from '@scure/base';
import { base58check, fail, tryDecode, type Decoded } from './shared';

const TRON_PREFIX = 0x41;

export function decodeTron(address: string): Decoded {
  if (/^41[0-9a-fA-F]{40}$/.test(address)) {
    const bytes = Uint8Array.from(address.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));
    return {
      ok: true,
      kind: 'tron',
      normalized: base58check.encode(bytes),
      warnings: [
        {
          code: 'converted-form',
          message: 'This is the hex form of a Tron address, which has no checksum. Exchanges expect the "T…" form shown as the normalised address; compare it with your wallet.',
        },
      ],
    };
  }
  if (!address.startsWith('T')) return fail('bad-format', 'This is not a Tron address: Tron addresses start with "T".');
  const raw = tryDecode(() => base58.decode(address));
  if (raw === undefined) return fail('bad-format', 'This is not a Tron address: it contains characters Tron addresses never use.');
  if (raw.length !== 25) return fail('bad-length', 'A Tron address is 34 characters long; characters are missing or extra.');
  const payload = tryDecode(() => base58check.decode(address));
  if (payload === undefined) return fail('bad-checksum', 'The checksum of this address does not match: at least one character is wrong. Copy it again from your wallet.');
  if (payload[0] !== TRON_PREFIX) return fail('bad-format', 'This is not a Tron address.');
  return { ok: true, kind: 'tron', normalized: address, warnings: [] };
}
