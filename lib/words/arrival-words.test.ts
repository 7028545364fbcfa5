import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ARRIVAL_ERROR } from './guide-text';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

describe('arrival check words', () => {
  test("every code the guide's arrival step can get is worded in every locale", () => {
    expect(locales).toHaveLength(8);
    const codes = [...readFileSync(join(root, 'lib/chain/arrival.ts'), 'utf8').matchAll(/new ArrivalError\('([a-z-]+)'/g)].map((match) => match[1]!);
    expect(new Set(codes)).toEqual(new Set(Object.keys(ARRIVAL_ERROR)));
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const key of Object.values(ARRIVAL_ERROR)) expect(t(key), `${locale}:${key}`).toMatch(/^[^$]+$/);
    }
  });

  test('lib/chain/arrival.ts words nothing a user reads: an error is its code, with details for logs', () => {
    const source = readFileSync(join(root, 'lib/chain/arrival.ts'), 'utf8');
    expect(source).not.toMatch(/ArrivalError\(\s*'[a-z-]+',\s*['`][A-Z]/);
    expect(source).not.toMatch(/message: error\.shortMessage/);
  });
});
