import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { HOLDINGS_PROBLEMS, HoldingsStateSchema, MAX_HOLDINGS } from '../holdings/model';
import { holdingsSaveFailureText } from './holdings-save-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const asset = (amount: number) => ({ id: 'h1', kind: 'asset', custodian: 'self', asset: 'BTC', amount, updatedAt: 0 });
const refusal = (state: unknown) => {
  const parsed = v.safeParse(HoldingsStateSchema, state);
  return parsed.success ? undefined : parsed.issues[0]?.message;
};

describe('holdings save words', () => {
  test('every reason a save is refused has its sentence in every locale', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const code of [...HOLDINGS_PROBLEMS, 'invalid'] as const) expect(holdingsSaveFailureText(code, t), `${locale}:${code}`).toMatch(/^[^$]+$/);
      expect(holdingsSaveFailureText('too-many-holdings', t), locale).toContain(String(MAX_HOLDINGS));
    }
  });

  test('the schema refuses with codes, not English: they are what a failed save carries', () => {
    const empty = { addresses: [], history: [] };
    expect(refusal({ ...empty, holdings: [asset(1e16)] })).toBe('amount-too-large');
    expect(refusal({ ...empty, holdings: [asset(-1)] })).toBe('bad-amount');
    expect(refusal({ ...empty, holdings: [{ ...asset(1), asset: 'not a ticker' }] })).toBe('bad-asset');
    expect(refusal({ ...empty, holdings: Array.from({ length: MAX_HOLDINGS + 1 }, (_, i) => ({ ...asset(1), id: `h${i}` })) })).toBe('too-many-holdings');
    expect(refusal({ holdings: [], addresses: [{ id: 'a', address: '0x12', chainIds: [] }], history: [] })).toBe('bad-address');
    expect(refusal({ holdings: [], addresses: [], history: [{ day: 'yesterday', selfShare: 0.5 }] })).toBe('bad-day');
    const english = translateFrom(read('en'));
    expect(holdingsSaveFailureText('amount-too-large', english)).toBe('That amount is too large to be real.');
  });

  test('lib/holdings/model.ts and the save in utils word nothing a user reads', () => {
    const model = readFileSync(join(root, 'lib/holdings/model.ts'), 'utf8');
    expect(model).not.toMatch(/'[A-Z][a-z]+ [^']*\.'/);
    expect(readFileSync(join(root, 'utils/holdings.ts'), 'utf8')).not.toMatch(/'[A-Z][a-z]+ [^']*\.'/);
  });
});
