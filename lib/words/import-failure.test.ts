import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportFailure } from '../holdings/export-data';
import { IMPORT_FAILURE_KEYS, importFailureText } from './import-failure';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const FAILURES: ImportFailure[] = [
  { code: 'not-text' },
  { code: 'too-large', limitKb: 2000 },
  { code: 'empty' },
  { code: 'not-json' },
  { code: 'wrong-format' },
  { code: 'too-deep', depth: 32 },
  { code: 'hostile-key', key: '__proto__', where: 'settings.theme.__proto__' },
  { code: 'newer-version', version: 2 },
  { code: 'invalid', where: 'holdings[0].amount' },
  { code: 'invalid', where: '' },
];

describe('import failure words', () => {
  test('every refusal has its sentence in every locale, each figure filled in, each kind its own sentence', () => {
    expect(locales).toHaveLength(8);
    expect(new Set(FAILURES.map((failure) => failure.code))).toEqual(new Set(Object.keys(IMPORT_FAILURE_KEYS)));
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = FAILURES.map((failure) => importFailureText(failure, t));
      expect(new Set(texts).size, locale).toBe(FAILURES.length);
      for (const [i, failure] of FAILURES.entries()) {
        expect(texts[i], `${locale}:${failure.code}`).not.toMatch(/^$|\$\d/);
        for (const [name, figure] of Object.entries(failure)) if (name !== 'code' && figure !== '') expect(texts[i], `${locale}:${failure.code}`).toContain(String(figure));
      }
    }
  });

  test('lib/holdings/export-data.ts words nothing: its refusals are codes and figures', () => {
    const source = readFileSync(join(root, 'lib/holdings/export-data.ts'), 'utf8');
    expect(source).not.toMatch(/fail\(\s*'[a-z-]+',\s*['`]/);
    expect(source).not.toMatch(/`The file [^`]*`|'The file [^']*'/);
  });
});
