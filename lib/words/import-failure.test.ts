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
  { code: 'too-large', limitBytes: 2_000_000 },
  { code: 'empty' },
  { code: 'not-json' },
  { code: 'wrong-format' },
  { code: 'too-deep', depth: 32 },
  { code: 'hostile-key', key: '__proto__', path: ['settings', 'theme', '__proto__'] },
  { code: 'newer-version', version: 2 },
  { code: 'no-version' },
  { code: 'unknown-version' },
  { code: 'invalid', path: ['holdings', 0, 'amount'] },
  { code: 'invalid', path: [] },
  { code: 'unknown-kind', path: ['holdings', 3] },
  { code: 'unknown-exchange', path: ['holdings', 3] },
  { code: 'too-many-lists', limit: 50 },
  { code: 'bad-warning-list', path: ['warningLists', 1], reason: 'not-https' },
  { code: 'warning-list-twice', path: ['warningLists', 1] },
];

describe('import failure words', () => {
  test('every refusal has its sentence in every locale, each figure filled in, each kind its own sentence', () => {
    expect(locales).toHaveLength(8);
    expect(new Set(FAILURES.map((failure) => failure.code))).toEqual(new Set(Object.keys(IMPORT_FAILURE_KEYS)));
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = FAILURES.map((failure) => importFailureText(failure, t, locale.replace('_', '-')));
      expect(new Set(texts).size, locale).toBe(FAILURES.length);
      for (const [i, failure] of FAILURES.entries()) {
        expect(texts[i], `${locale}:${failure.code}`).not.toMatch(/^$|\$\d/);
        for (const [name, figure] of Object.entries(failure))
          if (name !== 'code' && name !== 'path' && name !== 'limitBytes' && name !== 'reason') expect(texts[i], `${locale}:${failure.code}`).toContain(String(figure));
      }
    }
  });

  // The reader meets the place as the options page names it, in their language: no JSON path, no key the code spells.
  const PLACES: [readonly (string | number)[], string][] = [
    [['holdings', 3, 'amount'], '“Amount” in holding 4'],
    [['holdings', 0, 'updatedAt'], 'holding 1'],
    [['holdings'], '“Your holdings”'],
    [['addresses', 1, 'address'], '“Address” in watched address 2'],
    [['goal', 'selfShareTarget'], '“Goal: share you hold yourself (%)”'],
    [['history', 12, 'day'], 'entry 13 in “Your self-custody share over time”'],
    [['limits', 'exchanges', 'kraken', 'cap'], '“Kraken” in “Your limits per exchange”'],
    [['limits', 'default', 'maxShare'], '“Every exchange” in “Your limits per exchange”'],
    [['limits', 'currency'], '“Your currency”'],
    [['settings', 'rpcUrl'], '“JSON-RPC address” in your settings'],
    [['settings', 'chainRpcUrls', '8453'], '“Base endpoint” in your settings'],
    [['settings', 'corner'], 'your settings'],
    [['warningLists', 2, 'url'], 'warning list 3 in “Community warning lists”'],
    [['warningLists'], '“Community warning lists”'],
    [['exportedAt'], 'the date of the export'],
  ];
  const CODE = /\w\[\d+\]|[a-z]\.[a-z]|[a-z][A-Z]|\b(selfShareTarget|exportedAt|kraken|updatedAt|chainRpcUrls|rpcUrl|maxShare)\b/;

  test.each(PLACES)('an invalid value at %j is placed in words: %s', (path, place) => {
    const en = translateFrom(read('en'));
    expect(importFailureText({ code: 'invalid', path }, en)).toBe(`The file has a value that is not valid: ${place}.`);
  });

  // The two places looked up by a key the file spells: an exchange's limits and a chain's RPC address.
  test('a key the file spells never reaches the sentence: an unknown exchange or chain is placed by its table alone', () => {
    const exchange = 'Send your coins to bc1qevil';
    const chain = 'call 555-0100';
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const limits = importFailureText({ code: 'invalid', path: ['limits', 'exchanges', exchange] }, t);
      const rpc = importFailureText({ code: 'invalid', path: ['settings', 'chainRpcUrls', chain] }, t);
      expect(limits, locale).not.toMatch(/bc1qevil|Send your coins/);
      expect(rpc, locale).not.toMatch(/555-0100|call/);
      expect(limits, locale).toContain(t('holdingsLimitsCaption'));
      expect(rpc, locale).toContain(t('importPlaceSettings'));
    }
  });

  test('every locale places a refused value in its own words, with the position counted from 1, never as code', () => {
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      for (const [path] of PLACES) {
        const text = importFailureText({ code: 'invalid', path }, t);
        expect(text, `${locale} ${path.join('/')}`).not.toMatch(CODE);
        expect(text, `${locale} ${path.join('/')}`).not.toMatch(/\$\d/);
      }
      expect(importFailureText({ code: 'invalid', path: ['holdings', 3, 'amount'] }, t), locale).toContain('4');
      expect(importFailureText({ code: 'invalid', path: ['holdings', 3, 'amount'] }, t), locale).toContain(t('holdingsAmount'));
    }
    expect(importFailureText({ code: 'invalid', path: ['holdings', 3, 'amount'] }, translateFrom(read('fr')))).toBe(
      "Le fichier contient une valeur non valide\u00a0: «\u202fQuantité\u202f» dans l'avoir 4.",
    );
    expect(importFailureText({ code: 'invalid', path: ['settings', 'rpcUrl'] }, translateFrom(read('zh_CN')))).toBe('文件中有一个无效的值：您的设置中的“JSON-RPC 地址”。');
  });

  test('a forbidden name is said as the file spells it, its place in words; at the top of the file, without a place', () => {
    const en = translateFrom(read('en'));
    expect(importFailureText({ code: 'hostile-key', key: '__proto__', path: ['settings', 'theme', '__proto__'] }, en)).toBe(
      'The file contains an entry named “__proto__” in your settings, which is not allowed.',
    );
    expect(importFailureText({ code: 'hostile-key', key: 'constructor', path: ['holdings', 2, 'constructor'] }, en)).toBe(
      'The file contains an entry named “constructor” in holding 3, which is not allowed.',
    );
    expect(importFailureText({ code: 'hostile-key', key: '__proto__', path: ['__proto__'] }, en)).toBe('The file contains an entry named “__proto__”, which is not allowed.');
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const inside = importFailureText({ code: 'hostile-key', key: 'prototype', path: ['addressBook', 0, 'prototype'] }, t);
      expect(inside, locale).toContain('prototype');
      expect(inside.replace('prototype', ''), locale).not.toMatch(CODE);
    }
  });

  test('lib/holdings/export-data.ts words nothing: its refusals are codes and figures', () => {
    const source = readFileSync(join(root, 'lib/holdings/export-data.ts'), 'utf8');
    expect(source).not.toMatch(/fail\(\s*'[a-z-]+',\s*['`]/);
    expect(source).not.toMatch(/`The file [^`]*`|'The file [^']*'/);
  });
});
