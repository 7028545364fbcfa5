import { describe, expect, test } from 'vitest';
import { looksLikeAddress, sameAddress } from './fields';

describe('looksLikeAddress', () => {
  test.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ',
    'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
    'rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh',
    'cosmos1hsk6jryyqjfhp5dhc55tc9jtckygx0eph6dd02',
    'UQBsGx9ArADUrREB34W-ghgsCgBShvfUr4Jvlu-0KGc33Tbt',
  ])('an address: %s', (value) => expect(looksLikeAddress(value)).toBe(true));

  test.each(['', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', 'hello world this is text', 'someone@example.com', '12.5', 'vitalik.eth', 'Bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq0'])(
    'not an address: %s',
    (value) => expect(looksLikeAddress(value)).toBe(false),
  );
});

describe('sameAddress', () => {
  test('0x addresses compare without case', () => {
    expect(sameAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed')).toBe(true);
  });
  test('base58 addresses compare with case', () => {
    expect(sameAddress('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVn2')).toBe(false);
  });
  test('a look-alike is different', () => {
    expect(sameAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', `0x5aAe${'1'.repeat(31)}BeAed`)).toBe(false);
    expect(sameAddress(' bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq ', 'BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toBe(true);
  });
});
