import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BadgeMeaning } from '../view/badge';
import { badgeTitleText } from './badge-title';
import { translateFrom, type Messages } from './translate-from';

const root = join(import.meta.dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const read = (locale: string) => JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

const MEANINGS: BadgeMeaning[] = [
  { kind: 'lookalike', imitates: 'Binance' },
  { kind: 'run-alert', exchange: 'Binance', cause: 'outflow' },
  { kind: 'run-alert', exchange: 'Binance', cause: 'warning-list' },
  { kind: 'verdict', exchange: 'Binance', level: 'caution', incomplete: true, grade: 'C' },
  { kind: 'verdict', exchange: 'Binance', level: 'caution', incomplete: false, grade: 'C' },
  { kind: 'verdict', exchange: 'Binance', level: 'danger', incomplete: false, grade: 'F' },
  { kind: 'verdict', exchange: 'Binance', level: 'ok', incomplete: false, grade: 'A' },
  { kind: 'verdict', exchange: 'Binance', level: 'unknown', incomplete: false },
];

describe('the toolbar tooltip words', () => {
  test('every badge is explained in every locale: the extension, the exchange, the grade, no placeholder left', () => {
    expect(locales).toHaveLength(8);
    for (const locale of locales) {
      const t = translateFrom(read(locale));
      const texts = new Set<string>();
      for (const meaning of MEANINGS) {
        const text = badgeTitleText(meaning, t);
        expect(text, `${locale}:${JSON.stringify(meaning)}`).toMatch(/^Reserve Radar(?: |\u00a0)?[:：] ?\S/);
        expect(text, `${locale}:${JSON.stringify(meaning)}`).not.toMatch(/\$\d/);
        expect(text, `${locale}:${JSON.stringify(meaning)}`).toContain('Binance');
        if (meaning.kind === 'verdict' && meaning.grade !== undefined) expect(text, locale).toContain(` ${meaning.grade}`);
        texts.add(text);
      }
      expect(texts.size, locale).toBe(MEANINGS.length);
    }
  });

  test('the English tooltip for a "C?" badge', () => {
    const t = translateFrom(read('en'));
    expect(badgeTitleText({ kind: 'verdict', exchange: 'Binance', level: 'caution', incomplete: true, grade: 'C' }, t)).toBe('Reserve Radar: Binance, grade C, Caution · incomplete');
    expect(badgeTitleText({ kind: 'lookalike', imitates: 'Binance' }, t)).toBe('Reserve Radar: This site only looks like Binance');
    expect(badgeTitleText({ kind: 'run-alert', exchange: 'Kraken', cause: 'warning-list' }, t)).toBe('Reserve Radar: Alert: a warning list flags Kraken');
    expect(badgeTitleText({ kind: 'run-alert', exchange: 'Binance', cause: 'outflow' }, t)).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
  });
});
