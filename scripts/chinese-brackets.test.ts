import { expect, test } from 'vitest';
import { chineseBracketProblems } from '../lib/words/chinese-brackets.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

// Chinese puts an aside in the full-width （…）, with no space before; ASCII parentheses stay only
// inside a run of Latin text, such as a name with its version (docs/languages.md).

const chinese = localeMessages('zh_CN');

test('every Chinese message puts its asides in full-width parentheses', () => {
  const problems = Object.entries(chinese).flatMap(([key, { message }]) => chineseBracketProblems(message).map((problem) => `${key}: ${problem}`));
  expect(problems).toEqual([]);
});
