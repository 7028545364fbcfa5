import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Messages } from '../lib/words/translate-from';
import { chineseBracketProblems } from '../lib/words/chinese-brackets.testkit';

// Chinese puts an aside in the full-width （…）, with no space before; ASCII parentheses stay only
// inside a run of Latin text, such as a name with its version (docs/languages.md).

const chinese = JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/zh_CN/messages.json'), 'utf8')) as Messages;

test('every Chinese message puts its asides in full-width parentheses', () => {
  const problems = Object.entries(chinese).flatMap(([key, { message }]) => chineseBracketProblems(message).map((problem) => `${key}: ${problem}`));
  expect(problems).toEqual([]);
});
