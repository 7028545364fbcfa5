import { base58, base58xrp, base64, base64url, bech32, bech32m, createBase58check } from '@scure/base';
import { getAddress, sha256 } from 'viem';
import { normalize as normalizeEnsName } from 'viem/ens';
import { familyLabels, getNetwork, networks, type NetworkDefinition, type NetworkId } from './networks';

/**
 * Offline address checks for every network in `networks.ts`. Pure and synchronous: the UI
 * calls it on every keystroke, so it returns values and never throws.
 */

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

/** Longest address we parse; the longest real one here (bech32 P2WSH) is 62 characters. */
const MAX_ADDRESS_LENGTH = 128;

type Decoded =
  | { ok: true; kind: AddressKind; normalized: string; warnings: AddressWarning[]; details?: AddressDetails }
  | { ok: false; code: AddressErrorCode; message: string };

function fail(code: AddressErrorCode, message: string): Decoded {
  return { ok: false, code, message };
}

const sha256Bytes = (data: Uint8Array): Uint8Array => sha256(data, 'bytes');
const base58check = createBase58check(sha256Bytes);

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function tryDecode<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- EVM

const EVM_HEX = /^0x[0-9a-fA-F]{40}$/;
const ENS_NAME = /^[^\s.]+(\.[^\s.]+)*\.eth$/i;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

function decodeEvm(address: string, network: NetworkDefinition): Decoded {
  if (ENS_NAME.test(address)) {
    const normalized = tryDecode(() => normalizeEnsName(address));
    if (normalized === undefined) return fail('bad-format', 'This looks like an ENS name, but it contains characters ENS does not allow.');
    return {
      ok: true,
      kind: 'ens-name',
      normalized,
      warnings: [
        {
          code: 'needs-resolution',
          message:
            'This is an ENS name, not an address. It must be looked up first; compare the 0x address it points to with the one your wallet shows. Many exchanges accept only the 0x address.',
        },
      ],
    };
  }
  if (/^(0x)?[0-9a-fA-F]*$/.test(address) && !EVM_HEX.test(address)) {
    if (/^[0-9a-fA-F]{40}$/.test(address)) return fail('bad-format', 'This address is missing the "0x" at the start. Copy it again from your wallet.');
    if (address.startsWith('0x')) {
      return fail('bad-length', `An Ethereum-style address has 40 characters after "0x"; this one has ${address.length - 2}. Some characters are missing or extra.`);
    }
  }
  if (!EVM_HEX.test(address)) return fail('bad-format', `This is not an address for ${network.name}: those start with "0x" followed by 40 letters and digits.`);
  const body = address.slice(2);
  const unchecksummed = body === body.toLowerCase() || body === body.toUpperCase();
  const checksummed = tryDecode(() => getAddress(address));
  if (checksummed === undefined) return fail('bad-format', 'This address could not be read.');
  if (!unchecksummed && checksummed !== address) {
    return fail(
      'bad-checksum',
      "The capital letters in this address don't match its built-in checksum, so at least one character is wrong. Copy it again from your wallet.",
    );
  }
  if (checksummed.toLowerCase() === ZERO_ADDRESS) return fail('burn-address', 'This is the zero address. Nobody controls it: anything sent there is lost.');
  const warnings: AddressWarning[] = [];
  if (unchecksummed) {
    warnings.push({
      code: 'no-checksum',
      message:
        'This address is all one case, so it carries no checksum and a typo would not be caught. Compare every character with your wallet.',
    });
  }
  warnings.push({
    code: 'evm-network',
    message: `The same 0x address works on every EVM network. Make sure the exchange sends on ${network.name} and that your wallet shows ${network.name}.`,
  });
  return { ok: true, kind: 'evm', normalized: checksummed, warnings };
}

// ---------------------------------------------------------------- Bitcoin-like

interface BitcoinLikeParams {
  p2pkh: readonly number[];
  p2sh: readonly number[];
  /** Version bytes that only testnets use; naming them beats "invalid". */
  testnetVersions: readonly number[];
  segwitPrefix?: string;
  testnetPrefixes: readonly string[];
  /** Version bytes shared with another chain, and the warning that goes with them. */
  shared?: { versions: readonly number[]; message: string };
}

