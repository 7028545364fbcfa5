import { describe, expect, test } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { shareImageContent } from '../lib/share/share-image';
import { shareText } from '../lib/share/share-text';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { formatDate } from '../lib/words/format';
import { reasonText } from '../lib/words/reason-text';
import { translateFrom } from '../utils/i18n';
import { cardWords } from './card-words.testkit';
import { effectsOnNextTask } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

// A report whose source gives no date (Deribit's PoR page): no surface may name a day for its balances,
// its report or our check, and its unknown age is never blamed on the exchange: the reason says the
// date is unknown, not that a report is overdue.

effectsOnNextTask();

const now = new Date('2026-12-04T12:00:00Z');
const messages = (folder: string) => localeMessages(folder);

function deribit(): ExchangeView {
  const exchange = getExchange('deribit');
  const reserves = bundledSnapshot().exchanges.deribit;
  if (exchange === undefined || reserves?.por === undefined) throw new Error('no deribit record');
  return buildExchangeView({ exchange, reserves, now });
}

describe('a PoR report without a date: undated everywhere', () => {
  test('the bundled Deribit record carries no balance day and no day of our check', () => {
    const por = bundledSnapshot().exchanges.deribit?.por;
    expect(por?.undated).toBe(true);
    expect(por?.snapshotDate).toBeUndefined();
    expect(por?.checkedAt).toBeUndefined();
  });

  test.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['es', 'es'],
    ['zh_CN', 'zh-CN'],
  ])('%s: the reasons, the card, the shared text and picture name no day, and say the date is unknown', (folder, locale) => {
    const view = deribit();
    const t = translateFrom(messages(folder));
    const codes = view.verdict.reasons.map((reason) => reason.code);
    expect(codes).toContain('por.undated');
    for (const blamed of ['por.overdue', 'por.unchecked', 'por.fresh']) expect(codes).not.toContain(blamed);
    const undated = view.verdict.reasons.find((reason) => reason.code === 'por.undated');
    expect(undated?.effect).toBe('unknown');
    expect(undated?.asOf).toBeUndefined();
    const reasons = view.verdict.reasons.map((item) => reasonText(item, t, locale, now));
    expect(reasons).toContain(t('reason_porUndated'));
    const card = cardWords(view, { messages: messages(folder), locale, quoted: '[lang]' });
    expect(card.join('\n')).toContain(t('reasonDateUnknown'));
    const shared = shareText({ view, now, t, locale });
    expect(shared.text).toContain(t('reasonDateUnknown'));
    const picture = shareImageContent({ view, now, t, locale });
    const pictureLines = picture.sections.flatMap((section) => section.lines.map((line) => line.text));
    // Neither the day that only orders the record nor the launch day seen only on reposts.
    const days = [view.por!.asOf, '2022-12-13'].map((day) => formatDate(day, locale));
    for (const text of [...reasons, ...card, shared.text, shared.headline, ...pictureLines]) for (const day of days) expect(text).not.toContain(day);
  });
});
