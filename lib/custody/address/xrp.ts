import { base58, base58xrp } from '@scure/base';
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
  message:
    'A wallet you control needs no destination tag. If this address belongs to an exchange or another service, you must also enter the destination tag they gave you, or the funds may not be credited.',
};

export function decodeXrp(address: string): Decoded {
  if (address.startsWith('r')) {
    const payload = decodeXrpChecked(address);
    if (payload === 'bad-characters') return fail('bad-format', 'This is not an XRP address: it contains characters XRP addresses never use.');
    if (payload === 'bad-checksum') return fail('bad-checksum', 'The checksum of this XRP address does not match: at least one character is wrong. Copy it again from your wallet.');
    if (payload.length !== 21 || payload[0] !== XRP_ACCOUNT_ID_PREFIX) return fail('bad-format', 'This is not an XRP account address.');
    if (XRP_BLACK_HOLES.has(address)) return fail('burn-address', 'This is one of the XRP Ledger\'s special "black hole" addresses. Nobody controls it: anything sent there is lost.');
    return { ok: true, kind: 'xrp-classic', normalized: address, warnings: [xrpTagWarning] };
  }
  if (address.startsWith('X') || address.startsWith('T')) {
    const payload = decodeXrpChecked(address);
    if (payload === 'bad-characters') return fail('bad-format', 'This is not an XRP address: it contains characters XRP addresses never use.');
    if (payload === 'bad-checksum') return fail('bad-checksum', 'The checksum of this X-address does not match: at least one character is wrong.');
    if (payload.length !== 31) return fail('bad-format', 'This is not an XRP X-address.');
    const isMain = payload[0] === X_ADDRESS_MAINNET[0] && payload[1] === X_ADDRESS_MAINNET[1];
    const isTest = payload[0] === X_ADDRESS_TESTNET[0] && payload[1] === X_ADDRESS_TESTNET[1];
    if (!isMain && !isTest) return fail('bad-format', 'This is not an XRP X-address.');
    if (isTest) return fail('testnet', 'This is an XRP testnet X-address. Testnet XRP has no value and cannot receive real XRP.');
    const accountId = payload.subarray(2, 22);
    const flag = payload[22];
    const tagBytes = payload.subarray(23, 31);
    // The spec reserves the upper four tag bytes (64-bit tags) and flag 2; no ledger accepts them.
    if ((flag !== 0 && flag !== 1) || tagBytes.subarray(4).some((byte) => byte !== 0)) return fail('bad-format', 'This X-address uses a tag format the XRP Ledger does not support.');
    if (flag === 0 && tagBytes.some((byte) => byte !== 0)) return fail('bad-format', 'This X-address is malformed.');
    const tag = flag === 1 ? new DataView(tagBytes.buffer, tagBytes.byteOffset, 4).getUint32(0, true) : undefined;
    const classicAddress = encodeXrpClassic(accountId);
    if (XRP_BLACK_HOLES.has(classicAddress)) return fail('burn-address', "This X-address points at one of the XRP Ledger's black-hole addresses. Anything sent there is lost.");
    const warnings: AddressWarning[] = [
      tag === undefined
        ? { code: 'tag-in-address', message: `This X-address says no destination tag is needed. Its classic form is ${classicAddress}.` }
        : {
            code: 'tag-in-address',
            message: `This X-address includes destination tag ${tag}. If the exchange asks for a classic "r…" address, enter ${classicAddress} and tag ${tag}.`,
          },
    ];
    const details: AddressDetails = tag === undefined ? { classicAddress } : { classicAddress, destinationTag: tag };
    return { ok: true, kind: 'xrp-x-address', normalized: address, warnings, details };
  }
  return fail('bad-format', 'This is not an XRP address: XRP addresses start with "r" (or "X" for X-addresses).');
}
