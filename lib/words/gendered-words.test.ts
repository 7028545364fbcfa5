import { describe, expect, test } from 'vitest';
import { localeMessages } from '@/utils/locale-files.testkit';

const word = (locale: string, key: string) => (localeMessages(locale)[key] as { message: string }).message;

describe('words that serve many nouns or sit mid-sentence', () => {
  // One "not read yet" serves every source: "flux" (m.), "liste" (f.), "API" (f.), so no participle agrees with one of them.
  test.each([
    ['fr', /\b\p{L}+ée?s?$/u],
    ['es', /\b\p{L}+(?:ada|ado)s?$/u],
    ['pt_BR', /\b\p{L}+(?:ada|ado)s?$/u],
  ])('%s: "not read yet" carries no gendered participle', (locale, participle) => {
    expect(word(locale, 'sourceNever')).not.toMatch(participle);
  });

  // The trend's "unknown" inside a sentence stands for a ratio (singular) and for customer liabilities (plural, and of
  // another gender in French): an agreeing adjective fits one of them only.
  test.each([
    ['fr', /\binconnue?s?$/u],
    ['es', /\bdesconocid[oa]s?$/u],
    ['pt_BR', /\bdesconhecid[oa]s?$/u],
    ['sv', /\bokän(?:d|t|da)$/u],
  ])('%s: the mid-sentence "unknown" agrees with no one noun', (locale, adjective) => {
    expect(word(locale, 'unknownFigureInSentence')).not.toMatch(adjective);
  });

  // "Last success: never": the word follows a colon, where these languages go on in lower case.
  test.each(['fr', 'es', 'pt_BR'])('%s: "never" is its mid-sentence form', (locale) => {
    const never = word(locale, 'never');
    expect(never.charAt(0)).toBe(never.charAt(0).toLocaleLowerCase(locale.replace('_', '-')));
  });

  test('French names a bank run as Options does ("retraits massifs"), never as "ruée"', () => {
    const messages = localeMessages('fr');
    expect(word('fr', 'runNotifyTitle')).toContain('retraits massifs');
    expect(
      Object.entries(messages)
        .filter(([, { message }]) => /ruée/i.test(message))
        .map(([key]) => key),
    ).toEqual([]);
  });
});