// Version bytes and HRPs: Bitcoin Core chainparams.cpp, Litecoin Core chainparams.cpp, Dogecoin Core chainparams.cpp.
const bitcoinLikeParams: Partial<Record<NetworkId, BitcoinLikeParams>> = {
  bitcoin: { p2pkh: [0x00], p2sh: [0x05], testnetVersions: [0x6f, 0xc4], segwitPrefix: 'bc', testnetPrefixes: ['tb', 'bcrt'] },
  litecoin: {
    p2pkh: [0x30],
    p2sh: [0x32, 0x05],
    testnetVersions: [0x6f, 0xc4, 0x3a],
    segwitPrefix: 'ltc',
    testnetPrefixes: ['tltc', 'rltc'],
    shared: {
      versions: [0x05],
      message:
        'Litecoin addresses starting with "3" have the same format as Bitcoin addresses. Make sure this one came from a Litecoin wallet; Litecoin wallets now show "M…" or "ltc1…" addresses instead.',
    },
  },
  dogecoin: { p2pkh: [0x1e], p2sh: [0x16], testnetVersions: [0x71, 0xc4], testnetPrefixes: [] },
};

function decodeSegwit(address: string, params: BitcoinLikeParams, network: NetworkDefinition): Decoded {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) {
    return fail('bad-format', 'This address mixes capital and small letters. A valid one is all small (or all capital) letters.');
  }
  const separator = lower.lastIndexOf('1');
  const prefix = lower.slice(0, separator);
  if (params.testnetPrefixes.includes(prefix)) return fail('testnet', `This is a ${network.name} testnet address. Testnet coins have no value and cannot receive real ${network.nativeAsset}.`);
  if (prefix !== params.segwitPrefix) return fail('bad-format', `This is not a ${network.name} address.`);
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const asBech32m = bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (decoded === undefined) return fail('bad-checksum', 'The checksum of this address does not match: at least one character is wrong. Copy it again from your wallet.');
  const [version, ...programWords] = decoded.words;
  if (version === undefined) return fail('bad-length', 'This address is too short.');
  if (version > 16) return fail('bad-format', 'This address has an unknown segwit version.');
  // BIP-350: version 0 must use bech32, versions 1+ must use bech32m; the other checksum is invalid.
  if ((version === 0 && asBech32 === undefined) || (version > 0 && asBech32m === undefined)) {
    return fail('bad-checksum', 'The checksum of this address does not match its version: at least one character is wrong.');
  }
  const program = bech32.fromWordsUnsafe(programWords);
  if (program === undefined || program.length < 2 || program.length > 40) return fail('bad-length', 'This address has the wrong length.');
  const details: AddressDetails = { witnessVersion: version };
  if (version === 0) {
    if (program.length === 20) return { ok: true, kind: 'p2wpkh', normalized: lower, warnings: [], details };
    if (program.length === 32) return { ok: true, kind: 'p2wsh', normalized: lower, warnings: [], details };
    return fail('bad-length', 'This segwit v0 address has the wrong length.');
  }
  if (version === 1 && program.length === 32) return { ok: true, kind: 'p2tr', normalized: lower, warnings: [], details };
  return {
    ok: true,
    kind: 'witness-future',
    normalized: lower,
    details,
    warnings: [
      {
        code: 'future-witness-version',
        message: `This address uses segwit version ${version}, which no wallet uses for receiving today. Coins sent to it may be spendable by anyone. Do not send unless you know exactly why.`,
      },
    ],
  };
}

