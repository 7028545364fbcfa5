import { describe, expect, test } from 'vitest';
import { wrap } from './wrap-lines';

describe('wrap', () => {
  const measure = (text: string) => text.length;
  test('breaks on spaces, keeps every word, cuts a word longer than a line', () => {
    expect(wrap('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('abcdefghij kl', 4, measure)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrap('  ', 10, measure)).toEqual([]);
  });

  test('never breaks at a no-break space, and keeps it: French punctuation stays on the line of its word', () => {
    expect(wrap('un mot\u00a0:', 6, measure)).toEqual(['un', 'mot\u00a0:']);
    expect(wrap('un mot\u00a0: la valeur\u202f!', 8, measure)).toEqual(['un mot\u00a0:', 'la', 'valeur\u202f!']);
  });
});
