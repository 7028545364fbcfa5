import { base58xrp } from '@scure/base';
import { bytesEqual, fail, sha256Bytes, tryDecode, type AddressDetails, type AddressWarning, type Decoded } from './shared';

// XRP Ledger base58 uses its own alphabet and a double-SHA-256 checksum: https://xrpl.org/docs/references/protocol/data-types/base58-encodings
const XRP_ACCOUNT_ID_PREFIX = 0x00;
const X_ADDRESS_MAINNET = [0x05, 0x44] as const;
const X_ADDRESS_TESTNET = [0x04, 0x93] as const;

/** Special addresses nobody holds a key for: https://xrpl.org/docs/concepts/accounts/addresses#special-addresses */
const XRP_BLACK_HOLES = new Set(['rrrrrrrrrrrrrrrrrrrrrhoLvTp', 'rrrrrrrrrrrrrrrrrrrrBZbvji', 'rrrrrrrrrrrrrrrrrNAMEtxvNvQ', 'rrrrrrrrrrrrrrrrrrrn5RM1rHd']);

export function decodeXrpChecked(address: string): Uint8Array | 'bad-characters' | 'bad-checksum' {
  const raw = tryDecode(() => base58xrp.decode(address));
  if (raw === undefined) return 'bad-characters';
  if (raw.length < 5) return 'bad-checksum';
  const payload = raw.subarray(0, raw.length - 4);
  const checksum = sha256Bytes(sha256Bytes(payload)).subarray(0, 4);
  return bytesEqual(checksum, raw.subarray(raw.length - 4)) ? payload : 'bad-checksum';
}

function encodeXrpClassic(accountId: Uint8Array): string {
  const payload = Uint8Array.from([XRP_ACCOUNT_ID_PREFIX, ...accountId]);
  const checksum = sha256Bytes(sha256Bytes(payload)).subarray(0, 4);
  return base58xrp.encode(Uint8Array.from([...payload, ...checksum]));
}

const xrpTagWarning: AddressWarning = {
  code: 'destination-tag',
};

export function decodeXrp(address: string): Decoded {
  if (address.startsWith('r')) {
    const payload = decodeXrpChecked(address);
    if (payload === 'bad-characters') return fail('bad-format');
    if (payload === 'bad-checksum') return fail('bad-checksum');
    if (payload.length !== 21 || payload[0] !== XRP_ACCOUNT_ID_PREFIX) return fail('bad-format');
    if (XRP_BLACK_HOLES.has(address)) return fail('burn-address');
    return { ok: true, kind: 'xrp-classic', normalized: address, warnings: [xrpTagWarning] };
  }
  if (address.startsWith('X') || address.startsWith('T')) {
    const payload = decodeXrpChecked(address);
    if (payload === 'bad-characters') return fail('bad-format');
    if (payload === 'bad-checksum') return fail('bad-checksum');
    if (payload.length !== 31) return fail('bad-format');
    const isMain = payload[0] === X_ADDRESS_MAINNET[0] && payload[1] === X_ADDRESS_MAINNET[1];
    const isTest = payload[0] === X_ADDRESS_TESTNET[0] && payload[1] === X_ADDRESS_TESTNET[1];
    if (!isMain && !isTest) return fail('bad-format');
    if (isTest) return fail('testnet');
    const accountId = payload.subarray(2, 22);
    const flag = payload[22];
    const tagBytes = payload.subarray(23, 31);
    // The spec reserves the upper four tag bytes (64-bit tags) and flag 2; no ledger accepts them.
    if ((flag !== 0 && flag !== 1) || tagBytes.subarray(4).some((byte) => byte !== 0)) return fail('bad-format');
    if (flag === 0 && tagBytes.some((byte) => byte !== 0)) return fail('bad-format');
    const tag = flag === 1 ? new DataView(tagBytes.buffer, tagBytes.byteOffset, 4).getUint32(0, true) : undefined;
    const classicAddress = encodeXrpClassic(accountId);
    if (XRP_BLACK_HOLES.has(classicAddress)) return fail('burn-address');
    // A tagged and an untagged X-address need different words; the tag and the classic form are in `details`.
    const warnings: AddressWarning[] = [{ code: tag === undefined ? 'x-address-no-tag' : 'tag-in-address' }];
    const details: AddressDetails = tag === undefined ? { classicAddress } : { classicAddress, destinationTag: tag };
    return { ok: true, kind: 'xrp-x-address', normalized: address, warnings, details };
  }
  return fail('bad-format');
}