function decodeBitcoinLike(address: string, network: NetworkDefinition): Decoded {
  const params = bitcoinLikeParams[network.id];
  if (params === undefined) return fail('bad-format', `This is not a ${network.name} address.`);
  const lower = address.toLowerCase();
  if (network.id === 'litecoin' && lower.startsWith('ltcmweb1')) {
    return fail('bad-format', 'This is a Litecoin MWEB (private) address. This guide checks regular Litecoin addresses (L…, M…, ltc1…); use one of those from your wallet.');
  }
  const segwitLike = [params.segwitPrefix, ...params.testnetPrefixes].some((prefix) => prefix !== undefined && lower.startsWith(`${prefix}1`));
  if (segwitLike) return decodeSegwit(address, params, network);
  const raw = tryDecode(() => base58.decode(address));
  if (raw === undefined) return fail('bad-format', `This is not a ${network.name} address: it contains characters such addresses never use.`);
  if (raw.length !== 25) return fail('bad-length', `A ${network.name} address of this kind decodes to 25 bytes; this one does not. Characters are missing or extra.`);
  const payload = tryDecode(() => base58check.decode(address));
  if (payload === undefined) return fail('bad-checksum', 'The checksum of this address does not match: at least one character is wrong. Copy it again from your wallet.');
  const version = payload[0] ?? -1;
  const warnings: AddressWarning[] = [];
  if (params.shared?.versions.includes(version)) warnings.push({ code: 'shared-format', message: params.shared.message });
  if (params.p2pkh.includes(version)) return { ok: true, kind: 'p2pkh', normalized: address, warnings };
  if (params.p2sh.includes(version)) return { ok: true, kind: 'p2sh', normalized: address, warnings };
  if (params.testnetVersions.includes(version)) return fail('testnet', `This looks like a ${network.name} testnet address. Testnet coins have no value and cannot receive real ${network.nativeAsset}.`);
  return fail('bad-format', `This is a valid-looking address, but not for ${network.name}.`);
}

// ---------------------------------------------------------------- Solana

// The System Program's id: a program, not a wallet; transfers there cannot be recovered.
const SOLANA_SYSTEM_PROGRAM = '11111111111111111111111111111111';

function decodeSolana(address: string): Decoded {
  if (address.length < 32 || address.length > 44) return fail('bad-length', 'A Solana address is 32 to 44 characters long; this one is not.');
  const bytes = tryDecode(() => base58.decode(address));
  if (bytes === undefined) return fail('bad-format', 'This is not a Solana address: it contains characters Solana addresses never use (0, O, I, l or symbols).');
  if (bytes.length !== 32) return fail('bad-length', 'This is not a Solana address: it does not decode to a 32-byte key.');
  if (address === SOLANA_SYSTEM_PROGRAM) return fail('burn-address', "This is the Solana System Program's address, not a wallet. Anything sent there is lost.");
  return {
    ok: true,
    kind: 'solana',
    normalized: address,
    warnings: [
      {
        code: 'no-checksum',
        message: 'Solana addresses have no checksum, so a typo cannot be detected. Compare every character with your wallet, and send a small test first.',
      },
    ],
  };
}

// ---------------------------------------------------------------- Tron

const TRON_PREFIX = 0x41;

