import { describe, expect, test } from 'vitest';
import { fullStop, gapAfter, joiners } from './punctuation';
import { frenchSpacingProblems } from './french-spacing.testkit';
import { chineseBracketProblems } from './chinese-brackets.testkit';
import { chineseSentenceProblems } from './chinese-sentences.testkit';

describe('the joiners code puts between pieces of text', () => {
  test.each(['fr', 'fr-FR', 'fr-CA', 'FR'])('%s: a no-break space before the mark, as the French messages have it', (locale) => {
    const { colon, semicolon } = joiners(locale);
    expect(colon).toBe('\u00a0: ');
    expect(semicolon).toBe('\u202f; ');
    expect(frenchSpacingProblems(`Ratios de réserve${colon}BTC 101 %${semicolon}au 1 avril`)).toEqual([]);
  });

  test.each(['zh-CN', 'zh_CN', 'zh'])('%s: the full-width "：" and "；", with no space after, as the Chinese messages have them', (locale) => {
    expect(joiners(locale)).toMatchObject({ colon: '\uff1a', semicolon: '\uff1b' });
  });

  test.each(['zh-CN', 'zh_CN', 'zh'])('%s: an aside in the full-width "（…）", with no space before, its list joined by "，"', (locale) => {
    const { open, close, comma } = joiners(locale);
    expect([open, close, comma]).toEqual(['\uff08', '\uff09', '\uff0c']);
    expect(chineseBracketProblems(`\u622a\u81f3 2026\u5e744\u67081\u65e5${open}3 \u5929\u524d${comma}binance.com${close}`)).toEqual([]);
  });

  test.each(['zh-CN', 'zh_CN', 'zh'])('%s: the next sentence follows "。" with no space; after data quoted in English, a space', (locale) => {
    const first = '\u5df2\u77e5\u6570\u636e\u663e\u793a\u51fa\u98ce\u9669\u8ff9\u8c61\u3002';
    expect(chineseSentenceProblems(`${first}${joiners(locale).sentence}\u90e8\u5206\u6570\u636e\u7f3a\u5931\u3002`)).toEqual([]);
    expect(gapAfter(first, locale)).toBe('');
    expect(gapAfter('Reported by the exchange.', locale)).toBe(' ');
    // A label's full-width colon or a clause's comma carries its space too.
    expect(gapAfter('RPC \u8282\u70b9\uff1a', locale)).toBe('');
    expect(gapAfter('\u98ce\u9669\uff0c', locale)).toBe('');
  });

  test.each(['en', 'fr', 'de', 'sv'])('%s: a space between sentences', (locale) => {
    expect(joiners(locale).sentence).toBe(' ');
    expect(gapAfter('The known figures show warning signs.', locale)).toBe(' ');
  });

  test('the Chinese sentence check itself: a space after "。", "！" or "？" before more text is a problem', () => {
    expect(chineseSentenceProblems('\u98ce\u9669\u3002 \u90e8\u5206')).toHaveLength(1);
    expect(chineseSentenceProblems('\u98ce\u9669\uff01 \u90e8\u5206\uff1f binance.com')).toHaveLength(2);
    expect(chineseSentenceProblems('\u98ce\u9669\u3002')).toEqual([]);
  });

  test('the Chinese sentence check itself: a space after "，", "：" or "；", and a Latin "." after Chinese, are problems', () => {
    expect(chineseSentenceProblems('\u98ce\u9669\uff0c \u90e8\u5206\uff1a Binance\uff1b \u90e8\u5206')).toHaveLength(3);
    expect(chineseSentenceProblems('\u98ce\u9669.')).toHaveLength(1);
    // A link after the gap keeps its space, so apps do not take the full-width mark into the address.
    expect(chineseSentenceProblems('页面： https://x.org')).toEqual([]);
    expect(chineseSentenceProblems('风险。 http://x.org/a')).toEqual([]);
    expect(chineseSentenceProblems('页面： x.org')).toHaveLength(1);
    expect(chineseSentenceProblems('\uff08\u98ce\u9669\uff09.')).toHaveLength(1);
    // A closing full-width bracket carries its space too: "（2年前） 的" has a stray one.
    expect(chineseSentenceProblems('截至 2024年6月26日（2年前） 的钱包列表')).toHaveLength(1);
    expect(chineseSentenceProblems('「风险」 部分『风险』 部分【风险】 部分')).toHaveLength(3);
    expect(chineseSentenceProblems('截至 2024年6月26日（2年前）的钱包列表')).toEqual([]);
    expect(chineseSentenceProblems('评级 C（注意 · 不完整） · 储备金')).toEqual([]);
    // Latin text and figures inside Chinese keep their own dots.
    expect(chineseSentenceProblems('\u8bbf\u95ee binance.com\uff0c\u6bd4\u4f8b 1.5\u3002')).toEqual([]);
  });

  test.each([
    ['zh-CN', '\u3002'],
    ['zh', '\u3002'],
    ['en', '.'],
    ['fr', '.'],
  ])('%s: a sentence code ends after a piece it adds ends with "%s"', (locale, stop) => {
    expect(fullStop(locale)).toBe(stop);
  });

  test.each(['en', 'fr', 'de', 'sv'])('%s: an aside in " (…)", its list joined by ", "', (locale) => {
    const { open, close, comma } = joiners(locale);
    expect([open, close, comma]).toEqual([' (', ')', ', ']);
  });

  test('the Chinese check itself: ASCII parentheses only inside Latin text, no space before "（"', () => {
    expect(chineseBracketProblems('\u622a\u81f3 2026\u5e744\u67081\u65e5 (3 \u5929\u524d)')).toHaveLength(1);
    expect(chineseBracketProblems('\u7f51\u7edc (ERC20)')).toHaveLength(1);
    expect(chineseBracketProblems('\u5de6 \uff081\uff09')).toHaveLength(1);
    expect(chineseBracketProblems('(')).toHaveLength(1);
    expect(chineseBracketProblems(')')).toHaveLength(1);
    expect(chineseBracketProblems('\u4e0d\u50cf OKX (v1)\u3001Bybit \u7684')).toEqual([]);
  });

  test.each(['en', 'en-US', 'de', 'sv', 'pt-BR', 'tr', 'es', 'fur'])('%s: the plain ": " and "; "', (locale) => {
    expect(joiners(locale)).toMatchObject({ colon: ': ', semicolon: '; ' });
  });
});
