import { describe, expect, test } from 'vitest';
import {
  formatAge,
  formatAmount,
  formatByteSize,
  formatDate,
  formatPercent,
  formatRatio,
  formatSignedAmount,
  formatSignedPercent,
  formatSignedUsd,
  formatUntil,
  formatUsd,
  sourceSite,
} from './format';
import { translateFrom, type Translate } from './translate-from';
import { localeMessages } from '../../utils/locale-files.testkit';

const now = new Date('2026-11-25T12:00:00Z');
const words = (folder: string): Translate => translateFrom(localeMessages(folder));
const en = words('en');

describe('format', () => {
  test('ages read as a person says them, in the reader’s language', () => {
    expect(formatAge('2026-10-14', now, 'en', en)).toBe('42 days ago');
    expect(formatAge('2026-10-14', now, 'sv', words('sv'))).toBe('för 42 dagar sedan');
    expect(formatAge('2026-11-25T09:00:00Z', now, 'en', en)).toBe('3 hours ago');
    expect(formatAge('2025-04-01', now, 'en', en)).toBe('20 months ago');
    expect(formatAge('2022-11-11', now, 'en', en)).toBe('4 years ago');
    expect(formatAge('not a date', now, 'en', en)).toBe('');
  });

  // Intl's numeric 'auto' says an age under a minute as "this minute" ("este minuto", "cette minute-ci",
  // "in dieser Minute"…), which reads oddly beside "raised the alert" or in brackets after a date.
  test.each([
    ['en', 'just now', 'in a moment', 'yesterday'],
    ['es', 'hace un momento', 'en un momento', 'ayer'],
    ['pt_BR', 'agora mesmo', 'em instantes', 'ontem'],
    ['fr', "à l'instant", 'dans un instant', 'hier'],
    ['de', 'gerade eben', 'gleich', 'gestern'],
    ['tr', 'az önce', 'birazdan', 'dün'],
    ['sv', 'nyss', 'strax', 'i går'],
    ['zh_CN', '刚刚', '片刻后', '昨天'],
  ])('%s: a past moment under a minute either side is "just now", a planned one under a minute ahead or overdue "in a moment"; a minute on, counted', (folder, past, ahead, yesterday) => {
    const t = words(folder);
    const tag = folder.replace('_', '-');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    // A reading a few seconds "ahead" is our clock behind the source's, never a future event.
    for (const seconds of [0, -1, -59, 1, 59]) expect(formatAge(at(seconds), now, tag, t), `${seconds} s`).toBe(past);
    // A planned attempt that is due, overdue or under a minute away happens in a moment.
    for (const seconds of [-3600, -1, 0, 1, 59]) expect(formatUntil(at(seconds), now, tag, t), `until ${seconds} s`).toBe(ahead);
    expect(formatUntil(at(90), now, tag, t)).toBe(new Intl.RelativeTimeFormat(tag).format(1, 'minute'));
    expect(formatAge(at(-60), now, tag, t)).toBe(new Intl.RelativeTimeFormat(tag).format(-1, 'minute'));
    expect(formatAge(at(90), now, tag, t)).toBe(new Intl.RelativeTimeFormat(tag).format(1, 'minute'));
    // The day words Intl gives read right, and stay.
    expect(formatAge(at(-30 * 3600), now, tag, t)).toBe(yesterday);
  });

  test('numbers and money follow the locale', () => {
    expect(formatPercent(0.4, 'en')).toBe('40.0%');
    expect(formatPercent(0.4, 'sv')).toBe('40,0\u00a0%');
    expect(formatUsd(67_650_000_000, 'en')).toBe('$67.65B');
    expect(formatSignedUsd(-1_229_000_000, 'en')).toBe('-$1.23B');
    expect(formatDate('2025-04-01', 'en')).toBe('Apr 1, 2025');
  });

  test('money keeps up to two decimals and no trailing zero, in every engine, as the card shows it in the browser', () => {
    // Older engines (Node 20) default compact currency to two fixed decimals ("$4.40M"); browsers write "$4.4M".
    expect(formatSignedUsd(4_403_471.6, 'en')).toBe('+$4.4M');
    expect(formatUsd(100_000_000_000, 'en')).toBe('$100B');
    expect(formatUsd(12, 'en')).toBe('$12');
    expect(formatUsd(139_684_360_969, 'en')).toBe('$139.68B');
    expect(formatSignedUsd(4_403_471.6, 'de')).toBe('+4,4\u00a0Mio.\u00a0$');
  });

  test('coin amounts keep fewer decimals the larger they are, and changes carry their sign', () => {
    expect(formatAmount(593_112.456, 'en')).toBe('593,112');
    expect(formatAmount(12.3456, 'en')).toBe('12.35');
    expect(formatAmount(0.004218, 'en')).toBe('0.0042');
    expect(formatAmount(593_112.456, 'sv')).toBe('593\u00a0112');
    expect(formatAmount(21_300_000_000, 'en')).toBe('21.3B');
    expect(formatSignedAmount(-50_000_000, 'en')).toBe('-50M');
    expect(formatSignedAmount(-10_000, 'en')).toBe('-10,000');
    expect(formatSignedAmount(1.5, 'en')).toBe('+1.5');
    expect(formatSignedAmount(0, 'en')).toBe('0');
    expect(formatSignedPercent(-0.016667, 'en')).toBe('-1.67%');
    expect(formatSignedPercent(0.0125, 'sv')).toBe('+1,25\u00a0%');
  });

  test('a reserve ratio carries the precision its source has, to hundredths at most; one short of 100 % never reads as 100 %', () => {
    expect(formatRatio(1.09, 'en')).toBe('109%');
    expect(formatRatio(1.000299, 'en')).toBe('100.03%');
    expect(formatRatio(1.004, 'en')).toBe('100.4%');
    expect(formatRatio(0.996, 'en')).toBe('99.6%');
    expect(formatRatio(0.99996, 'en')).toBe('99.99%');
    expect(formatRatio(0.99999999, 'fr')).toMatch(/^99,99\s%$/);
    expect(formatRatio(1, 'en')).toBe('100%');
    expect(formatRatio(1.13, 'sv')).toMatch(/^113\s%$/);
  });

  test('a source is named by its site: the hostname without a leading www.', () => {
    expect(sourceSite('https://www.binance.com/en/proof-of-reserves')).toBe('binance.com');
    expect(sourceSite('https://www.reuters.com/article/us-bitfinex-hacked-hongkong-idUSKCN10E0KP')).toBe('reuters.com');
    expect(sourceSite('https://insights.deribit.com/exchange-updates/proof-of-reserves-deribit/')).toBe('insights.deribit.com');
    // A page on a shared host keeps its own name: never shortened to the host's.
    expect(sourceSite('https://someone.github.io/por/')).toBe('someone.github.io');
    expect(sourceSite('https://www2.example.org/')).toBe('www2.example.org');
    expect(sourceSite('https://api.llama.fi:443/cexs')).toBe('api.llama.fi');
    expect(sourceSite('not a url')).toBe('not a url');
  });
});

describe('formatByteSize', () => {
  test('rounds first, then picks the unit: a size that rounds to 1,000 kB is 1 MB', () => {
    expect(formatByteSize(999, 'en')).toBe('999 byte');
    expect(formatByteSize(1000, 'en')).toBe('1 kB');
    expect(formatByteSize(999_949, 'en')).toBe('999.9 kB');
    expect(formatByteSize(999_950, 'en')).toBe('1 MB');
    expect(formatByteSize(999_999, 'en')).toBe('1 MB');
    expect(formatByteSize(999_999, 'fr')).toBe('1\u202fMo');
    expect(formatByteSize(2_000_000, 'en')).toBe('2 MB');
  });
});
