import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { validateAddress } from '../custody/validate-address';
import { translateFrom } from './translate-from';
import { ADDRESS_WARNING } from './guide-text';

const BOUNCEABLE = 'EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF';
const NON_BOUNCEABLE = 'UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA';

function guideWords(messages: typeof en | typeof sv, network: string, address: string): string[] {
  const result = validateAddress({ network, address });
  expect(result.error).toBeNull();
  const t = translateFrom(messages);
  return result.warnings.map((warning) => t(ADDRESS_WARNING[warning.code]));
}

describe('guide words for address warnings', () => {
  it('calls a non-bounceable (UQ…) TON address non-bounceable, in every language', () => {
    for (const messages of [en, sv]) {
      const uq = guideWords(messages, 'ton', NON_BOUNCEABLE);
      const eq = guideWords(messages, 'ton', BOUNCEABLE);
      expect(uq[0]).toMatch(/^[^.:]*\(UQ…\)/);
      expect(eq[0]).toMatch(/^[^.:]*\(EQ…\)/);
      expect(uq[0]).not.toBe(eq[0]);
    }
  });

  it('speaks the same English in the guide as the CLI, for the memo and TON warnings', () => {
    const t = translateFrom(en);
    const cases: Array<[string, string]> = [
      ['ton', BOUNCEABLE],
      ['ton', NON_BOUNCEABLE],
      ['ton', '0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e'],
      ['cosmos', 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu'],
    ];
    for (const [network, address] of cases) {
      const result = validateAddress({ network, address });
      expect(result.error).toBeNull();
      for (const warning of result.warnings.filter((w) => ['memo', 'ton-bounceable', 'ton-non-bounceable'].includes(w.code))) {
        expect(warning.message).toBe(t(ADDRESS_WARNING[warning.code]));
      }
    }
  });
});
