import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES, localeTag } from '../locales';
import { pluralCategory, pluralText } from './plural';
import { translateFrom, type Messages } from './translate-from';

const words = (id: string) => translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', id, 'messages.json'), 'utf8')) as Messages);

describe('pluralText', () => {
  const progress = { one: 'guideProgressOne', other: 'guideProgress' } as const;

  test('French takes the singular for 0 and 1, the plural from 2', () => {
    const fr = words('fr');
    expect(pluralText(0, progress, fr, 'fr', ['0', '6'])).toBe('0 étape sur 6 terminée');
    expect(pluralText(1, progress, fr, 'fr', ['1', '6'])).toBe('1 étape sur 6 terminée');
    expect(pluralText(2, progress, fr, 'fr', ['2', '6'])).toBe('2 étapes sur 6 terminées');
  });

  test('English takes "one" for 1 alone', () => {
    expect(pluralCategory(0, 'en')).toBe('other');
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(1, 'en-GB')).toBe('one');
  });

  test('a category without its own message is said with "other"; a tag Intl refuses gives "other" too', () => {
    const fr = words('fr');
    // French "many" (a million and more) has no message of its own here.
    expect(pluralCategory(1_000_000, 'fr')).toBe('many');
    expect(pluralText(1_000_000, progress, fr, 'fr', ['1000000', '6'])).toBe('1000000 étapes sur 6 terminées');
    expect(pluralCategory(1, '')).toBe('other');
    expect(pluralCategory(1, 'not a tag!')).toBe('other');
  });

  test('one and other are every category our languages give a step count (0 to 6), so no language lacks its form', () => {
    for (const { id } of LOCALES) {
      for (let count = 0; count <= 6; count += 1) expect(['one', 'other'], `${id} ${count}`).toContain(pluralCategory(count, localeTag(id)));
    }
  });
});

describe('no message is chosen by `count === 1`', () => {
  const root = join(import.meta.dirname, '../..');
  const english = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Messages;
  /** Two messages for the numbers 1 and 2 said in words ("one letter", "two letters"), not a count's plural forms. */
  const NOT_PLURALS = new Set(['lookalikeReasonTypo1', 'lookalikeReasonHostedTypo1']);
  const sources = ['components', 'lib', 'entrypoints', 'utils'].flatMap((folder) =>
    (readdirSync(join(root, folder), { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !/\.(test|testkit)\.tsx?$/.test(file)).map((file) => join(folder, file)),
  );

  test('a message picked by a comparison with 1 is a plural form, which pluralText picks by the language’s rules', () => {
    expect(sources.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/[!=]==\s*1\s*\?[^;\n]{0,120}?'(\w+)'/g)) {
        const key = match[1]!;
        if (Object.hasOwn(english, key) && !NOT_PLURALS.has(key)) found.push(`${file}: ${key}`);
      }
    }
    expect(found).toEqual([]);
  });
});