function decodeTron(address: string): Decoded {
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

// ---------------------------------------------------------------- XRP

// XRP Ledger base58 uses its own alphabet and a double-SHA-256 checksum: https://xrpl.org/docs/references/protocol/data-types/base58-encodings
const XRP_ACCOUNT_ID_PREFIX = 0x00;
const X_ADDRESS_MAINNET = [0x05, 0x44] as const;
const X_ADDRESS_TESTNET = [0x04, 0x93] as const;

/** Special addresses nobody holds a key for: https://xrpl.org/docs/concepts/accounts/addresses#special-addresses */
const XRP_BLACK_HOLES = new Set([
  'rrrrrrrrrrrrrrrrrrrrrhoLvTp',
  'rrrrrrrrrrrrrrrrrrrrBZbvji',
  'rrrrrrrrrrrrrrrrrNAMEtxvNvQ',
  'rrrrrrrrrrrrrrrrrrrn5RM1rHd',
]);

function decodeXrpChecked(address: string): Uint8Array | 'bad-characters' | 'bad-checksum' {
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

function decodeXrp(address: string): Decoded {
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

// ---------------------------------------------------------------- TON

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
const memoWarning: AddressWarning = {
  code: 'memo',
  message:
    'A wallet you control needs no memo (comment). If this address belongs to an exchange, you must add the memo it gave you, or the funds may not be credited.',
};

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function decodeTon(address: string): Decoded {
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
          message:
            'This is the raw form of a TON address: it has no checksum and no bounce flag, and many exchanges do not accept it. Prefer the "UQ…" address your wallet shows.',
        },
        memoWarning,
      ],
    };
  }
  if (address.length !== 48) return fail('bad-length', 'A TON address is 48 characters long (or "0:" followed by 64 hex digits); this one is not.');
  const urlSafe = /^[A-Za-z0-9_-]{48}$/.test(address);
  const standard = /^[A-Za-z0-9+/]{48}$/.test(address);
  if (!urlSafe && !standard) return fail('bad-format', 'This is not a TON address: it contains characters TON addresses never use.');
  const bytes = tryDecode(() => (urlSafe ? base64url : base64).decode(address));
  if (bytes === undefined || bytes.length !== 36) return fail('bad-format', 'This is not a TON address.');
  const expected = crc16Xmodem(bytes.subarray(0, 34));
  if (((bytes[34]! << 8) | bytes[35]!) !== expected) return fail('bad-checksum', 'The checksum of this TON address does not match: at least one character is wrong. Copy it again from your wallet.');
  const tag = bytes[0]!;
  if (tag & TON_TEST_ONLY) return fail('testnet', 'This is a TON testnet address. Testnet TON has no value and cannot receive real TON.');
  if (tag !== TON_BOUNCEABLE && tag !== TON_NON_BOUNCEABLE) return fail('bad-format', 'This TON address has an unknown flag byte.');
  const workchainByte = bytes[1]!;
  if (workchainByte !== 0x00 && workchainByte !== 0xff) return fail('bad-format', 'This TON address names a workchain that does not exist.');
  const workchain = workchainByte === 0xff ? -1 : 0;
  const bounceable = tag === TON_BOUNCEABLE;
  const raw = `${workchain}:${toHex(bytes.subarray(2, 34))}`;
  const warnings: AddressWarning[] = [
    bounceable
      ? {
          code: 'ton-bounceable',
          message:
            'This is the bounceable form (EQ…). If this wallet has never been used, a transfer to a bounceable address can bounce back to the sender minus fees. For a new wallet use the non-bounceable form (UQ…) your wallet shows.',
        }
      : {
          code: 'ton-non-bounceable',
          message: 'This is the non-bounceable form (UQ…): the right one for a wallet that has not been used yet.',
        },
  ];
  if (workchain === -1) warnings.push({ code: 'ton-masterchain', message: 'This address is on the TON masterchain (-1). Personal wallets live on the basechain (0); check it is really yours.' });
  warnings.push(memoWarning);
  return {
    ok: true,
    kind: bounceable ? 'ton-bounceable' : 'ton-non-bounceable',
    normalized: base64url.encode(bytes),
    warnings,
    details: { bounceable, workchain, raw },
  };
}

// ---------------------------------------------------------------- Cosmos

function decodeCosmos(address: string, network: NetworkDefinition): Decoded {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return fail('bad-format', 'This address mixes capital and small letters; a valid one does not.');
  const decoded = bech32.decodeUnsafe(lower, 90);
  if (decoded === undefined) {
    if (lower.startsWith(`${network.bech32Prefix}1`)) return fail('bad-checksum', 'The checksum of this address does not match: at least one character is wrong. Copy it again from your wallet.');
    return fail('bad-format', `This is not a ${network.name} address: those start with "${network.bech32Prefix}1".`);
  }
  if (decoded.prefix === `${network.bech32Prefix}valoper`) return fail('not-an-account', 'This is a validator operator address, used for staking, not an account that can receive funds.');
  if (decoded.prefix !== network.bech32Prefix) {
    return fail('other-chain', `This is an address for another Cosmos-SDK chain (prefix "${decoded.prefix}"), not ${network.name}. Use the "${network.bech32Prefix}1…" address your wallet shows for ${network.name}.`);
  }
  const bytes = bech32.fromWordsUnsafe(decoded.words);
  if (bytes === undefined || (bytes.length !== 20 && bytes.length !== 32)) return fail('bad-length', 'This address has the wrong length.');
  return { ok: true, kind: 'cosmos-account', normalized: lower, warnings: [memoWarning] };
}

// ---------------------------------------------------------------- dispatch

function decodeFor(address: string, network: NetworkDefinition): Decoded {
  switch (network.family) {
    case 'evm':
      return decodeEvm(address, network);
    case 'bitcoin-like':
      return decodeBitcoinLike(address, network);
    case 'solana':
      return decodeSolana(address);
    case 'tron':
      return decodeTron(address);
    case 'xrp':
      return decodeXrp(address);
    case 'ton':
      return decodeTon(address);
    case 'cosmos':
      return decodeCosmos(address, network);
  }
}

