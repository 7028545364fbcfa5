import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import english from '../public/_locales/en/messages.json';
import { translateFrom } from '../components/translate-from';
import { bundledLocales, pseudoMessages, pseudoText, PSEUDO_LOCALE } from './locales';

const dirs: string[] = [];
function localesDir(folders: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-locales-'));
  dirs.push(dir);
  for (const folder of folders) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'messages.json'), '{}');
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the languages a build offers', () => {
  test('the listed locales whose file is there, in the list order; the pseudo-locale only when asked', () => {
    const dir = localesDir(['sv', 'en', 'de']);
    expect(bundledLocales({ localesDir: dir, pseudo: false }).map((entry) => entry.id)).toEqual(['en', 'sv', 'de']);
    expect(bundledLocales({ localesDir: dir, pseudo: true }).map((entry) => entry.id)).toEqual(['en', 'sv', 'de', PSEUDO_LOCALE.id]);
  });

  test('a messages folder without its line in lib/locales.ts stops the build', () => {
    expect(() => bundledLocales({ localesDir: localesDir(['en', 'ja']), pseudo: false })).toThrow(/public\/_locales\/ja has no line in lib\/locales\.ts/);
  });

  test("this repository's folders all have their line", () => {
    expect(bundledLocales({ localesDir: join(import.meta.dirname, '../public/_locales'), pseudo: false }).map((entry) => entry.id)).toEqual(expect.arrayContaining(['en', 'sv']));
  });
});

describe('the pseudo-locale', () => {
  test('wraps and accents the words, and leaves $1, $$ and $NAME$ for the lookup to fill in', () => {
    expect(pseudoText('Grade $1 of $TOTAL$ costs $$5')).toBe('⟦Ĝŕáđé $1 óƒ $TOTAL$ çóšţš $$5⟧');
    const t = translateFrom(pseudoMessages({ pillLabel: { message: 'Reserve Radar: $1, grade $2', description: 'x' } }));
    expect(t('pillLabel', ['Kraken', 'B'])).toBe('⟦Ŕéšéŕṽé Ŕáđáŕ: Kraken, ĝŕáđé B⟧');
  });

  test('has every English key and no Latin letter outside a placeholder', () => {
    const pseudo = pseudoMessages(english);
    expect(Object.keys(pseudo)).toEqual(Object.keys(english));
    for (const [key, { message }] of Object.entries(pseudo)) {
      expect(message.startsWith('⟦') && message.endsWith('⟧'), key).toBe(true);
      expect(message.replace(/\$\$|\$[1-9]|\$[A-Za-z0-9_@]+\$/g, ''), key).not.toMatch(/[A-Za-z]/);
    }
  });
});
