import { expect, test } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import type { ExchangeView } from '../lib/view/exchange-view';
import { chineseBracketProblems } from '../lib/words/chinese-brackets.testkit';
import { chineseSentenceProblems } from '../lib/words/chinese-sentences.testkit';
import { cardWords } from './card-words.testkit';
import { localeSurfaces } from './locale-surfaces.testkit';
import { effectsOnNextTask } from './test-dom';

// The card wraps dates, ages and a warning's list in parentheses in code: in Chinese those are the
// full-width （…）, with no space before, as the Chinese messages have them
// (lib/words/chinese-brackets.testkit.ts).

effectsOnNextTask();

const zh = localeSurfaces('zh_CN');

const WARNING: ActiveWarning = {
  exchange: 'binance',
  severity: 'caution',
  title: '\u63d0\u73b0\u7f13\u6162',
  body: '\u7528\u6237\u62a5\u544a\u3002',
  sources: ['https://example.org/report'],
  published: '2026-12-01T00:00:00Z',
  expires: '2027-01-01T00:00:00Z',
  listName: 'Reserve Radar Official',
  listHost: 'lists.example.org',
  listLang: 'zh-CN',
  listSequence: 1,
};

const viewOf = (id: string, warnings: readonly ActiveWarning[] = []) => zh.viewOf(id, { warnings });

/** The card's own Chinese, the data it quotes in English left out. */
const chineseWords = (view: ExchangeView) => cardWords(view, { messages: zh.messages, locale: zh.locale, quoted: '[lang="en"]' });

test.each([
  ['ftx, its collapse dated', viewOf('ftx')],
  ['binance, its figures aged, with a community warning', viewOf('binance', [WARNING])],
])('Chinese card for %s: asides in full-width parentheses, with no space before', (_, view) => {
  const words = chineseWords(view);
  expect(words.filter((text) => text.includes('\uff08')).length).toBeGreaterThan(0);
  for (const text of words) expect(chineseBracketProblems(text), text).toEqual([]);
});

test.each([
  ['binance, caution with figures missing', viewOf('binance')],
  ['gemini, no proof of reserves', viewOf('gemini')],
  ['ftx, collapsed', viewOf('ftx')],
])('Chinese card for %s: the next sentence follows "。", "！" or "？" with no space', (_, view) => {
  const words = chineseWords(view);
  expect(words.filter((text) => /[\u3002\uff01\uff1f]./u.test(text)).length).toBeGreaterThan(0);
  for (const text of words) expect(chineseSentenceProblems(text), text).toEqual([]);
});
