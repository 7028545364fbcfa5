import { bech32, createBase58check } from '@scure/base';
import { sha256 } from 'viem';

/** What every address decoder shares: the result types, the decoded shape and small byte helpers. */

export type AddressKind =
  | 'evm'
  | 'ens-name'
  | 'p2pkh'
  | 'p2sh'
  | 'p2wpkh'
  | 'p2wsh'
  | 'p2tr'
  | 'witness-future'
  | 'solana'
  | 'tron'
  | 'xrp-classic'
  | 'xrp-x-address'
  | 'ton-bounceable'
  | 'ton-non-bounceable'
  | 'ton-raw'
  | 'cosmos-account';

export type AddressErrorCode =
  | 'empty'
  | 'too-long'
  | 'bad-characters'
  | 'unknown-network'
  | 'wrong-network'
  | 'bad-format'
  | 'bad-length'
  | 'bad-checksum'
  | 'testnet'
  | 'burn-address'
  | 'not-an-account'
  | 'other-chain'
  | 'internal-error';

export type AddressWarningCode =
  | 'no-checksum'
  | 'needs-resolution'
  | 'evm-network'
  | 'destination-tag'
  | 'tag-in-address'
  | 'memo'
  | 'ton-bounceable'
  | 'ton-non-bounceable'
  | 'ton-masterchain'
  | 'raw-form'
  | 'shared-format'
  | 'future-witness-version'
  | 'converted-form';

export interface AddressError {
  code: AddressErrorCode;
  message: string;
}

export interface AddressWarning {
  code: AddressWarningCode;
  message: string;
}

/** Facts decoded from the address that the UI may show; all JSON-serialisable. */
export interface AddressDetails {
  /** XRP: the classic r… address inside an X-address. */
  classicAddress?: string;
  /** XRP: the destination tag carried by an X-address. */
  destinationTag?: number;
  /** TON: whether the user-friendly form asks for bounce. */
  bounceable?: boolean;
  /** TON: -1 masterchain, 0 basechain. */
  workchain?: number;
  /** TON: the raw `0:hex` form. */
  raw?: string;
  /** Bitcoin-like bech32 addresses: the segwit version. */
  witnessVersion?: number;
}

export interface ValidateAddressParameters {
  network: string;
  address: string;
}

export interface ValidateAddressReturnType {
  valid: boolean;
  network: string;
  /** The canonical spelling to store and compare (checksummed, lower-cased…); null when invalid. */
  normalized: string | null;
  kind: AddressKind | null;
  warnings: AddressWarning[];
  error: AddressError | null;
  details?: AddressDetails;
}

export type Decoded = { ok: true; kind: AddressKind; normalized: string; warnings: AddressWarning[]; details?: AddressDetails } | { ok: false; code: AddressErrorCode; message: string };

export function fail(code: AddressErrorCode, message: string): Decoded {
  return { ok: false, code, message };
}

export const sha256Bytes = (data: Uint8Array): Uint8Array => sha256(data, 'bytes');
export const base58check = createBase58check(sha256Bytes);

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function tryDecode<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

export const memoWarning: AddressWarning = {
  code: 'memo',
  message: 'A wallet you control needs no memo (comment). If this address belongs to an exchange, you must add the memo it gave you, or the funds may not be credited.',
};
