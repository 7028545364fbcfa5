import { describe, expect, test } from 'vitest';
import { listWarning } from '../community/active-warning.testkit';
import { LOCALES, localeTag } from '../locales';
import { formatDate } from '../words/format';
import { joiners } from '../words/punctuation';
import { POST_LIMIT, postLength } from './post-length';
import { shareImageContent } from './share-image';
import { now, viewOf, words } from './bundled-view.testkit';
import { shareText } from './share-text';

// What the card says that matters travels with a shared card: the community warnings it shows (whose list
// warns, what it says, when, its sources) and the trend of the kept reports (direction, period, days).

const en = words('en');

const danger = listWarning({
  severity: 'danger',
  title: 'Withdrawals halted',
  body: 'Users report that withdrawals have been pending for three days.',
  sources: ['https://example.org/halt?utm_source=x', 'https://news.example.net/story'],
  published: '2026-11-20T00:00:00Z',
});

describe('community warnings in the shared text, headline and picture', () => {
  test('English: each warning with its list, its words, the day it was published and its sources', () => {
    const { text, headline, links } = shareText({ view: viewOf('binance', [danger, listWarning()]), now, t: en, locale: 'en-US' });
    const lines = text.split('\n');
    const heading = lines.indexOf('Community warnings (from warning lists subscribed to in Reserve Radar):');
    expect(heading, text).toBeGreaterThan(0);
    expect(lines.slice(heading + 1, heading + 3)).toEqual([
      '- Danger: Withdrawals halted (from “A list” at lists.example.org): Users report that withdrawals have been pending for three days. (published Nov 20, 2026, https://example.org/halt https://news.example.net/story)',
      '- Caution: Withdrawals slow (from “A list” at lists.example.org): Reported by users. (published Nov 1, 2026, https://example.org/)',
    ]);
    expect(links).toEqual(expect.arrayContaining(['https://example.org/halt', 'https://news.example.net/story', 'https://example.org/']));
    expect(headline).toContain(' · 2 community warnings · ');
    expect(postLength(headline)).toBeLessThanOrEqual(POST_LIMIT);
  });

  test('a long body is cut short; past five warnings, the rest are counted in the plural form', () => {
    const many = Array.from({ length: 7 }, (_, index) => listWarning({ title: `Warning ${index}`, body: 'word '.repeat(100) }));
    const { text, headline } = shareText({ view: viewOf('binance', many), now, t: en, locale: 'en-US' });
    expect(text).toContain('Warning 4');
    expect(text).not.toContain('Warning 5');
    expect(text).toContain('\n- and 2 more warnings\n');
    expect(text).toMatch(/ word… \(published Nov 1, 2026, /);
    expect(headline).toContain(' · 7 community warnings · ');
    const six = shareText({ view: viewOf('binance', many.slice(0, 6)), now, t: en, locale: 'en-US' });
    expect(six.text).toContain('\n- and 1 more warning\n');
    expect(shareText({ view: viewOf('binance', [danger]), now, t: en, locale: 'en-US' }).headline).toContain(' · 1 community warning · ');
  });

  test('no warning, no warnings section and no count in the headline', () => {
    const { text, headline } = shareText({ view: viewOf('binance'), now, t: en, locale: 'en-US' });
    expect(text).not.toContain('Community warnings');
    expect(headline).not.toContain('community warning');
  });

  test('the picture: a warnings section with each list, title and day, and the sources’ hosts', () => {
    const content = shareImageContent({ view: viewOf('binance', [danger, listWarning()]), now, t: en, locale: 'en-US' });
    const section = content.sections.find((one) => one.heading === 'Community warnings');
    expect(section?.lines.map((line) => line.text)).toEqual([
      'Danger: Withdrawals halted (from “A list” at lists.example.org) · Nov 20, 2026',
      'Caution: Withdrawals slow (from “A list” at lists.example.org) · Nov 1, 2026',
    ]);
    expect(content.sourceDomains).toEqual(expect.arrayContaining(['example.org', 'news.example.net']));
    expect(shareImageContent({ view: viewOf('binance'), now, t: en, locale: 'en-US' }).sections.some((one) => one.heading === 'Community warnings')).toBe(false);
  });

  test.each(LOCALES.map(({ id }) => [id]))('%s: the warning, its list and its date in the reader’s words', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    for (const key of ['shareText_warnings', 'shareText_warningPublished', 'shareText_headWarnings', 'shareText_headWarningsOne', 'shareText_moreWarnings', 'shareText_moreWarningsOne'] as const)
      expect(t(key), `${folder} ${key}`).not.toBe('');
    const { text, headline } = shareText({ view: viewOf('binance', [danger]), now, t, locale });
    expect(text).toContain(t('shareText_warnings'));
    expect(text).toContain(t('warningFrom', ['A list', 'lists.example.org']));
    expect(text).toContain(t('shareText_warningPublished', formatDate('2026-11-20', locale)));
    expect(text).toContain('https://news.example.net/story');
    expect(headline).toContain(t('shareText_headWarningsOne', '1'));
    const picture = shareImageContent({ view: viewOf('binance', [danger]), now, t, locale });
    expect(picture.sections.find((one) => one.heading === t('cardWarnings'))?.lines[0]?.text).toContain(formatDate('2026-11-20', locale));
  });
});

