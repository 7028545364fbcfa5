import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { translateFrom, type Messages } from './translate-from';
import { LOCALES } from '../locales';
import { foreignQuotes, LOCALE_QUOTES } from '../../utils/locale-files.testkit';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('locales', () => {
  test('English and Swedish are there, and every locale file has its line in lib/locales.ts', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'sv']));
    const listed: readonly string[] = LOCALES.map((entry) => entry.id);
    for (const locale of locales) expect(listed, `public/_locales/${locale} has no line in lib/locales.ts`).toContain(locale);
  });

  test('every locale has exactly the English keys, none of them empty', () => {
    const english = Object.keys(read('en')).sort();
    for (const locale of locales) {
      const messages = read(locale);
      expect(Object.keys(messages).sort(), locale).toEqual(english);
      for (const [key, entry] of Object.entries(messages)) expect(typeof entry.message === 'string' && entry.message.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  test('every locale fills in the English placeholders: each of the same $1…$9 in each message, named placeholders read through their content', () => {
    const english = read('en');
    // A translation may name a placeholder for its own needs (Chrome refuses "$3$4", read as a name,
    // so side-by-side numbers need names): what counts is what each name stands for.
    const expanded = (entry: Messages[string] | undefined) => {
      const named = new Map(Object.entries(entry?.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
      return (entry?.message ?? '').replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named.get(name.toLowerCase()) ?? whole);
    };
    // Each placeholder is used, but not as often as in English: a translation may name an exchange once and then say "it".
    const tokens = (text: string) => [...new Set([...text.matchAll(/\$(?:[1-9]|[A-Za-z0-9_@]+\$)/g)].map((m) => m[0].toLowerCase()))].sort();
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) {
        expect(tokens(expanded(entry)), `${locale}:${key}`).toEqual(tokens(expanded(english[key])));
      }
    }
  });

  test('a description names only the placeholders its message holds: a translator reads no $N that is never filled', () => {
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) {
        const held = new Set(entry.message.match(/\$\d/g) ?? []);
        for (const named of (entry as { description?: string }).description?.match(/\$\d/g) ?? []) expect(held, `${locale}:${key} describes ${named}`).toContain(named);
      }
    }
  });

  test('Chrome loads every locale: no message holds a $name$ it would read as an undefined placeholder (as "$3$4" does)', () => {
    // Chrome's own scan (extensions/common/message_bundle.cc, ReplaceVariables): from each "$" to
    // the next one, a valid name in between must be a defined placeholder, or the whole extension
    // fails to load.
    const undefinedNames = (entry: Messages[string]) => {
      const defined = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      const found: string[] = [];
      for (let begin = entry.message.indexOf('$'); begin !== -1; begin = entry.message.indexOf('$', begin + 1)) {
        const end = entry.message.indexOf('$', begin + 1);
        if (end === -1) break;
        const name = entry.message.slice(begin + 1, end);
        if (!/^[A-Za-z0-9_@]+$/.test(name)) continue;
        if (!defined.includes(name.toLowerCase())) found.push(`$${name}$`);
        begin = end;
      }
      return found;
    };
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) expect(undefinedNames(entry), `${locale}:${key}`).toEqual([]);
    }
  });

  test("every locale quotes in its own marks, a placeholder's quotes too: no straight quote outside code, no other language's marks", () => {
    expect(foreignQuotes('Using "$1" number $2', 'en')).toEqual(['"$1" n', '" numb']);
    expect(foreignQuotes('Se usa «$1», por ejemplo exchange="kraken".', 'es')).toEqual(['«$1», ', '», por']);
    expect(foreignQuotes('Verwendet wird „$1“, zum Beispiel exchange="kraken".', 'de')).toEqual([]);
    for (const locale of locales) {
      expect(LOCALE_QUOTES[locale], `${locale} has no quote marks in utils/locale-files.testkit.ts`).toBeDefined();
      for (const [key, { message }] of Object.entries(read(locale))) expect(foreignQuotes(message, locale), `${locale}:${key}`).toEqual([]);
    }
  });

  test('every key the code asks for exists', () => {
    const english = read('en');
    const used = new Set<string>();
    for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('lib'), ...sourceFiles('utils')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(english[key], `missing message "${key}"`).toBeDefined();
  });

  test('every message of the shared card is asked for by the code, so none is translated for nothing', () => {
    const code = [...sourceFiles('components'), ...sourceFiles('lib')].filter((file) => !/\.(test|testkit)\.tsx?$/.test(file)).map((file) => readFileSync(file, 'utf8'));
    const shareKeys = Object.keys(read('en')).filter((key) => key.startsWith('shareText_'));
    expect(shareKeys.length).toBeGreaterThan(20);
    for (const key of shareKeys)
      expect(
        code.some((text) => text.includes(`'${key}'`)),
        `unused message "${key}"`,
      ).toBe(true);
  });

  test('chrome.i18n-style substitution', () => {
    const t = translateFrom({ pillLabel: { message: 'A $1 b $2 c $$' } });
    expect(t('pillLabel', ['x', 'y'])).toBe('A x b y c $');
    expect(t('pillLabel', 'x')).toBe('A x b  c $');
    expect(t('close')).toBe('');
  });

  test('named placeholders, case-insensitive, filled before the numbered ones', () => {
    const t = translateFrom({ pillLabel: { message: '$Exchange$ has $COUNT$ ($$)', placeholders: { exchange: { content: '$1' }, count: { content: '$2 items' } } } });
    expect(t('pillLabel', ['Kraken', '3'])).toBe('Kraken has 3 items ($)');
  });

  test('a key that is only on Object.prototype is no message', () => {
    expect(translateFrom({})('constructor' as 'close')).toBe('');
  });

  test('a rise the words already name carries no plus sign too ("rose by +0.01 ETH" says it twice)', () => {
    for (const locale of locales) expect(read(locale).testRiseQuestion?.message, locale).not.toMatch(/\+\$1/);
  });
});
