import { describe, expect, test } from 'vitest';
import { joiners } from './punctuation';
import { frenchSpacingProblems } from './french-spacing.testkit';

describe('the joiners code puts between pieces of text', () => {
  test.each(['fr', 'fr-FR', 'fr-CA', 'FR'])('%s: a no-break space before the mark, as the French messages have it', (locale) => {
    const { colon, semicolon } = joiners(locale);
    expect(colon).toBe('\u00a0: ');
    expect(semicolon).toBe('\u202f; ');
    expect(frenchSpacingProblems(`Ratios de réserve${colon}BTC 101 %${semicolon}au 1 avril`)).toEqual([]);
  });

  test.each(['zh-CN', 'zh_CN', 'zh'])('%s: the full-width "：" and "；", with no space after, as the Chinese messages have them', (locale) => {
    expect(joiners(locale)).toEqual({ colon: '\uff1a', semicolon: '\uff1b' });
  });

  test.each(['en', 'en-US', 'de', 'sv', 'pt-BR', 'tr', 'es', 'fur'])('%s: the plain ": " and "; "', (locale) => {
    expect(joiners(locale)).toEqual({ colon: ': ', semicolon: '; ' });
  });
});