describe('the trend of the kept reports in the shared text and picture', () => {
  test('English: the period with its days, and each row’s figures with their direction and sources', () => {
    const view = viewOf('kucoin');
    expect(view.porTrend?.reports).toMatchObject({ count: 2, from: '2026-08-31', to: '2026-09-30' });
    const { text, links } = shareText({ view, now, t: en, locale: 'en-US' });
    const source = 'https://www.kucoin.com/_api/asset-front/proof-of-reserves/asset-reserve';
    expect(text).toContain('\n  Trend over 2 reports, Aug 31, 2026 to Sep 30, 2026:\n');
    expect(text).toMatch(/\n {2}- BTC, Aug 31, 2026 → Sep 30, 2026: reserve ratio 107(\.0)?% → 109(\.0)?%, up; customer liabilities 7,441 BTC → 7,359 BTC, down \(https:\/\/www\.kucoin\.com\//);
    expect(text).toMatch(/\n {2}- ETH, Aug 31, 2026 → Sep 30, 2026: reserve ratio 117(\.0)?% → 117(\.0)?%, unchanged; /);
    expect(links).toContain(source);
    const picture = shareImageContent({ view, now, t: en, locale: 'en-US' }).sections.find((one) => one.heading === 'Proof of reserves');
    const lines = picture?.lines.map((line) => line.text) ?? [];
    expect(lines).toContain('Trend over 2 reports, Aug 31, 2026 to Sep 30, 2026:');
    expect(lines.some((line) => line.startsWith('• BTC, Aug 31, 2026 → Sep 30, 2026: reserve ratio'))).toBe(true);
  });

  test('no kept trend, no trend line', () => {
    const view = viewOf('coinex');
    expect(view.porTrend).toBeUndefined();
    expect(shareText({ view, now, t: en, locale: 'en-US' }).text).not.toContain('Trend over');
    const picture = shareImageContent({ view, now, t: en, locale: 'en-US' });
    expect(picture.sections.flatMap((one) => one.lines).some((line) => line.text.includes('Trend over'))).toBe(false);
  });

  test.each(LOCALES.map(({ id }) => [id]))('%s: the trend’s period and direction in the reader’s words', (folder) => {
    const t = words(folder);
    const locale = localeTag(folder);
    const { colon } = joiners(locale);
    for (const key of [
      'shareText_trend',
      'shareText_trendOne',
      'shareText_trendRatio',
      'shareText_trendLiabilities',
      'shareText_trendUp',
      'shareText_trendDown',
      'shareText_trendSame',
      'shareText_trendUnknown',
    ] as const)
      expect(t(key), `${folder} ${key}`).not.toBe('');
    const { text } = shareText({ view: viewOf('kucoin'), now, t, locale });
    expect(text).toContain(t('shareText_trend', ['2', formatDate('2026-08-31', locale), formatDate('2026-09-30', locale)]));
    expect(text).toContain(`${formatDate('2026-09-30', locale)}${colon}`);
    expect(text).toContain(t('shareText_trendUp'));
    expect(text).toContain(t('shareText_trendDown'));
  });
});
