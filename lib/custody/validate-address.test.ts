import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bech32, bech32m } from '@scure/base';
import { getAddress, toHex } from 'viem';
import { validateAddress } from './validate-address';
import { check, invalid, substitute, valid } from './validate-address.testkit';

describe('EVM (EIP-55)', () => {
  // Test vectors from https://eips.ethereum.org/EIPS/eip-55
  const eip55 = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it.each(eip55)('accepts the EIP-55 vector %s on every EVM network', (address) => {
    for (const network of ['ethereum', 'arbitrum', 'optimism', 'base', 'polygon', 'bsc', 'avalanche-c']) {
      const result = valid(network, address);
      expect(result.kind).toBe('evm');
      expect(result.normalized).toBe(address);
      expect(result.warnings.map((w) => w.code)).toEqual(['evm-network']);
    }
  });

  it('accepts all-lowercase with a compare-carefully warning and returns the checksummed form', () => {
    const result = valid('ethereum', eip55[0]!.toLowerCase());
    expect(result.normalized).toBe(eip55[0]);
    expect(result.warnings[0]!.code).toBe('no-checksum');
  });

  it('rejects a mixed-case address whose checksum is wrong', () => {
    // Last letter flipped from "d" to "D".
    invalid('ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'bad-checksum');
  });

  it('names a missing 0x and a wrong length', () => {
    invalid('ethereum', '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'bad-format');
    invalid('ethereum', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', 'bad-length');
  });

  it('refuses the zero address', () => {
    invalid('base', '0x0000000000000000000000000000000000000000', 'burn-address');
  });

  it('names an ENS name pasted for a non-EVM network', () => {
    expect(invalid('solana', 'vitalik.eth', 'wrong-network').error!.belongsTo).toEqual(['ethereum', 'arbitrum', 'optimism', 'base', 'polygon', 'bsc', 'avalanche-c']);
  });

  it('marks ENS names as needing resolution', () => {
    const result = valid('ethereum', 'Vitalik.eth');
    expect(result.kind).toBe('ens-name');
    expect(result.normalized).toBe('vitalik.eth');
    expect(result.warnings[0]!.code).toBe('needs-resolution');
  });

  it('catches every single-character change in a mixed-case checksummed address', () => {
    const hexChars = '0123456789abcdefABCDEF';
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat({ max: 39 }), fc.constantFrom(...hexChars), (bytes, position, replacement) => {
        const address = getAddress(toHex(bytes));
        const body = address.slice(2);
        // EIP-55 is a probabilistic check: a changed character slips through with
        // probability 2^-(letters). Requiring 16+ letters keeps that below 2^-16 per case,
        // and the fixed seed keeps the run reproducible.
        fc.pre((body.match(/[a-fA-F]/g) ?? []).length >= 16);
        fc.pre(body[position] !== replacement);
        const mutated = `0x${substitute(body, position, replacement)}`;
        const result = validateAddress({ network: 'ethereum', address: mutated });
        const mutatedBody = mutated.slice(2);
        const oneCase = mutatedBody === mutatedBody.toLowerCase() || mutatedBody === mutatedBody.toUpperCase();
        // Only way to pass: the change made the whole address one case, which EIP-55 defines
        // as "no checksum" and we accept with a warning.
        if (result.valid) {
          expect(oneCase).toBe(true);
          expect(result.warnings.some((w) => w.code === 'no-checksum')).toBe(true);
        } else {
          expect(result.error!.code).toBe('bad-checksum');
        }
      }),
      { seed: 20261125, numRuns: 300 },
    );
  });
});

describe('Bitcoin', () => {
  // BIP-350 (https://github.com/bitcoin/bips/blob/master/bip-0350.mediawiki) valid mainnet vectors.
  it.each([
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'p2wpkh'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'p2tr'],
    ['bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y', 'witness-future'],
    ['BC1SW50QGDZ25J', 'witness-future'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'witness-future'],
  ])('accepts %s as %s', (address, kind) => {
    const result = valid('bitcoin', address);
    expect(result.kind).toBe(kind);
    expect(result.normalized).toBe(address.toLowerCase());
    if (kind === 'witness-future') expect(result.warnings[0]!.code).toBe('future-witness-version');
  });

  it('accepts the BIP-173 P2WSH vector', () => {
    expect(valid('bitcoin', 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3').kind).toBe('p2wsh');
  });

  // BIP-350 invalid vectors (mainnet and testnet ones).
  it.each([
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'bad-checksum'], // bech32 instead of bech32m
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'bad-checksum'], // bech32 instead of bech32m
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'bad-checksum'], // bech32m instead of bech32
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'bad-checksum'], // invalid character in checksum
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'bad-format'], // witness version 17
    ['bc1pw5dgrnzv', 'bad-length'], // 1-byte program
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'bad-length'], // 41-byte program
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'bad-length'], // 16 bytes for v0
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'bad-length'], // over-long padding
    ['bc1gmk9yu', 'bad-length'], // empty data
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'bad-format'], // mixed case
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'bad-format'], // unknown HRP
  ])('rejects the BIP-350 invalid vector %s with %s', (address, code) => {
    invalid('bitcoin', address, code);
  });

  it('gives the specific reason for the clear-cut BIP-350 invalid vectors', () => {
    invalid('bitcoin', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'bad-checksum');
    invalid('bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'bad-checksum');
    invalid('bitcoin', 'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'bad-length');
    invalid('bitcoin', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'testnet');
    invalid('bitcoin', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3t4', 'bad-format');
  });

  it('accepts base58 P2PKH and P2SH mainnet addresses', () => {
    // The genesis block coinbase address, and a widely used P2SH example.
    expect(valid('bitcoin', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa').kind).toBe('p2pkh');
    expect(valid('bitcoin', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy').kind).toBe('p2sh');
  });

  it('names testnet base58 addresses', () => {
    invalid('bitcoin', check.encode(Uint8Array.from([0x6f, ...new Uint8Array(20).fill(7)])), 'testnet');
  });

  it('catches every single-character change in a base58check address', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x00, 0x05),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(...'123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'),
        (version, hash, rawPosition, replacement) => {
          const address = check.encode(Uint8Array.from([version, ...hash]));
          const position = rawPosition % address.length;
          fc.pre(address[position] !== replacement);
          const result = validateAddress({ network: 'bitcoin', address: substitute(address, position, replacement) });
          expect(result.valid).toBe(false);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('catches every single-character change in a bech32 / bech32m address', () => {
    const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.boolean(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(), fc.constantFrom(...charset), (version, short, program, rawPosition, replacement) => {
        const bytes = version === 0 && short ? program.subarray(0, 20) : program;
        const coder = version === 0 ? bech32 : bech32m;
        const address = coder.encode('bc', [version, ...coder.toWords(bytes)]);
        expect(validateAddress({ network: 'bitcoin', address }).valid).toBe(true);
        const position = rawPosition % address.length;
        fc.pre(address[position] !== replacement);
        expect(validateAddress({ network: 'bitcoin', address: substitute(address, position, replacement) }).valid).toBe(false);
      }),
      { seed: 11, numRuns: 400 },
    );
  });
});

describe('Litecoin and Dogecoin', () => {
  it('accepts version bytes per network and flags the shared "3" format on Litecoin', () => {
    const hash = new Uint8Array(20).fill(0x42);
    const ltcL = check.encode(Uint8Array.from([0x30, ...hash]));
    const ltcM = check.encode(Uint8Array.from([0x32, ...hash]));
    const legacy3 = check.encode(Uint8Array.from([0x05, ...hash]));
    const dogeD = check.encode(Uint8Array.from([0x1e, ...hash]));
    const doge9A = check.encode(Uint8Array.from([0x16, ...hash]));
    expect(ltcL[0]).toBe('L');
    expect(ltcM[0]).toBe('M');
    expect(dogeD[0]).toBe('D');
    expect(['9', 'A']).toContain(doge9A[0]);
    expect(valid('litecoin', ltcL).kind).toBe('p2pkh');
    expect(valid('litecoin', ltcM).kind).toBe('p2sh');
    expect(valid('litecoin', legacy3).warnings[0]!.code).toBe('shared-format');
    expect(valid('dogecoin', dogeD).kind).toBe('p2pkh');
    expect(valid('dogecoin', doge9A).kind).toBe('p2sh');
    expect(validateAddress({ network: 'bitcoin', address: dogeD }).error).toEqual({ code: 'wrong-network', belongsTo: ['dogecoin'] });
    expect(validateAddress({ network: 'dogecoin', address: legacy3 }).error).toEqual({ code: 'wrong-network', belongsTo: ['bitcoin', 'litecoin'] });
  });

  it('refuses Litecoin MWEB (private) addresses, which the guide does not check', () => {
    invalid('litecoin', 'ltcmweb1qqxyz', 'bad-format');
  });

  it('accepts ltc1 segwit addresses and rejects bitcoin ones on Litecoin', () => {
    const address = bech32.encode('ltc', [0, ...bech32.toWords(new Uint8Array(20).fill(9))]);
    expect(valid('litecoin', address).kind).toBe('p2wpkh');
    const result = invalid('litecoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'wrong-network');
    expect(result.error!.belongsTo).toEqual(['bitcoin']);
  });
});
