import { expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';

const chinese = localeMessages('zh_CN');

/**
 * The Chinese messages speak to the reader in one voice, the polite 您, as most of them always have: a
 * page mixing in the familiar 你 (or its plural 你们) reads as written by two hands.
 */
test('every Chinese message addresses the reader as 您, never as 你', () => {
  const familiar = Object.entries(chinese)
    .filter(([, { message }]) => message.includes('你'))
    .map(([key, { message }]) => `${key}: ${message}`);
  expect(familiar).toEqual([]);
});

test('the check reads the messages it is meant to: the verify page’s figures speak to the reader as 您', () => {
  expect(chinese.verifyReservesFiguresNotCompared?.message).toContain('您输入的数据');
  expect(chinese.verifyReservesFiguresFailedOne?.message).toMatch(/^您为 \$1 /);
});
