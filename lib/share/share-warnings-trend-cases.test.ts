import { describe, expect, test } from 'vitest';
import { listWarning } from '../community/active-warning.testkit';
import { LOCALES, localeTag } from '../locales';
import { shareImageContent } from './share-image';
import { now, viewOf, words } from './bundled-view.testkit';
import { shareText } from './share-text';
import { warningBody, warningHead } from './warnings-trend';

// The shared words' finer claims on real bundled reports: both ends' sources on a trend row, an unknown
// figure's direction, the "no ratio" line and its sources, the picture's count of the rest, text left in
// its list's language, one line per warning, a cut at a word, and the lists that could not be checked.

const en = words('en');

const BINANCE_2022 = 'https://decrypt.co/116653/independent-audit-confirms-binances-bitcoin-fully-backed';
const BINANCE_NOW = 'https://www.binance.com/en/proof-of-reserves';

describe('the trend rows on the bundled reports', () => {
  test('Binance: the row ends with the links of its first and its last report, and the picture names both hosts', () => {
    const { text } = shareText({ view: viewOf('binance'), now, t: en, locale: 'en-US' });
    expect(text).toContain(`\n  - BTC, Nov 22, 2022 → Apr 1, 2026: reserve ratio 101% → 100.03%, down; customer liabilities 575,742 BTC → 618,951 BTC, up (${BINANCE_2022} ${BINANCE_NOW})\n`);
    expect(shareImageContent({ view: viewOf('binance'), now, t: en, locale: 'en-US' }).sourceDomains).toEqual(expect.arrayContaining(['decrypt.co', 'binance.com']));
  });

  test('HTX: a figure missing at one end reads "unknown", and its direction is unknown, not "unchanged"', () => {
    const { text } = shareText({ view: viewOf('htx'), now, t: en, locale: 'en-US' });
    expect(text).toContain('- BTC, Aug 15, 2023 → Sep 1, 2026: reserve ratio 101% → 104%, up; customer liabilities unknown → 19,498 BTC, direction unknown (');
  });

  test('BitMEX: no row, so the "no reserve ratio" line says so with the links of the reports it speaks of', () => {
    const view = viewOf('bitmex');
    expect(view.porTrend?.series).toEqual([]);
    const { text, links } = shareText({ view, now, t: en, locale: 'en-US' });
    const older = 'https://blog.bitmex.com/proof-of-reserves-liabilities-bitmex-demonstration/';
    const newer = 'https://blog.bitmex.com/bitmex-provides-snapshot-update-to-proof-of-reserves-proof-of-liabilities/';
    expect(text).toContain(`\n  Trend over 2 reports, Jul 28, 2021 to Nov 9, 2022:\n  ${en('porTrendNoRatio')} (${older} ${newer})\n`);
    expect(links).toContain(older);
    const picture = shareImageContent({ view, now, t: en, locale: 'en-US' });
    expect(picture.sections.flatMap((one) => one.lines).map((line) => line.text)).toContain(en('porTrendNoRatio'));
    expect(picture.sourceDomains).toContain('blog.bitmex.com');
  });

  test('Upbit: no row, and the older report, at another site, is named in the text and the picture’s sources', () => {
    const view = viewOf('upbit');
    expect(view.porTrend?.series).toEqual([]);
    expect(shareText({ view, now, t: en, locale: 'en-US' }).text).toContain(
      `  ${en('porTrendNoRatio')} (https://www.kmib.co.kr/article/view_amp.asp?arcid=0012574369 https://businesspost.co.kr/BP?command=article_view&num=124988)\n`,
    );
    expect(shareImageContent({ view, now, t: en, locale: 'en-US' }).sourceDomains).toEqual(expect.arrayContaining(['kmib.co.kr', 'businesspost.co.kr']));
  });
});

describe('the warnings: the picture’s count, the list’s language, one line, a cut at a word', () => {
  test('the picture shows three warnings and counts the fourth', () => {
    const four = Array.from({ length: 4 }, (_, index) => listWarning({ title: `Warning ${index}` }));
    const section = shareImageContent({ view: viewOf('binance', four), now, t: en, locale: 'en-US' }).sections.find((one) => one.heading === 'Community warnings');
    expect(section?.lines.map((line) => line.text).at(-1)).toBe('and 1 more warning');
  });

  test('a list in German is marked untranslated for an English reader; a list in English is not', () => {
    const german = listWarning({ title: 'Auszahlungen gestoppt', body: 'Nutzer berichten.', listLang: 'de' });
    expect(warningHead(german, en, 'en-US')).toContain(en('dataNotTranslatedQuoteIn', ['German', 'Auszahlungen gestoppt']));
    expect(warningBody(german, en, 'en-US')).toBe(en('dataNotTranslatedQuoteIn', ['German', 'Nutzer berichten.']));
    const english = listWarning({ title: 'Withdrawals halted', body: 'Users report.', listLang: 'en' });
    expect(warningHead(english, en, 'en-US')).toBe('Caution: Withdrawals halted (from “A list” at lists.example.org)');
    expect(warningBody(english, en, 'en-US')).toBe('Users report.');
  });

  test('a body with line breaks comes out on one line', () => {
    expect(warningBody(listWarning({ body: 'First line.\nSecond line.\r\n\tThird.' }), en, 'en-US')).toBe('First line. Second line. Third.');
    const { text } = shareText({ view: viewOf('binance', [listWarning({ body: 'One.\nTwo.' })]), now, t: en, locale: 'en-US' });
    expect(text).toContain(': One. Two. (published Nov 1, 2026, https://example.org/)\n');
  });

  test('a long body is cut after a whole word, and never inside a link', () => {
    const cut = warningBody(listWarning({ body: 'word '.repeat(100) }), en, 'en-US');
    expect(cut).toMatch(/ word…$/);
    const link = 'https://example.org/a-long-path-to-the-story';
    const linked = warningBody(listWarning({ body: `${'x'.repeat(190)} ${link} more words after it` }), en, 'en-US');
    expect(linked).toBe(`${'x'.repeat(190)}…`);
    // A body with no space near the end (one long word, or Chinese) is still cut where it fits: "…" weighs 2 as X counts it.
    expect(warningBody(listWarning({ body: 'y'.repeat(400) }), en, 'en-US')).toBe(`${'y'.repeat(198)}…`);
  });
});

describe('lists that could not be checked', () => {
  test('English: the text and the picture say so in the sharer’s voice, rather than reading as "no warnings"', () => {
    const view = viewOf('binance', 'unread');
    expect(view.warningListsUnread).toBe(true);
    const { text } = shareText({ view, now, t: en, locale: 'en-US' });
    expect(text).toContain(`\n\n${en('shareText_warningListsUnread')}\n`);
    expect(en('shareText_warningListsUnread')).toContain('could not be checked when this was shared');
    const section = shareImageContent({ view, now, t: en, locale: 'en-US' }).sections.find((one) => one.heading === 'Community warnings');
    expect(section?.lines.map((line) => line.text)).toEqual([en('shareText_warningListsUnread')]);
    expect(shareText({ view: viewOf('binance'), now, t: en, locale: 'en-US' }).text).not.toContain(en('shareText_warningListsUnread'));
  });

  test.each(LOCALES.map(({ id }) => [id]))('%s: the line in the reader’s words', (folder) => {
    const t = words(folder);
    expect(t('shareText_warningListsUnread')).not.toBe('');
    expect(shareText({ view: viewOf('binance', 'unread'), now, t, locale: localeTag(folder) }).text).toContain(t('shareText_warningListsUnread'));
  });
});
