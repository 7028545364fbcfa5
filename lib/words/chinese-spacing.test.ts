import { describe, expect, test } from 'vitest';
import { localeMessages } from '../../utils/locale-files.testkit';
import { formatAge, formatCount, formatDate } from './format';
import { pluralText } from './plural';
import { translateFrom } from './translate-from';

const HAN = /\p{Script=Han}/u;

/**
 * The Chinese messages put a space between Chinese characters and a Latin word or a figure ("RPC 地址",
 * "过去 7 天", "ETH 和 USDT"), and none between two Chinese characters. What a placeholder brings is
 * judged once it is filled in, so `text` is the finished line.
 */
function spacingProblems(text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/(?=(\p{Script=Han}[A-Za-z0-9]|[A-Za-z0-9]\p{Script=Han}|\p{Script=Han} \p{Script=Han}))/gu)) problems.push(match[1]!);
  return problems;
}

/** The spacing where a message meets what fills its placeholders ($1…$9): a date or an age spells itself as Intl writes it. */
function joinProblems(key: string, values: readonly string[]): string[] {
  const message = chinese[key]?.message ?? '';
  const pieces = message.split(/\$(\d)/);
  const problems: string[] = [];
  let line = '';
  pieces.forEach((piece, index) => {
    const text = index % 2 === 0 ? piece : (values[Number(piece) - 1] ?? '');
    // Only the characters that meet (and a space between them): a filled value spells itself as Intl writes it.
    if (line !== '' && text !== '') problems.push(...spacingProblems(`${line.slice(line.endsWith(' ') ? -2 : -1)}${text.slice(0, text.startsWith(' ') ? 2 : 1)}`));
    line += text;
  });
  return problems;
}

/**
 * Placeholders that take Chinese words, not a name, figure or date, with what fills them: these may touch a
 * Chinese character. Every other placeholder is filled with a Latin name, a figure and a date in turn.
 */
const CHINESE_FILLS: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  holdingsPricesFrom: { 2: '3 小时前' },
  holdingsPricesFromOld: { 2: '2 个月前' },
  dataImported: { 1: '1 项持仓', 2: '2 个地址', 3: '3 天' },
  dataFailHostileKey: { 2: '持仓' },
  importFieldIn: { 1: '名称', 2: '持仓' },
  dataNotTranslatedIn: { 1: '德语' },
  dataNotTranslatedQuoteIn: { 1: '德语' },
  runAlertSince: { 1: '5 分钟前' },
  runReasonOutflow24h: { 4: '（部分）' },
  runReasonOutflow7d: { 4: '（部分）' },
  runReasonOwnToken: { 3: '（部分）' },
  runNotificationBody: { 1: '资金正在流出。' },
  runNotificationReason: { 1: '资金正在流出。' },
  runNotificationCombined: { 1: '资金正在流出。' },
};

const chinese = localeMessages('zh_CN');
const t = translateFrom(chinese);

describe('Chinese spacing between Chinese characters and Latin words or figures', () => {
  test('no message lets a Latin word or figure touch a Chinese character, or spaces two Chinese characters apart', () => {
    const found: string[] = [];
    for (const [key, { message }] of Object.entries(chinese)) {
      // A placeholder is a gap here: what fills it is checked in the finished lines below.
      const problems = spacingProblems(message.replace(/\$(\d|[a-z_]+\$)/gi, '\u0000'));
      if (problems.length > 0 && HAN.test(message)) found.push(`${key}: ${problems.join(' ')}`);
    }
    expect(found).toEqual([]);
  });

  test('every placeholder filled with a name, a figure or a date keeps the spacing where it meets the message', () => {
    const date = formatDate('2026-12-07', 'zh-CN');
    const found: string[] = [];
    for (const [key, { message }] of Object.entries(chinese)) {
      if (!HAN.test(message)) continue;
      const numbers = [...new Set([...message.matchAll(/\$(\d)/g)].map((found) => Number(found[1])))];
      for (const sample of ['Binance', formatCount(1234, 'zh-CN'), date]) {
        const values = Array.from({ length: 9 }, (_, index) => CHINESE_FILLS[key]?.[index + 1] ?? sample);
        // A date starts with a figure and ends in 日: which slots take one is not told here, so only its start is judged.
        const problems = joinProblems(key, values).filter((problem) => sample !== date || !problem.startsWith('日 '));
        if (numbers.length > 0) found.push(...problems.map((problem) => `${key} (${sample}): ${problem}`));
      }
    }
    expect(found).toEqual([]);
  });

  test('the import line reads with one space around each count, none between the Chinese words the counts end in', () => {
    for (const [holdings, addresses, days] of [
      [1, 2, 3],
      [0, 1, 1234],
    ] as const) {
      const counted = (
        count: number,
        one: 'dataImportedHoldingsOne' | 'dataImportedAddressesOne' | 'dataImportedDaysOne',
        other: 'dataImportedHoldings' | 'dataImportedAddresses' | 'dataImportedDays',
      ) => pluralText(count, { one, other }, t, 'zh-CN', formatCount(count, 'zh-CN'));
      const line = t('dataImported', [
        counted(holdings, 'dataImportedHoldingsOne', 'dataImportedHoldings'),
        counted(addresses, 'dataImportedAddressesOne', 'dataImportedAddresses'),
        counted(days, 'dataImportedDaysOne', 'dataImportedDays'),
      ]);
      expect(spacingProblems(line), line).toEqual([]);
      expect(line).toMatch(/^已导入 \d/);
    }
  });

  test('lines with a date or an age filled in keep the spacing', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    for (const age of [formatAge('2026-12-07T11:55:00Z', now, 'zh-CN', t), formatAge('2026-12-07T12:00:00Z', now, 'zh-CN', t), formatAge('2025-12-07T12:00:00Z', now, 'zh-CN', t)]) {
      expect(joinProblems('holdingsPricesFrom', [formatDate('2026-12-07', 'zh-CN'), age]), age).toEqual([]);
      expect(joinProblems('runAlertSince', [age]), age).toEqual([]);
    }
  });
});
