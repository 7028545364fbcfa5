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
  /** Version bytes shared with another chain: an address with one gets the `shared-format` warning. */
  sharedVersions?: readonly number[];
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
    // Litecoin "3…" addresses have Bitcoin's P2SH format; Litecoin wallets now show "M…" or "ltc1…".
    sharedVersions: [0x05],
  },
  dogecoin: { p2pkh: [0x1e], p2sh: [0x16], testnetVersions: [0x71, 0xc4], testnetPrefixes: [] },
};

/**
 * Addresses whose key nobody can have found, so coins sent there are burnt. The reason is in the address itself:
 * "1BitcoinEaterAddressDontSend" is 27 chosen base58 characters (about 58^27 tries to hit by chance), and
 * 1111111111111111111114oLvT2 is the hash160 of all zeros (160 fixed bits), the analogue of the EVM zero address.
 */
const BITCOIN_BURN_ADDRESSES: ReadonlySet<string> = new Set(['1BitcoinEaterAddressDontSendf59kuE', '1111111111111111111114oLvT2']);

export function decodeSegwit(address: string, params: BitcoinLikeParams): Decoded {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) {
    return fail('bad-format');
  }
  const separator = lower.lastIndexOf('1');
  const prefix = lower.slice(0, separator);
  if (params.testnetPrefixes.includes(prefix)) return fail('testnet');
  if (prefix !== params.segwitPrefix) return fail('bad-format');
  const asBech32 = bech32.decodeUnsafe(lower, 90);
  const asBech32m = bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (decoded === undefined) return fail('bad-checksum');
  const [version, ...programWords] = decoded.words;
  if (version === undefined) return fail('bad-length');
  if (version > 16) return fail('bad-format');
  // BIP-350: version 0 must use bech32, versions 1+ must use bech32m; the other checksum is invalid.
  if ((version === 0 && asBech32 === undefined) || (version > 0 && asBech32m === undefined)) {
    return fail('bad-checksum');
  }
  const program = bech32.fromWordsUnsafe(programWords);
  if (program === undefined || program.length < 2 || program.length > 40) return fail('bad-length');
  const details: AddressDetails = { witnessVersion: version };
  if (version === 0) {
    if (program.length === 20) return { ok: true, kind: 'p2wpkh', normalized: lower, warnings: [], details };
    if (program.length === 32) return { ok: true, kind: 'p2wsh', normalized: lower, warnings: [], details };
    return fail('bad-length');
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
      },
    ],
  };
}

export function decodeBitcoinLike(address: string, network: NetworkDefinition): Decoded {
  const params = bitcoinLikeParams[network.id];
  if (params === undefined) return fail('bad-format');
  const lower = address.toLowerCase();
  if (network.id === 'litecoin' && lower.startsWith('ltcmweb1')) {
    return fail('bad-format');
  }
  const segwitLike = [params.segwitPrefix, ...params.testnetPrefixes].some((prefix) => prefix !== undefined && lower.startsWith(`${prefix}1`));
  if (segwitLike) return decodeSegwit(address, params);
  const raw = tryDecode(() => base58.decode(address));
  if (raw === undefined) return fail('bad-format');
  if (raw.length !== 25) return fail('bad-length');
  const payload = tryDecode(() => base58check.decode(address));
  if (payload === undefined) return fail('bad-checksum');
  const version = payload[0] ?? -1;
  const warnings: AddressWarning[] = [];
  if (params.sharedVersions?.includes(version)) warnings.push({ code: 'shared-format' });
  if (network.id === 'bitcoin' && BITCOIN_BURN_ADDRESSES.has(address)) return fail('burn-address');
  if (params.p2pkh.includes(version)) return { ok: true, kind: 'p2pkh', normalized: address, warnings };
  if (params.p2sh.includes(version)) return { ok: true, kind: 'p2sh', normalized: address, warnings };
  if (params.testnetVersions.includes(version)) return fail('testnet');
  return fail('bad-format');
}
