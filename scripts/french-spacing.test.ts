import { describe, expect, test } from 'vitest';
import { frenchMessageText, frenchSpacingProblems } from '../lib/words/french-spacing.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

// French puts a no-break space before the high punctuation and inside the guillemets, so that a
// line never starts with ":" or "»". The rule, one for every French string (see the testkit):
// U+00A0 before ":", U+202F before ";" "!" "?" "»" and after "«".

const french = localeMessages('fr');

describe('the French spacing check', () => {
  test.each([
    'Reserve Radar\u00a0: Xyz',
    'Non enregistrée\u00a0: l’adresse reste utilisée\u202f; réessayez.',
    'Est-ce votre test\u202f? Quoi\u202f!',
    'Quoi\u202f?!',
    'la marque «\u202fkraken\u202f», puis «\u202fEst-ce vrai\u202f?\u202f»',
    '\u00a0: ',
    'de «\u202f',
  ])('takes %j', (text) => {
    expect(frenchSpacingProblems(text)).toEqual([]);
  });

  test.each([
    ['Reserve Radar : Xyz', 1],
    ['Reserve Radar: Xyz', 1],
    ['Reserve Radar\u202f: Xyz', 1],
    ['Reserve Radar \u00a0: Xyz', 1],
    ['reste utilisée ; réessayez', 1],
    ['reste utilisée; réessayez', 1],
    ['reste utilisée\u00a0; réessayez', 1],
    ['Est-ce votre test ? Quoi !', 2],
    ['la marque « kraken »', 2],
    ['la marque «kraken»', 2],
    ['la marque «\u00a0kraken\u00a0»', 2],
    [': au début', 1],
  ])('finds %j wrong in %i places', (text, count) => {
    expect(frenchSpacingProblems(text)).toHaveLength(count);
  });

  test.each([
    'Saisissez une adresse commençant par https:// (ou http:// pour un nœud sur cet ordinateur).',
    'Voir https://example.com/por?date=2025-11-01&x=1 pour le détail.',
    'à 10:30, un ratio de 1:2, une date ISO comme 2025-11-01T00:00:00Z.',
  ])('leaves URLs, times, ratios and ISO moments alone: %j', (text) => {
    expect(frenchSpacingProblems(text)).toEqual([]);
  });

  test('reads $1 and named placeholders as the words they stand for', () => {
    expect(frenchSpacingProblems(frenchMessageText('$1 : absent de la réponse'))).toHaveLength(1);
    expect(frenchSpacingProblems(frenchMessageText('$1: absent de la réponse'))).toHaveLength(1);
    expect(frenchSpacingProblems(frenchMessageText('$1\u00a0: absent de la réponse'))).toEqual([]);
    expect(frenchSpacingProblems(frenchMessageText('$NAME$ ; réessayez', { name: { content: '$1' } }))).toHaveLength(1);
    expect(frenchSpacingProblems(frenchMessageText('$NAME$\u202f; coûte $$5', { name: { content: '$1' } }))).toEqual([]);
  });
});

test('every French message follows the rule', () => {
  const wrong = Object.fromEntries(
    Object.entries(french)
      .map(([key, { message, placeholders }]) => [key, frenchSpacingProblems(frenchMessageText(message, placeholders))] as const)
      .filter(([, problems]) => problems.length > 0),
  );
  expect(Object.keys(french).length).toBeGreaterThan(1000);
  expect(wrong).toEqual({});
});
