import { describe, expect, test } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView, type ExchangeView, type TabState } from '../lib/view/exchange-view';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, recordFocus, settle } from './test-dom';

const words = wordsIn('en');
const { t } = words;
const NOW = new Date('2026-12-05T12:00:00Z');
const [binance, kraken] = ['binance', 'kraken'].map((id) => buildExchangeView({ exchange: getExchange(id)!, reserves: undefined, now: NOW })) as [ExchangeView, ExchangeView];

/**
 * The popup as its page draws it when the background answers after the deadline: the failed state
 * (its list failed too), then the late answer drawn over it in the same page, no button pressed.
 */
function popup() {
  const dom = popupPage(words);
  const focused = recordFocus(dom.window);
  const none = () => Promise.resolve();
  const draw = (tab: TabState | undefined, failed: boolean, loadAll: () => Promise<ExchangeView[]>) => dom.draw({ tab, failed, onRetry: none, loadAll });
  return { ...dom, focused, draw };
}

describe('Popup: a late answer replaces the failed state', () => {
  effectsOnNextTask();

  test('the list under it loads anew and no longer says the data could not be loaded', async () => {
    const { root, draw, rows } = popup();
    draw(undefined, true, () => Promise.reject(new Error('no answer')));
    await settle();
    expect(root.textContent).toContain(t('errorBackground'));
    draw({ kind: 'not-exchange' }, false, () => Promise.resolve([binance]));
    await settle();
    expect(root.textContent).not.toContain(t('errorBackground'));
    expect(rows()).toEqual(['binance']);
  });

  test('only the latest list is drawn: an earlier loader that answers last is ignored', async () => {
    const { draw, rows } = popup();
    let answerFirst: (views: ExchangeView[]) => void = () => undefined;
    draw({ kind: 'not-exchange' }, false, () => new Promise((resolve) => (answerFirst = resolve)));
    await settle();
    draw({ kind: 'not-exchange' }, false, () => Promise.resolve([kraken]));
    await settle();
    answerFirst([binance]);
    await settle();
    expect(rows()).toEqual(['kraken']);
  });

  test('with the focus on Try again, the answer’s heading takes the focus instead of the page', async () => {
    const { window, $, draw } = popup();
    draw(undefined, true, () => Promise.reject(new Error('no answer')));
    await settle();
    $('popup-retry')?.focus();
    draw({ kind: 'exchange', host: 'www.binance.com', view: binance }, false, () => Promise.resolve([]));
    await settle();
    const heading = window.document.activeElement as HTMLElement;
    expect(heading.tagName).toBe('H1');
    expect(heading.textContent).toContain('Binance');
  });

  test('with the focus in the search, which stays, the focus stays there', async () => {
    const { window, $, draw, focused } = popup();
    draw(undefined, true, () => Promise.reject(new Error('no answer')));
    await settle();
    const search = $('search');
    search?.focus();
    draw({ kind: 'not-exchange' }, false, () => Promise.resolve([binance]));
    await settle();
    expect($('search')).toBe(search);
    expect(window.document.activeElement).toBe(search);
    expect(focused).toEqual(['search']);
  });
});
