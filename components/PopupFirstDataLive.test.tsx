import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView } from '../lib/view/exchange-view';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, recordFocus, settle } from './test-dom';

/**
 * The first-data line over an exchange's own card (the user opened the popup on that exchange's site), and the line
 * leaving while the popup stays open, once the first data update arrives.
 */

const words = wordsIn('en');
const { t } = words;
const now = new Date('2026-12-07T10:00:00Z');
const FOLLOWING = 4;

function binanceTab() {
  const binance = getExchange('binance');
  if (binance === undefined) throw new Error('binance is missing from the registry');
  return { kind: 'exchange' as const, host: 'www.binance.com', view: buildExchangeView({ exchange: binance, reserves: undefined, now, warnings: [] }) };
}

/** A background whose answer to "is the first data still pending" the test changes, and the watch it tells. */
function sources(pending: boolean) {
  const state = { pending, changed: undefined as (() => void) | undefined, stops: 0 };
  return {
    state,
    load: vi.fn(() => Promise.resolve(state.pending)),
    follow: (changed: () => void) => {
      state.changed = changed;
      return () => {
        state.stops += 1;
      };
    },
  };
}

describe('the first-data line over an exchange’s own card', () => {
  effectsOnNextTask();

  test('says the figures are the copy that came with the extension, below the card, and opens the data sources', async () => {
    const onOpenSources = vi.fn();
    const dom = popupPage(words);
    dom.draw({ tab: binanceTab(), loadFirstDataPending: () => Promise.resolve(true), onOpenSources });
    await vi.waitFor(() => expect(dom.$('popup-first-data')?.querySelector('p')?.textContent).toBe(t('firstDataPendingCard')));
    // After the card: the verdict is read first, then what the figures are.
    const card = dom.$('exchange-card');
    expect(card).not.toBeNull();
    expect(card?.compareDocumentPosition(dom.$('popup-first-data') as Node)).toBe(FOLLOWING);
    const open = dom.$('popup-first-data-open');
    expect(open?.textContent).toBe(t('firstDataPendingOpen'));
    open?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    expect(onOpenSources).toHaveBeenCalledOnce();
    render(null, dom.root);
  });

  test('says nothing over the card once a source has answered', async () => {
    const asked = vi.fn(() => Promise.resolve(false));
    const dom = popupPage(words);
    dom.draw({ tab: binanceTab(), loadFirstDataPending: asked, onOpenSources: () => undefined });
    await vi.waitFor(() => expect(asked).toHaveBeenCalled());
    await settle();
    expect(dom.$('popup-first-data')).toBeNull();
    render(null, dom.root);
  });

  test('is translated in every language, names no time, and is not the list’s wording', () => {
    for (const folder of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const { t: say } = wordsIn(folder);
      for (const key of ['firstDataPendingCard', 'firstDataArrived'] as const) {
        expect(say(key).length, `${folder} ${key}`).toBeGreaterThan(20);
        expect(say(key)).not.toMatch(/\d/);
        if (folder !== 'en') expect(say(key), `${folder} ${key}`).not.toBe(t(key));
      }
      expect(say('firstDataPendingCard')).not.toBe(say('firstDataPending'));
    }
  });
});

describe('the first-data line while the popup stays open', () => {
  effectsOnNextTask();

  for (const [where, tab] of [
    ['over the list', { kind: 'not-exchange' as const }],
    ['over an exchange’s card', binanceTab()],
  ] as const)
    test(`${where}: goes when the first data arrives, says so once in a polite status, and asks for the new figures once`, async () => {
      const background = sources(true);
      const onFirstData = vi.fn();
      const dom = popupPage(words);
      dom.draw({ tab, loadFirstDataPending: background.load, followSources: background.follow, onFirstData, onOpenSources: () => undefined });
      await vi.waitFor(() => expect(dom.$('popup-first-data')).not.toBeNull());
      // The status is on the page, empty, before anything is said in it, so that what is put in it is read out.
      const status = dom.$('popup-first-data-status');
      expect(status?.getAttribute('role')).toBe('status');
      expect(status?.textContent).toBe('');
      // A change that is not the first data (a failed attempt written down) changes nothing.
      background.state.changed?.();
      await settle();
      expect(dom.$('popup-first-data')).not.toBeNull();
      expect(onFirstData).not.toHaveBeenCalled();

      background.state.pending = false;
      background.state.changed?.();
      await vi.waitFor(() => expect(dom.$('popup-first-data')).toBeNull());
      expect(dom.$('popup-first-data-status')?.textContent).toBe(t('firstDataArrived'));
      expect(onFirstData).toHaveBeenCalledOnce();
      // Later changes (the next hourly answers) neither say it again nor ask again.
      background.state.changed?.();
      background.state.changed?.();
      await settle();
      expect([...dom.root.querySelectorAll('[role="status"]')].filter((region) => region.textContent === t('firstDataArrived'))).toHaveLength(1);
      expect(onFirstData).toHaveBeenCalledOnce();
      render(null, dom.root);
      await settle();
      expect(background.state.stops).toBe(1);
    });

  test('the focus on its button, when the line goes, moves to the heading rather than the page', async () => {
    const background = sources(true);
    const dom = popupPage(words);
    const focused = recordFocus(dom.window);
    dom.draw({ tab: binanceTab(), loadFirstDataPending: background.load, followSources: background.follow, onFirstData: () => undefined, onOpenSources: () => undefined });
    await vi.waitFor(() => expect(dom.$('popup-first-data-open')).not.toBeNull());
    (dom.$('popup-first-data-open') as HTMLElement).focus();
    expect(focused).toEqual(['popup-first-data-open']);
    background.state.pending = false;
    background.state.changed?.();
    await vi.waitFor(() => expect(dom.$('popup-first-data')).toBeNull());
    await settle();
    expect(focused).toEqual(['popup-first-data-open', 'card-title']);
    render(null, dom.root);
  });

  test('an answer to an older question that comes after a newer one is not drawn', async () => {
    let answerFirst: (pending: boolean) => void = () => undefined;
    const answers = [new Promise<boolean>((resolve) => (answerFirst = resolve)), Promise.resolve(false)];
    let changed: () => void = () => undefined;
    const dom = popupPage(words);
    dom.draw({
      loadFirstDataPending: () => answers.shift() ?? Promise.resolve(false),
      followSources: (tell) => {
        changed = tell;
        return () => undefined;
      },
      onFirstData: () => undefined,
      onOpenSources: () => undefined,
    });
    await settle();
    changed();
    await settle();
    answerFirst(true);
    await settle();
    expect(dom.$('popup-first-data')).toBeNull();
    render(null, dom.root);
  });

  test('the list asked anew for the new data keeps its rows on screen until the new ones come, never "Loading…" between', async () => {
    const { view } = binanceTab();
    const dom = popupPage(words);
    dom.draw({ loadAll: () => Promise.resolve([view]) });
    await vi.waitFor(() => expect(dom.rows()).toEqual(['binance']));
    let answer: (views: (typeof view)[]) => void = () => undefined;
    const newer = new Promise<(typeof view)[]>((resolve) => (answer = resolve));
    dom.draw({ loadAll: () => newer });
    await settle();
    expect(dom.rows()).toEqual(['binance']);
    expect(dom.root.querySelector('[aria-busy="true"]')).toBeNull();
    answer([]);
    await vi.waitFor(() => expect(dom.rows()).toEqual([]));
    render(null, dom.root);
  });
});
