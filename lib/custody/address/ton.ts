import { base64, base64url } from '@scure/base';
import { fail, memoWarning, tryDecode, type AddressWarning, type Decoded } from './shared';

// https://docs.ton.org/v3/documentation/smart-contracts/addresses/address-formats
const TON_BOUNCEABLE = 0x11;
const TON_NON_BOUNCEABLE = 0x51;
const TON_TEST_ONLY = 0x80;

/** CRC-16/XMODEM (poly 0x1021, init 0), the checksum TON user-friendly addresses carry. */
export function crc16Xmodem(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** TON and the Cosmos chains: one address serves many customers of an exchange, told apart by a memo. */

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function decodeTon(address: string): Decoded {
  const rawMatch = /^(-1|0):([0-9a-fA-F]{64})$/.exec(address);
  if (rawMatch !== null) {
    const workchain = Number(rawMatch[1]);
    const normalized = `${workchain}:${rawMatch[2]!.toLowerCase()}`;
    return {
      ok: true,
      kind: 'ton-raw',
      normalized,
      details: { workchain, raw: normalized },
      warnings: [
        {
          code: 'raw-form',
        },
        memoWarning,
      ],
    };
  }
  if (address.length !== 48) return fail('bad-length');
  const urlSafe = /^[A-Za-z0-9_-]{48}$/.test(address);
  const standard = /^[A-Za-z0-9+/]{48}$/.test(address);
  if (!urlSafe && !standard) return fail('bad-format');
  const bytes = tryDecode(() => (urlSafe ? base64url : base64).decode(address));
  if (bytes === undefined || bytes.length !== 36) return fail('bad-format');
  const expected = crc16Xmodem(bytes.subarray(0, 34));
  if (((bytes[34]! << 8) | bytes[35]!) !== expected) return fail('bad-checksum');
  const tag = bytes[0]!;
  if (tag & TON_TEST_ONLY) return fail('testnet');
  if (tag !== TON_BOUNCEABLE && tag !== TON_NON_BOUNCEABLE) return fail('bad-format');
  const workchainByte = bytes[1]!;
  if (workchainByte !== 0x00 && workchainByte !== 0xff) return fail('bad-format');
  const workchain = workchainByte === 0xff ? -1 : 0;
  const bounceable = tag === TON_BOUNCEABLE;
  const raw = `${workchain}:${toHex(bytes.subarray(2, 34))}`;
  const warnings: AddressWarning[] = [
    bounceable
      ? {
          code: 'ton-bounceable',
        }
      : {
          code: 'ton-non-bounceable',
        },
  ];
  if (workchain === -1) warnings.push({ code: 'ton-masterchain' });
  warnings.push(memoWarning);
  return {
    ok: true,
    kind: bounceable ? 'ton-bounceable' : 'ton-non-bounceable',
    normalized: base64url.encode(bytes),
    warnings,
    details: { bounceable, workchain, raw },
  };
}
