import { readFileSync } from 'node:fs';
import { render } from 'preact';
import * as v from 'valibot';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { SnapshotSchema } from '../lib/reserves/schema';
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

const snapshot = v.parse(SnapshotSchema, JSON.parse(readFileSync(new URL('../data/snapshot.json', import.meta.url), 'utf8')));

/** An exchange's tab drawn from the data that came with the extension (`bundled`), or from none at all. */
function exchangeTab(id: string, bundled: boolean) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`${id} is missing from the registry`);
  const reserves = bundled ? snapshot.exchanges[id] : undefined;
  return { kind: 'exchange' as const, host: exchange.domains[0] ?? id, view: buildExchangeView({ exchange, reserves, now, warnings: [] }) };
}

/** Binance with no figures at all: its card shows Unknown. */
const binanceTab = () => exchangeTab('binance', false);

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

  for (const [which, tab, key] of [
    ['with figures (Binance’s bundled reserves)', () => exchangeTab('binance', true), 'firstDataPendingCard'],
    ['with no figures, showing Unknown', binanceTab, 'firstDataPendingCardUnknown'],
    ['with no figures but a verdict (Coinbase publishes no proof of reserves)', () => exchangeTab('coinbase', true), 'firstDataPendingCardBundled'],
  ] as const)
    test(`a card ${which}: says what its data is, below the card, and opens the data sources`, async () => {
      const onOpenSources = vi.fn();
      const dom = popupPage(words);
      dom.draw({ tab: tab(), loadFirstDataPending: () => Promise.resolve(true), onOpenSources });
      await vi.waitFor(() => expect(dom.$('popup-first-data')?.querySelector('p')?.textContent).toBe(t(key)));
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

  test('the three cards the words are chosen for are what they claim to be', () => {
    const withFigures = exchangeTab('binance', true).view;
    expect(withFigures.onchain?.totalUsd).toBeGreaterThan(0);
    const unknown = binanceTab().view;
    expect([unknown.verdict.level, unknown.por, unknown.onchain, unknown.flows]).toEqual(['unknown', undefined, undefined, undefined]);
    const graded = exchangeTab('coinbase', true).view;
    expect(graded.por?.method).toBe('none');
    expect([graded.onchain, graded.flows]).toEqual([undefined, undefined]);
    expect(graded.verdict.level).not.toBe('unknown');
  });

  for (const [where, tab] of [
    ['over the card', binanceTab()],
    ['over the list', { kind: 'not-exchange' as const }],
  ] as const)
    test(`says nothing ${where} once a source has answered, not even on later changes, and asks for nothing`, async () => {
      const background = sources(false);
      const onFirstData = vi.fn();
      const dom = popupPage(words);
      dom.draw({ tab, loadFirstDataPending: background.load, followSources: background.follow, onFirstData, onOpenSources: () => undefined });
      await vi.waitFor(() => expect(background.load).toHaveBeenCalled());
      await settle();
      expect(dom.$('popup-first-data')).toBeNull();
      expect(dom.$('popup-first-data-status')?.textContent).toBe('');
      // The hourly answers that follow: the first data came before this popup opened, so nothing is said or asked.
      background.state.changed?.();
      background.state.changed?.();
      await settle();
      expect(background.load).toHaveBeenCalledTimes(3);
      expect(dom.$('popup-first-data-status')?.textContent).toBe('');
      expect(onFirstData).not.toHaveBeenCalled();
      render(null, dom.root);
    });

  test('is translated in every language, names no time, and is not the list’s wording', () => {
    for (const folder of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const { t: say } = wordsIn(folder);
      for (const key of ['firstDataPendingCard', 'firstDataPendingCardUnknown', 'firstDataPendingCardBundled', 'firstDataArrived'] as const) {
        expect(say(key).length, `${folder} ${key}`).toBeGreaterThan(20);
        expect(say(key)).not.toMatch(/\d/);
        if (folder !== 'en') expect(say(key), `${folder} ${key}`).not.toBe(t(key));
      }
      const lines = (['firstDataPending', 'firstDataPendingCard', 'firstDataPendingCardUnknown', 'firstDataPendingCardBundled'] as const).map((key) => say(key));
      expect(new Set(lines).size, folder).toBe(lines.length);
      // The product's name once in each line: no line repeats it.
      for (const line of lines) expect(line.split('Reserve Radar').length - 1, `${folder} ${line}`).toBe(1);
    }
  });

  test('the arrival says only what is true when it is said: nothing about the figures, which are still being asked for', () => {
    const figures = { en: 'figures', de: 'Zahlen', es: 'cifras', fr: 'chiffres', pt_BR: 'números', sv: 'siffror', tr: 'rakam', zh_CN: '数字' };
    for (const [folder, word] of Object.entries(figures)) {
      const { t: say } = wordsIn(folder);
      expect(say('firstDataPendingCard'), folder).toContain(word);
      expect(say('firstDataArrived'), folder).not.toContain(word);
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

  test('in the failed state too, the focus on its button moves to the heading rather than the page', async () => {
    const background = sources(true);
    const dom = popupPage(words);
    const focused = recordFocus(dom.window);
    dom.draw({ failed: true, loadFirstDataPending: background.load, followSources: background.follow, onFirstData: () => undefined, onOpenSources: () => undefined });
    await vi.waitFor(() => expect(dom.$('popup-first-data-open')).not.toBeNull());
    (dom.$('popup-first-data-open') as HTMLElement).focus();
    background.state.pending = false;
    background.state.changed?.();
    await vi.waitFor(() => expect(dom.$('popup-first-data')).toBeNull());
    await settle();
    expect(focused).toHaveLength(2);
    expect(dom.window.document.activeElement?.textContent).toBe(t('popupCheckFailedTitle'));
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

  test('the list asked anew keeps its rows when the new answer fails: no answer keeps what is drawn', async () => {
    const { view } = binanceTab();
    const dom = popupPage(words);
    dom.draw({ loadAll: () => Promise.resolve([view]) });
    await vi.waitFor(() => expect(dom.rows()).toEqual(['binance']));
    dom.draw({ loadAll: () => Promise.reject(new Error('no answer before the deadline')) });
    await settle();
    await settle();
    expect(dom.rows()).toEqual(['binance']);
    expect(dom.root.textContent).not.toContain(t('errorBackground'));
    render(null, dom.root);
  });

  test('a list that never drew a row still says a failed answer', async () => {
    const dom = popupPage(words);
    dom.draw({ loadAll: () => Promise.reject(new Error('no answer before the deadline')) });
    await vi.waitFor(() => expect(dom.root.textContent).toContain(t('errorBackground')));
    render(null, dom.root);
  });
});
