import { describe, expect, test } from 'vitest';
import { joiners } from './punctuation';
import { frenchSpacingProblems } from './french-spacing.testkit';
import { chineseBracketProblems } from './chinese-brackets.testkit';

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
