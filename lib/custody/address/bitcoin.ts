import { base58, bech32, bech32m } from '@scure/base';
import type { NetworkDefinition, NetworkId } from '../networks';
import { base58check, fail, tryDecode, type AddressDetails, type AddressWarning, type Decoded } from './shared';

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

export function decodeSegwit(address: string, params: BitcoinLikeParams, network: NetworkDefinition): Decoded {
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

export function decodeBitcoinLike(address: string, network: NetworkDefinition): Decoded {
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
  if (params.testnetVersions.includes(version))
    return fail('testnet', `This looks like a ${network.name} testnet address. Testnet coins have no value and cannot receive real ${network.nativeAsset}.`);
  return fail('bad-format', `This is a valid-looking address, but not for ${network.name}.`);
}
