import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { shareImageContent } from '../lib/share/share-image';
import { shareText } from '../lib/share/share-text';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { reasonText, withReasonWords } from '../lib/words/reason-text';
import { joiners } from '../lib/words/punctuation';
import { translateFrom } from '../utils/i18n';
import { cardWords } from './card-words.testkit';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, settle } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

// A "none" record without a day we looked after its date carries only a source's date (an old
// filing, a news story). "No proof of reserves as of" that date, or "not checked since" it, would be
// a false dated claim: every surface says "none" undated, and that we hold no day we looked.

effectsOnNextTask();

const now = new Date('2026-12-04T12:00:00Z');
const messages = (folder: string) => localeMessages(folder);

/** Coinbase's bundled "none" record dated by a 2014 news story, with no day we looked. */
function undatedNone(): ExchangeView {
  const exchange = getExchange('coinbase');
  const reserves = bundledSnapshot().exchanges.coinbase;
  if (exchange === undefined || reserves?.por === undefined) throw new Error('no coinbase record');
  const { checkedAt: _, ...por } = reserves.por;
  return buildExchangeView({ exchange, reserves: { ...reserves, por: { ...por, asOf: '2014-05-24' } }, now });
}

describe('a "none" record without a day we looked: undated everywhere', () => {
  test.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['zh_CN', 'zh-CN'],
  ])('%s: the reason, the card, the shared text and picture name no day of 2014', (folder, locale) => {
    const view = undatedNone();
    const t = translateFrom(messages(folder));
    const reason = view.verdict.reasons.find((item) => item.code === 'por.none-unchecked');
    expect(reason, 'a "none" older than the recheck limit with no day we looked is still not vouched for').toBeDefined();
    expect(reason?.value).toBeUndefined();
    const reasons = view.verdict.reasons.map((item) => reasonText(item, t, locale, now));
    expect(reasons).toContain(t('reason_porNoneUncheckedUndated'));
    const card = cardWords(view, { messages: messages(folder), locale, quoted: '[lang]' });
    expect(card).toContain(t('porMethod_none'));
    const shared = shareText({ view, now, t, locale });
    expect(shared.text).toContain(t('shareText_porNone'));
    expect(shared.headline).toContain(t('shareText_headPorNone'));
    const picture = shareImageContent({ view, now, t, locale });
    const pictureLines = picture.sections.flatMap((section) => section.lines.map((line) => line.text));
    // As the shared text says it: none found, and that the day of our check is unknown, not just "none" nor a bare "date unknown".
    const { open, close } = joiners(locale);
    expect(picture.sections.find((section) => section.heading === t('cardProofOfReserves'))?.lines.map((line) => line.text)).toEqual([
      `${t('shareText_porNone')}${open}${t('shareText_checkDayUnknown')}${close}`,
    ]);
    for (const text of [...reasons, ...card, shared.text, shared.headline, ...pictureLines]) expect(text).not.toMatch(/2014/);
  });

  test('the popup, with the card open and its reasons worded', async () => {
    const words = wordsIn('en');
    const { t } = words;
    const view = withReasonWords(undatedNone(), t, 'en', now);
    const dom = popupPage(words);
    dom.draw({ tab: { kind: 'exchange', host: 'www.coinbase.com', view }, loadAll: () => Promise.resolve([view]) });
    await settle();
    for (const details of dom.root.querySelectorAll('details')) details.setAttribute('open', '');
    const text = dom.root.textContent ?? '';
    expect(text).toContain('No proof of reserves');
    expect(text).toContain(t('reason_porNoneUncheckedUndated'));
    expect(text).not.toMatch(/2014/);
    render(null, dom.root);
    vi.unstubAllGlobals();
  });
});
