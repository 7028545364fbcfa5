import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAddressGroups, splitAddressPrefix } from './format';

describe('formatAddressGroups', () => {
  it('keeps 0x apart and groups the 40 hex characters in tens of fours', () => {
    const result = formatAddressGroups({ address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' });
    expect(result.prefix).toBe('0x');
    expect(result.groups).toHaveLength(10);
    expect(result.text).toBe('0x 5aAe b605 3F3E 94C9 b9A0 9f33 6694 35E7 Ef1B eAed');
  });

  it('keeps a bech32 human-readable part together', () => {
    expect(formatAddressGroups({ address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }).text).toBe('bc1 qw50 8d6q ejxt dg4y 5r3z arva ry0c 5xw7 kv8f 3t4');
    expect(formatAddressGroups({ address: 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu' }).prefix).toBe('cosmos1');
  });

  it('does not invent a prefix for base58 addresses that merely contain a 1', () => {
    expect(splitAddressPrefix('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa').prefix).toBe('');
    expect(splitAddressPrefix('rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf').prefix).toBe('');
    expect(formatAddressGroups({ address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' }).text).toBe('TJRa bPrw bZy4 5sba vfcj inPJ C18k jpRT v8');
  });

  it('keeps the TON raw workchain apart', () => {
    expect(splitAddressPrefix('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e').prefix).toBe('0:');
    expect(splitAddressPrefix('-1:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e').prefix).toBe('-1:');
  });

  it('loses and adds no character, for any input and group size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.integer({ min: -2, max: 9 }), (address, groupSize) => {
        const { prefix, groups } = formatAddressGroups({ address, groupSize });
        expect(prefix + groups.join('')).toBe(address.trim());
        const size = groupSize > 0 ? groupSize : 4;
        for (const group of groups.slice(0, -1)) expect(group).toHaveLength(size);
      }),
    );
  });
});
