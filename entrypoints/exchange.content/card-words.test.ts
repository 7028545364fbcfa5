import { describe, expect, test } from 'vitest';
import { getExchange } from '@/lib/exchanges/registry';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { cardReasonKey, cardReasons } from '@/lib/view/card-reasons';
import { buildExchangeView, type ExchangeView } from '@/lib/view/exchange-view';
import { cardWords } from './card-words';

const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const NOW = new Date('2026-11-25T12:00:00Z');
// Two views of the same exchange that word different reasons: before and after a change.
const older = buildExchangeView({ exchange, reserves: undefined, now: NOW });
const newer = buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges.binance, now: NOW });
const worded = (view: ExchangeView, word: string): ExchangeView => {
  const { lead, rest } = cardReasons({ view });
  return { ...view, reasonWords: Object.fromEntries([...lead, ...rest].flatMap((item) => (item.kind === 'reason' ? [[cardReasonKey(item.reason), word]] : []))) };
};

/** A question whose answer the test hands over when it chooses. */
function question(): { asked: Promise<ExchangeView | undefined>; answer(view: ExchangeView | undefined): Promise<void> } {
  let resolve: (view: ExchangeView | undefined) => void = () => undefined;
  const asked = new Promise<ExchangeView | undefined>((r) => {
    resolve = r;
  });
  return {
    asked,
    answer: async (view) => {
      resolve(view);
      // Lets the answer's handler run before the test looks.
      await asked;
      await Promise.resolve();
    },
  };
}

describe('cardWords: the card shows the words of the latest question, whatever order the answers come in', () => {
  test('words for the older view, answered after the newer view’s, do not replace them', async () => {
    let draws = 0;
    const words = cardWords('binance', () => draws++);
    const first = question();
    words.asked(first.asked);
    words.changed(newer);
    const second = question();
    words.asked(second.asked);

    await second.answer(worded(newer, 'new'));
    expect(words.worded()).toEqual(worded(newer, 'new'));
    await first.answer(worded(older, 'old'));
    expect(words.worded()).toEqual(worded(newer, 'new'));
    expect(words.wait()).toBe('loading');
    expect(draws).toBe(1);
  });

  test('the older question failing late does not mark the newer question failed', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    words.changed(newer);
    const second = question();
    words.asked(second.asked);
    await first.answer(undefined);
    expect(words.wait()).toBe('loading');
    await second.answer(worded(newer, 'new'));
    expect(words.worded()).toEqual(worded(newer, 'new'));
  });

  test('a change with no new question (its view came worded) still retires the question on its way', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    words.changed(newer);
    await first.answer(worded(older, 'old'));
    expect(words.worded()).toBeUndefined();
  });

  test('in order: the answer is taken; a failed or foreign answer leaves the card saying the question failed', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    await first.answer(worded(older, 'old'));
    expect(words.worded()).toEqual(worded(older, 'old'));

    const failing = cardWords('binance', () => undefined);
    const none = question();
    failing.asked(none.asked);
    await none.answer(undefined);
    expect(failing.wait()).toBe('failed');
    const foreign = question();
    failing.asked(foreign.asked);
    await foreign.answer({ ...worded(older, 'other'), id: 'bybit' });
    expect(failing.worded()).toBeUndefined();
    expect(failing.wait()).toBe('failed');
  });

  test('a change keeps the words on screen when they word every reason of the new view, and waits when they do not', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    await first.answer(worded(older, 'old'));
    words.changed(newer);
    expect(words.worded()).toBeUndefined();
    expect(words.wait()).toBe('loading');

    const both = cardWords('binance', () => undefined);
    const all = question();
    both.asked(all.asked);
    const everyWord = { ...newer, reasonWords: { ...worded(older, 'w').reasonWords, ...worded(newer, 'w').reasonWords } };
    await all.answer(everyWord);
    both.changed(newer);
    expect(both.worded()).toEqual({ ...newer, reasonWords: everyWord.reasonWords });
  });

  test('a changed view whose order points past its reasons does not throw: the card waits for words', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    await first.answer(worded(newer, 'w'));
    const outOfStep = { ...newer, cardOrder: [...newer.cardOrder, newer.verdict.reasons.length] };
    expect(() => words.changed(outOfStep)).not.toThrow();
    expect(words.worded()).toBeUndefined();
    expect(words.wait()).toBe('loading');
  });

  test('a change of language drops the words on screen even where they word every reason: the card waits for the new language’s', async () => {
    const words = cardWords('binance', () => undefined);
    const first = question();
    words.asked(first.asked);
    await first.answer(worded(older, 'old'));
    words.changed(older, true);
    expect(words.worded()).toBeUndefined();
    expect(words.wait()).toBe('loading');
    const second = question();
    words.asked(second.asked);
    await second.answer(worded(older, 'ny'));
    expect(words.worded()).toEqual(worded(older, 'ny'));
  });
});