/** Strips what copy-paste adds around an address; anything inside it is the user's to fix. */
function clean(address: string): string {
  return address.trim();
}

function precheck(address: string): AddressError | null {
  if (address === '') return { code: 'empty', message: 'Paste the receiving address from your wallet.' };
  if (address.length > MAX_ADDRESS_LENGTH) return { code: 'too-long', message: 'This is far longer than any address. Paste only the address.' };
  // Hidden or look-alike characters (zero-width spaces, Cyrillic letters) are a known trick.
  if (!/^[\x21-\x7e]+$/.test(address)) {
    return { code: 'bad-characters', message: 'This contains spaces or characters that never appear in an address (possibly invisible or look-alike letters). Copy it again from your wallet.' };
  }
  return null;
}

export interface DetectedNetwork {
  network: NetworkId;
  kind: AddressKind;
}


/** Every network the address is fully valid for, in table order. ENS names count as EVM. */
export function detectNetworks(address: string): DetectedNetwork[] {
  try {
    const cleaned = clean(address);
    if (precheck(cleaned) !== null) return [];
    const found: DetectedNetwork[] = [];
    for (const network of networks) {
      const decoded = decodeFor(cleaned, network);
      if (decoded.ok) found.push({ network: network.id, kind: decoded.kind });
    }
    return found;
  } catch {
    return [];
  }
}

function displayName(network: NetworkDefinition): string {
  const label = network.exchangeLabels[0];
  return label !== undefined && label !== network.name ? `${network.name} (${label})` : network.name;
}

function describeDetected(found: DetectedNetwork[]): string {
  if (found.every((entry) => entry.kind === 'ens-name')) return 'an ENS name, which stands for an Ethereum-style (EVM) address';
  const definitions = found.map((entry) => getNetwork(entry.network)!);
  const families = new Set(definitions.map((definition) => definition.family));
  if (families.size === 1) {
    const family = definitions[0]!.family;
    if (family === 'evm') return familyLabels.evm;
    if (family !== 'bitcoin-like' && family !== 'cosmos') return familyLabels[family];
  }
  const names = definitions.map((definition) => definition.name);
  const article = /^[AEIOU]/.test(names[0] ?? '') ? 'an' : 'a';
  return `${article} ${names.join(' or ')} address`;
}

function invalid(network: string, error: AddressError): ValidateAddressReturnType {
  return { valid: false, network, normalized: null, kind: null, warnings: [], error };
}

/**
 * Checks that `address` can receive funds on `network`, offline. A wrong-network address
 * is named ("This looks like a Tron address, but you chose Ethereum (ERC20).").
 */
export function validateAddress({ network, address }: ValidateAddressParameters): ValidateAddressReturnType {
  try {
    const definition = getNetwork(network);
    if (definition === undefined) return invalid(network, { code: 'unknown-network', message: `"${network}" is not a network this guide knows.` });
    const cleaned = clean(typeof address === 'string' ? address : '');
    const problem = precheck(cleaned);
    if (problem !== null) return invalid(network, problem);
    const decoded = decodeFor(cleaned, definition);
    if (decoded.ok) {
      const result: ValidateAddressReturnType = {
        valid: true,
        network,
        normalized: decoded.normalized,
        kind: decoded.kind,
        warnings: decoded.warnings,
        error: null,
      };
      if (decoded.details !== undefined) result.details = decoded.details;
      return result;
    }
    const elsewhere = detectNetworks(cleaned).filter((entry) => entry.network !== definition.id);
    if (elsewhere.length > 0) {
      return invalid(network, {
        code: 'wrong-network',
        message: `This looks like ${describeDetected(elsewhere)}, but you chose ${displayName(definition)}. Sending it on the wrong network can lose the funds.`,
      });
    }
    return invalid(network, { code: decoded.code, message: decoded.message });
  } catch {
    // Unreachable by design (every decoder catches); kept so a bug can never crash the UI.
    return invalid(network, { code: 'internal-error', message: 'This address could not be checked. Copy it again from your wallet.' });
  }
}
