import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bech32, bech32m } from '@scure/base';
import { isBech32 } from './bech32-checksum';

/** The reference: what `@scure/base` accepts as bech32 or bech32m within the limit. */
const scureAccepts = (text: string, limit = 90): boolean => (bech32.decodeUnsafe(text, limit) ?? bech32m.decodeUnsafe(text, limit)) !== undefined;

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** A human-readable part like the real ones (bc, tb, cosmos, osmo, …) or any printable ASCII. */
const prefix = fc.oneof(
  fc.constantFrom('bc', 'tb', 'bcrt', 'ltc', 'cosmos', 'osmo', 'terra', 'addr', 'celestia', 'inj', 'kava', 'sei'),
  fc.string({ unit: fc.integer({ min: 33, max: 126 }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 20 }),
);
const words = fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 70 });
/** Real encodings by `@scure/base`, bech32 and bech32m alike, within the 90-character limit. */
const encoded = fc
  .tuple(prefix, words, fc.boolean())
  .filter(([hrp, data]) => hrp.length + 7 + data.length <= 90)
  .map(([hrp, data, modern]) => (modern ? bech32m : bech32).encode(hrp, data));

describe('isBech32', () => {
  it('accepts the BIP-173 and BIP-350 test vectors and real addresses', () => {
    for (const address of [
      'A12UEL5L',
      'a12uel5l',
      'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu',
      'A1LQFN3A',
      'abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx',
    ]) {
      expect(isBech32(address)).toBe(true);
      expect(scureAccepts(address)).toBe(true);
    }
  });

  it('refuses mixed case, a wrong checksum, a missing separator and overlong strings', () => {
    for (const text of [
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5',
      'bC1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf',
      'an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4',
    ]) {
      expect(isBech32(text)).toBe(false);
      expect(scureAccepts(text)).toBe(false);
    }
  });

  it('agrees with @scure/base on every real encoding', () => {
    fc.assert(
      fc.property(encoded, fc.boolean(), (address, upper) => {
        const text = upper ? address.toUpperCase() : address;
        expect(scureAccepts(text)).toBe(true);
        expect(isBech32(text)).toBe(true);
      }),
    );
  });

  it('agrees with @scure/base on encodings with one character changed, cut or added', () => {
    const edit = fc.oneof(
      fc.tuple(fc.constant('replace' as const), fc.nat(), fc.constantFrom(...`${CHARSET}1BQXbio!~ é`)),
      fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
      fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom(...`${CHARSET}1`)),
    );
    fc.assert(
      fc.property(encoded, edit, (address, [kind, at, character]) => {
        const index = at % address.length;
        const head = address.slice(0, index);
        const text = kind === 'replace' ? head + character + address.slice(index + 1) : kind === 'delete' ? head + address.slice(index + 1) : head + character + address.slice(index);
        expect(isBech32(text)).toBe(scureAccepts(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with @scure/base on any string and any limit', () => {
    const text = fc.oneof(fc.string({ maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.string({ unit: fc.constantFrom(...`${CHARSET}1ABC`), maxLength: 100 }));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 120 }), (value, limit) => {
        expect(isBech32(value, limit)).toBe(scureAccepts(value, limit));
      }),
      { numRuns: 2000 },
    );
  });
});
