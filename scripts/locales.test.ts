import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import english from '../public/_locales/en/messages.json';
import { translateFrom, type Messages } from '../lib/words/translate-from';
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

/**
 * The name of the first `$NAME$` in a message that Chromium would refuse, as its loader reads it
 * (extensions/common/message_bundle.cc): from each `$` to the next, a name of letters, digits, `_`
 * or `@` must be a placeholder of that message. `$3$4` reads as `$3$` there, and one such message
 * stops the whole extension from loading.
 */
function undefinedVariable(message: string, placeholders: Messages[string]['placeholders']): string | undefined {
  const defined = new Set(Object.keys(placeholders ?? {}).map((name) => name.toLowerCase()));
  for (let begin = message.indexOf('$'); begin !== -1; ) {
    const end = message.indexOf('$', begin + 1);
    if (end === -1) return undefined;
    const name = message.slice(begin + 1, end);
    if (!/^[A-Za-z0-9_@]+$/.test(name)) {
      begin = message.indexOf('$', begin + 1);
      continue;
    }
    if (!defined.has(name.toLowerCase())) return name;
    begin = message.indexOf('$', end + 1);
  }
  return undefined;
}

describe('every messages file as the browser loads it', () => {
  test('the reading of a message Chromium refuses', () => {
    expect(undefinedVariable('$2 of the $3 it held$4.', undefined)).toBeUndefined();
    expect(undefinedVariable('gehaltenen $3$4.', undefined)).toBe('3');
    expect(undefinedVariable('gehaltenen $base$$line$.', { base: { content: '$3' }, LINE: { content: '$4' } })).toBeUndefined();
    expect(undefinedVariable('costs $$5 or $1', undefined)).toBeUndefined();
  });

  test('uses no $NAME$ it does not define, in every locale and the pseudo-locale', () => {
    const folder = join(__dirname, '../public/_locales');
    const files = readdirSync(folder).map((locale) => [locale, JSON.parse(readFileSync(join(folder, locale, 'messages.json'), 'utf8')) as Messages] as const);
    expect(files.length).toBeGreaterThan(1);
    for (const [locale, messages] of [...files, [PSEUDO_LOCALE, pseudoMessages(english)] as const]) {
      for (const [key, { message, placeholders }] of Object.entries(messages)) expect(undefinedVariable(message, placeholders), `${locale} ${key}`).toBeUndefined();
    }
  });
});
