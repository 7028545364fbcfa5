import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getExchange } from '../exchanges/registry';
import { gradeExchange } from '../risk/grade';
import { bundledSnapshot } from '../reserves/snapshot';
import { exchanges } from '../exchanges/registry';
import { translateFrom, type Messages } from './translate-from';
import { reasonText } from './reason-text';

const now = new Date('2026-11-25T12:00:00Z');
const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

describe('reasonText', () => {
  test('English keeps the model’s own sentence', () => {
    const ftx = getExchange('ftx');
    if (ftx === undefined) throw new Error('no ftx');
    const [first] = gradeExchange({ exchange: ftx, reserves: undefined, now }).reasons;
    expect(first && reasonText(first, translateFrom(messages('en')), 'en', now)).toBe(first?.message);
  });

  test('Swedish gets every reason of every exchange from translated labels, with no English sentence and no raw key', () => {
    const t = translateFrom(messages('sv'));
    const snapshot = bundledSnapshot();
    let count = 0;
    for (const exchange of exchanges) {
      for (const reason of gradeExchange({ exchange, reserves: snapshot.exchanges[exchange.id], now }).reasons) {
        const text = reasonText(reason, t, 'sv', now);
        expect(text, reason.metric).not.toBe(reason.message);
        expect(text, reason.metric).not.toMatch(/^: |reasonLabel_|undefined|NaN/);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  test('figures are formatted for the locale', () => {
    const t = translateFrom(messages('sv'));
    const text = reasonText({ metric: 'own-token.share', value: 0.399, threshold: 0.2, effect: 'danger', message: 'x' }, t, 'sv', now);
    expect(text).toBe('Egen token: 39,9\u00a0% (gräns 20,0\u00a0%) — Fara');
  });
});
