import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { translateFrom, type Messages } from './i18n';

const root = join(import.meta.dirname, '..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('locales', () => {
  test('English and Swedish are both there', () => {
    expect(locales.sort()).toEqual(['en', 'sv']);
  });

  test('every locale has exactly the English keys, none of them empty', () => {
    const english = Object.keys(read('en')).sort();
    for (const locale of locales) {
      const messages = read(locale);
      expect(Object.keys(messages).sort(), locale).toEqual(english);
      for (const [key, entry] of Object.entries(messages)) expect(entry.message.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  test('every key the code asks for exists, and placeholders agree across locales', () => {
    const english = read('en');
    const used = new Set<string>();
    for (const file of [...sourceFiles('components'), ...sourceFiles('entrypoints')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(english[key], `missing message "${key}"`).toBeDefined();
    const placeholders = (text: string) => [...text.matchAll(/\$[1-9]/g)].map((m) => m[0]).sort();
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(read(locale))) expect(placeholders(entry.message), `${locale}:${key}`).toEqual(placeholders(english[key]?.message ?? ''));
    }
  });

  test('chrome.i18n-style substitution', () => {
    const t = translateFrom({ pillLabel: { message: 'A $1 b $2 c $$' } });
    expect(t('pillLabel', ['x', 'y'])).toBe('A x b y c $');
    expect(t('pillLabel', 'x')).toBe('A x b  c $');
    expect(t('close')).toBe('');
  });
});
