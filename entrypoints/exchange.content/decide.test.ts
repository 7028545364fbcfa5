import { describe, expect, test } from 'vitest';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { pillFace } from '@/lib/view/first-paint-view';
import { PILL_WORDS } from '@/lib/words/pill-words';
import { faceKey } from './decide';

const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const face = pillFace(buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-11-25T12:00:00Z') }));
const decision = { show: true, expanded: false };
const key = (words: Record<string, string>) => faceKey({ decision, face, corner: 'bottom-right', language: 'sv', words });
// The pill's words as the background sends them: every key of `PILL_WORDS`, each with its own text.
const words = Object.fromEntries(PILL_WORDS.map((name, at) => [name, `ord ${at}`]));

describe('faceKey: the pill is drawn again only when what it shows changes', () => {
  test('the same words in another order are the same pill (the stored first paint and the answer build them apart)', () => {
    expect(PILL_WORDS.length).toBeGreaterThan(1);
    const reversed = Object.fromEntries(Object.entries(words).reverse());
    expect(Object.keys(reversed)).not.toEqual(Object.keys(words));
    expect(key(reversed)).toBe(key(words));
  });

  test('one word changed is another pill', () => {
    const [first] = PILL_WORDS;
    if (first === undefined) throw new Error('no pill words');
    expect(key({ ...words, [first]: 'ett annat ord' })).not.toBe(key(words));
  });
});
