import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base58, base58xrp, base64url, bech32 } from '@scure/base';
import { sha256, toHex } from 'viem';
import { crc16Xmodem, detectNetworks, validateAddress } from './validate-address';
import { check, invalid, substitute, valid } from './validate-address.testkit';
import { networkIds } from './networks';

describe('Solana', () => {
  it('accepts a 32-byte base58 key and warns there is no checksum', () => {
    // SPL Token program id, published in Solana's docs.
    const result = valid('solana', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
    expect(result.kind).toBe('solana');
    expect(result.warnings[0]!.code).toBe('no-checksum');
  });

  it('rejects other lengths and characters outside base58, and the System Program', () => {
    invalid('solana', base58.encode(new Uint8Array(31).fill(200)), 'bad-length');
    invalid('solana', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D0', 'bad-format');
    invalid('solana', '11111111111111111111111111111111', 'burn-address');
  });
});

describe('Tron', () => {
  it('accepts a T… address (a widely used Tron example address)', () => {
    expect(valid('tron', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8').kind).toBe('tron');
  });

  it('converts the 41… hex form to base58 with a warning', () => {
    const bytes = check.decode('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8');
    const result = valid('tron', toHex(bytes).slice(2));
    expect(result.normalized).toBe('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8');
    expect(result.warnings[0]!.code).toBe('converted-form');
  });

  it('names a Tron address pasted for an EVM network', () => {
    const result = invalid('ethereum', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', 'wrong-network');
    expect(result.error!.belongsTo).toEqual(['tron']);
  });

  it('catches every single-character change', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), fc.constantFrom(...'123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'), (hash, rawPosition, replacement) => {
        const address = check.encode(Uint8Array.from([0x41, ...hash]));
        expect(validateAddress({ network: 'tron', address }).valid).toBe(true);
        const position = rawPosition % address.length;
        fc.pre(address[position] !== replacement);
        expect(validateAddress({ network: 'tron', address: substitute(address, position, replacement) }).valid).toBe(false);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('XRP Ledger', () => {
  // ripple-address-codec README examples (linked from https://xrpl.org/docs/concepts/accounts/addresses).
  it('decodes the published X-address example to its classic address and tag', () => {
    const result = valid('xrp', 'XVLhHMPHU98es4dbozjVtdWzVrDjtV18pX8yuPT7y4xaEHi');
    expect(result.kind).toBe('xrp-x-address');
    expect(result.details).toEqual({ classicAddress: 'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf', destinationTag: 4294967295 });
  });

  // xrpl.js / ripple-address-codec test vectors: untagged, tag 1 and tag 0 are all distinct.
  it.each([
    ['X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ', { classicAddress: 'r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59' }],
    ['X7AcgcsBL6XDcUb289X4mJ8djcdyKaGZMhc9YTE92ehJ2Fu', { classicAddress: 'r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59', destinationTag: 1 }],
    ['XVLhHMPHU98es4dbozjVtdWzVrDjtV8AqEL4xcZj5whKbmc', { classicAddress: 'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf', destinationTag: 0 }],
  ])('decodes %s', (address, details) => {
    const result = valid('xrp', address);
    expect(result.details).toEqual(details);
    // An untagged X-address must not be told it carries a tag.
    expect(result.warnings.map((warning) => warning.code)).toEqual(['destinationTag' in details ? 'tag-in-address' : 'x-address-no-tag']);
  });

  it('names the test-network X-address example as testnet', () => {
    invalid('xrp', 'T7oKJ3q7s94kDH6tpkBowhetT1JKfcfdSCmAXbS75iATyLD', 'testnet');
  });

  it('accepts a classic address with destination-tag guidance', () => {
    const result = valid('xrp', 'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf');
    expect(result.kind).toBe('xrp-classic');
    expect(result.warnings[0]!.code).toBe('destination-tag');
  });

  it('refuses the special black-hole addresses (which are otherwise well-formed)', () => {
    for (const address of ['rrrrrrrrrrrrrrrrrrrrrhoLvTp', 'rrrrrrrrrrrrrrrrrrrrBZbvji', 'rrrrrrrrrrrrrrrrrNAMEtxvNvQ', 'rrrrrrrrrrrrrrrrrrrn5RM1rHd']) {
      invalid('xrp', address, 'burn-address');
    }
  });

  it('catches every single-character change in a classic address', () => {
    const alphabet = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), fc.constantFrom(...alphabet), (accountId, rawPosition, replacement) => {
        const payload = Uint8Array.from([0, ...accountId]);
        const checksum = sha256(sha256(payload, 'bytes'), 'bytes').subarray(0, 4);
        const address = base58xrp.encode(Uint8Array.from([...payload, ...checksum]));
        expect(validateAddress({ network: 'xrp', address }).valid).toBe(true);
        const position = rawPosition % address.length;
        fc.pre(address[position] !== replacement);
        expect(validateAddress({ network: 'xrp', address: substitute(address, position, replacement) }).valid).toBe(false);
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('TON', () => {
  // https://docs.ton.org/v3/guidelines/dapps/cookbook (user-friendly ↔ raw pair).
  it('decodes the TON docs example and its raw form to the same account', () => {
    const friendly = valid('ton', 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF');
    expect(friendly.kind).toBe('ton-bounceable');
    expect(friendly.details).toMatchObject({ bounceable: true, workchain: 0, raw: '0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e' });
    const raw = valid('ton', '0:CA6E321C7CCE9ECEDF0A8CA2492EC8592494AA5FB5CE0387DFF96EF6AF982A3E');
    expect(raw.kind).toBe('ton-raw');
    expect(raw.normalized).toBe(friendly.details!.raw);
    expect(raw.warnings[0]!.code).toBe('raw-form');
  });

  // The same account in the forms listed by the TON docs (address formats page).
  it.each([
    ['UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA', 'valid'],
    ['EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff+W72r5gqPrHF', 'valid'],
    ['kQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPgpP', 'testnet'],
    ['0QDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPleK', 'testnet'],
  ])('reads the docs form %s as %s', (address, expected) => {
    if (expected === 'valid') expect(valid('ton', address).details!.raw).toBe('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e');
    else invalid('ton', address, 'testnet');
  });

  it('tells bounceable from non-bounceable and recommends UQ for new wallets', () => {
    const bytes = base64url.decode('EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF');
    const nonBounceable = Uint8Array.from(bytes);
    nonBounceable[0] = 0x51;
    const crc = crc16Xmodem(nonBounceable.subarray(0, 34));
    nonBounceable[34] = crc >> 8;
    nonBounceable[35] = crc & 0xff;
    const address = base64url.encode(nonBounceable);
    expect(address).toBe('UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA');
    const result = valid('ton', address);
    expect(result.kind).toBe('ton-non-bounceable');
    expect(result.warnings[0]!.code).toBe('ton-non-bounceable');
    expect(valid('ton', 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF').warnings[0]!.code).toBe('ton-bounceable');
  });

  it('accepts the standard-base64 spelling and normalises it to base64url', () => {
    const result = valid('ton', 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff+W72r5gqPrHF');
    expect(result.normalized).toBe('EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF');
  });

  it('names a testnet address', () => {
    // Published with a testnet flag: https://github.com/tonfactory/tonsdk/issues/41
    invalid('ton', 'kQAvlWFDxGF2lXm67y4yzC17wYKD9A0guwPkMs1gOsM__GgZ', 'testnet');
  });

  it('checks the CRC-16 on the docs example', () => {
    const bytes = base64url.decode('EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF');
    expect(crc16Xmodem(bytes.subarray(0, 34))).toBe((bytes[34]! << 8) | bytes[35]!);
    // CRC-16/XMODEM check value for "123456789".
    expect(crc16Xmodem(new TextEncoder().encode('123456789'))).toBe(0x31c3);
  });

  it('catches every single-character change in a user-friendly address', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.constantFrom(0x11, 0x51), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat({ max: 47 }), fc.constantFrom(...alphabet), (flag, hash, position, replacement) => {
        const body = Uint8Array.from([flag, 0, ...hash]);
        const crc = crc16Xmodem(body);
        const address = base64url.encode(Uint8Array.from([...body, crc >> 8, crc & 0xff]));
        expect(validateAddress({ network: 'ton', address }).valid).toBe(true);
        fc.pre(address[position] !== replacement);
        expect(validateAddress({ network: 'ton', address: substitute(address, position, replacement) }).valid).toBe(false);
      }),
      { seed: 19, numRuns: 400 },
    );
  });
});

describe('Cosmos family', () => {
  // Payload 0x01..0x14 under each prefix; the cosmos1 string is the common Cosmos SDK test vector.
  const cosmosAddress = 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu';
  const osmoAddress = bech32.encode('osmo', bech32.toWords(Uint8Array.from({ length: 20 }, (_, i) => i + 1)));

  it('checks the per-network prefix', () => {
    expect(bech32.encode('cosmos', bech32.toWords(Uint8Array.from({ length: 20 }, (_, i) => i + 1)))).toBe(cosmosAddress);
    expect(valid('cosmos', cosmosAddress).kind).toBe('cosmos-account');
    expect(valid('osmosis', osmoAddress).kind).toBe('cosmos-account');
    expect(invalid('osmosis', cosmosAddress, 'wrong-network').error!.belongsTo).toEqual(['cosmos']);
  });

  it('names other Cosmos-SDK chains and validator addresses', () => {
    const terra = bech32.encode('terra', bech32.toWords(new Uint8Array(20).fill(3)));
    invalid('cosmos', terra, 'other-chain');
    const valoper = bech32.encode('cosmosvaloper', bech32.toWords(new Uint8Array(20).fill(3)));
    invalid('cosmos', valoper, 'not-an-account');
  });

  it('catches every single-character change', () => {
    const charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), fc.constantFrom(...charset), (bytes, rawPosition, replacement) => {
        const address = bech32.encode('osmo', bech32.toWords(bytes));
        const position = 5 + (rawPosition % (address.length - 5));
        fc.pre(address[position] !== replacement);
        expect(validateAddress({ network: 'osmosis', address: substitute(address, position, replacement) }).valid).toBe(false);
      }),
      { seed: 23, numRuns: 300 },
    );
  });
});

describe('input handling', () => {
  it('trims copy-paste whitespace but rejects spaces and look-alike characters inside', () => {
    expect(valid('tron', '  TJRabPrwbZy45sbavfcjinPJC18kjpRTv8\n').normalized).toBe('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8');
    invalid('tron', 'TJRabPrwbZy45sbav fcjinPJC18kjpRTv8', 'bad-characters');
    invalid('tron', 'TJRabPrwbZy45sbav\u200bfcjinPJC18kjpRTv8', 'bad-characters');
    // Cyrillic "а" in place of Latin "a".
    invalid('ethereum', '0x5\u0430Aeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'bad-characters');
  });

  it('reports empty input, absurd length and unknown networks', () => {
    invalid('bitcoin', '', 'empty');
    invalid('bitcoin', 'x'.repeat(5000), 'too-long');
    const result = validateAddress({ network: 'dogechain-x', address: 'abc' });
    expect(result.error!.code).toBe('unknown-network');
  });

  it('never throws and never hits the internal-error fallback on random input', () => {
    const plausible = fc
      .tuple(
        fc.constantFrom('', '0x', 'bc1', 'BC1', 'ltc1', 'T', 'r', 'X', 'EQ', 'UQ', '0:', '-1:', 'cosmos1', 'osmo1', '1', '3', 'D'),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFqpzry9x8gf2tvdw0s3jn54khce6mua7lXYZ-_+/:.'), maxLength: 70 }),
      )
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(fc.constantFrom(...networkIds), fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 80 }), plausible), (network, address) => {
        const result = validateAddress({ network, address });
        expect(typeof result.valid).toBe('boolean');
        if (!result.valid) {
          expect(result.error).not.toBeNull();
          expect(result.error!.code).not.toBe('internal-error');
          expect(Object.keys(result.error!).every((key) => key === 'code' || key === 'belongsTo')).toBe(true);
        }
        expect(() => JSON.stringify(result)).not.toThrow();
        expect(Array.isArray(detectNetworks(address))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});

describe('detectNetworks', () => {
  it('lists every EVM network for a 0x address and one network for the others', () => {
    expect(detectNetworks('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed').map((d) => d.network)).toEqual(['ethereum', 'arbitrum', 'optimism', 'base', 'polygon', 'bsc', 'avalanche-c']);
    expect(detectNetworks('TJRabPrwbZy45sbavfcjinPJC18kjpRTv8')).toEqual([{ network: 'tron', kind: 'tron' }]);
    expect(detectNetworks('rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf')).toEqual([{ network: 'xrp', kind: 'xrp-classic' }]);
    expect(detectNetworks('EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF')).toEqual([{ network: 'ton', kind: 'ton-bounceable' }]);
    expect(detectNetworks('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy').map((d) => d.network)).toEqual(['bitcoin', 'litecoin']);
    expect(detectNetworks('not an address')).toEqual([]);
  });
});
