import { createBase58check } from '@scure/base';
import { sha256 } from 'viem';
import type { NetworkId } from '../networks';

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

export const addressErrorCodes = [
  'empty',
  'too-long',
  'bad-characters',
  'unknown-network',
  'wrong-network',
  'bad-format',
  'bad-length',
  'bad-checksum',
  'testnet',
  'burn-address',
  'not-an-account',
  'other-chain',
  'internal-error',
] as const;
export type AddressErrorCode = (typeof addressErrorCodes)[number];

export const addressWarningCodes = [
  'no-checksum',
  'needs-resolution',
  'evm-network',
  'destination-tag',
  'tag-in-address',
  'x-address-no-tag',
  'memo',
  'ton-bounceable',
  'ton-non-bounceable',
  'ton-masterchain',
  'raw-form',
  'shared-format',
  'future-witness-version',
  'converted-form',
] as const;
export type AddressWarningCode = (typeof addressWarningCodes)[number];

/**
 * A refused address, as a code the word modules (lib/words/address-text.ts) turn into a
 * sentence. `belongsTo` is set for `wrong-network`: the networks the address is valid on.
 */
export interface AddressError {
  code: AddressErrorCode;
  belongsTo?: NetworkId[];
}

/** Something to check about an accepted address; the words live in the messages files. */
export interface AddressWarning {
  code: AddressWarningCode;
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

export type Decoded = { ok: true; kind: AddressKind; normalized: string; warnings: AddressWarning[]; details?: AddressDetails } | { ok: false; code: AddressErrorCode };

export function fail(code: AddressErrorCode): Decoded {
  return { ok: false, code };
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

export const memoWarning: AddressWarning = { code: 'memo' };
