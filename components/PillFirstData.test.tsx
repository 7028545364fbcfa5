import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView, type ExchangeView } from '@/lib/view/exchange-view';
import { withFirstData } from '@/lib/view/first-data';
import { I18nContext } from '@/utils/i18n';
import { Pill } from './Pill';
import { wordsIn } from './popup.testkit';
import { effectsOnNextTask, page, settle } from './test-dom';

/**
 * The exchange page's open card, before any data source has answered: its figures are the data that came with the
 * extension, and a line below it says so (naming no day: the card dates its own sections); the line goes when a view without the
 * mark is drawn (the background's answer after the first update).
 */

effectsOnNextTask();

const exchange = getExchange('binance');
if (exchange === undefined) throw new Error('no binance in the registry');
const plain = buildExchangeView({ exchange, reserves: undefined, now: new Date('2026-12-07T12:00:00Z') });
const LOCALES = ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN'] as const;

function drawPill(view: ExchangeView, folder = 'en') {
  const dom = page();
  vi.stubGlobal('window', dom.window);
  const draw = (shown: ExchangeView) =>
    render(
      <I18nContext.Provider value={wordsIn(folder)}>
        <Pill view={shown} corner="bottom-right" initiallyExpanded onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
      </I18nContext.Provider>,
      dom.root,
    );
  draw(view);
  return { ...dom, draw };
}

/** The card goes, its effects' clean-up run before the window is unstubbed. */
async function close(root: Element) {
  render(null, root);
  await settle();
}

describe("the exchange page's card says when its figures are the data that came with the extension", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('says so below the card, in plain words', async () => {
    const dom = drawPill({ ...plain, firstData: { beside: 'card-figures' } });
    await settle();
    const line = dom.$('first-data-line');
    expect(line?.textContent).toBe('These figures are the data that came with Reserve Radar, until its first data update arrives.');
    // Below the card, inside the panel: the verdict is read first.
    expect(dom.$('nudge-panel')?.contains(line ?? null)).toBe(true);
    expect(dom.$('exchange-card')?.compareDocumentPosition(line as Node)).toBe(4);
    await close(dom.root);
  });

  test('a card showing Unknown says that', async () => {
    const dom = drawPill(withFirstData(plain, true));
    await settle();
    expect(dom.$('first-data-line')?.textContent).toBe("This exchange shows “Unknown” until Reserve Radar's first data update arrives.");
    await close(dom.root);
  });

  test('goes when the view drawn next carries no mark (the first update came), the card staying open', async () => {
    const dom = drawPill({ ...plain, firstData: { beside: 'card-unknown' } });
    await settle();
    expect(dom.$('first-data-line')).not.toBeNull();
    dom.draw(plain);
    await settle();
    expect(dom.$('first-data-line')).toBeNull();
    expect(dom.$('nudge-panel')).not.toBeNull();
    await close(dom.root);
  });

  test('a view without the mark has no line at all', async () => {
    const dom = drawPill(plain);
    await settle();
    expect(dom.$('first-data-line')).toBeNull();
    await close(dom.root);
  });

  test.each(LOCALES)('%s: the line is worded in that language', async (folder) => {
    const dom = drawPill({ ...plain, firstData: { beside: 'card-figures' } }, folder);
    await settle();
    const { t } = wordsIn(folder);
    expect(dom.$('first-data-line')?.textContent).toBe(t('firstDataPendingCard'));
    if (folder !== 'en') expect(t('firstDataPendingCard')).not.toBe(wordsIn('en').t('firstDataPendingCard'));
    await close(dom.root);
  });
});
