import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { evaluateRun } from '../lib/risk/run-signals';
import { buildExchangeView, type TabState } from '../lib/view/exchange-view';
import { runAlertView } from '../lib/view/run-alert-view';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, recordFocus, settle } from './test-dom';

const words = wordsIn('en');
const { t } = words;
const NOW = new Date('2026-12-05T12:00:00Z');
const binance = buildExchangeView({ exchange: getExchange('binance')!, reserves: undefined, now: NOW });

/** Binance with a run alert on: a quarter of its assets gone in a day, read 20 minutes ago. */
function binanceInARun() {
  const observedAt = new Date(NOW.getTime() - 20 * 60_000).toISOString();
  const source = 'https://api.llama.fi/cexs';
  const evaluation = evaluateRun({
    exchange: { ownTokens: ['BNB'] },
    reserves: { onchain: { totalUsd: 75e9, source, asOf: '2026-12-05', observedAt }, flows: { net24hUsd: -25e9, net7dUsd: -3e9, source, asOf: '2026-12-05', observedAt } },
    now: NOW,
  });
  const runAlert = runAlertView({ exchange: { id: 'binance', name: 'Binance' }, evaluation, state: { phase: 'alert', startedAt: observedAt, raisedBy: ['outflow-24h'] }, now: NOW });
  if (runAlert === undefined) throw new Error('no run alert');
  return { ...binance, runAlert };
}

/**
 * The popup as its page draws it: failed at first; Try again asks the background anew and, once it answers,
 * draws what it said (the answer is handed out by the test).
 */
function popup() {
  const dom = popupPage(words);
  const focused = recordFocus(dom.window);
  let answer: (state: TabState | 'failed') => void = () => undefined;
  const onRetry = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        answer = (state) => {
          draw(state === 'failed' ? undefined : state, state === 'failed');
          resolve();
        };
      }),
  );
  const draw = (tab: TabState | undefined, failed: boolean) => dom.draw({ tab, failed, onRetry, onSnoozeRun: () => Promise.resolve([]) });
  draw(undefined, true);
  const retry = () => {
    const button = dom.$('popup-retry');
    button?.focus();
    dom.press('popup-retry');
    return button;
  };
  return { ...dom, focused, onRetry, answer: (state: TabState | 'failed') => answer(state), retry };
}

describe('Popup: Try again keeps the keyboard focus', () => {
  effectsOnNextTask();

  test('while asking, the button stays under the focus, marked busy, and a second press asks nothing more; the answer’s heading then takes the focus', async () => {
    const { window, $, onRetry, answer, retry } = popup();
    await settle();
    const button = retry();
    await settle();
    expect(button?.isConnected).toBe(true);
    expect(window.document.activeElement).toBe(button);
    expect(button?.getAttribute('aria-disabled')).toBe('true');
    expect(button?.hasAttribute('disabled')).toBe(false);
    $('popup-retry')?.dispatchEvent(new window.Event('click', { bubbles: true }));
    expect(onRetry).toHaveBeenCalledTimes(1);

    answer({ kind: 'exchange', host: 'www.binance.com', view: binance });
    await settle();
    const heading = window.document.activeElement as HTMLElement;
    expect(heading.tagName).toBe('H1');
    expect(heading.textContent).toContain('Binance');
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  test('an exchange in a run: the run alert, the first heading, takes the focus', async () => {
    const { window, answer, retry } = popup();
    await settle();
    retry();
    await settle();
    answer({ kind: 'exchange', host: 'www.binance.com', view: binanceInARun() });
    await settle();
    const heading = window.document.activeElement as HTMLElement;
    expect(heading).toBe(window.document.querySelector('h1'));
    expect(heading.className).toBe('run-alert__title');
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  test('not an exchange after all: its heading takes the focus', async () => {
    const { window, answer, retry } = popup();
    await settle();
    retry();
    await settle();
    answer({ kind: 'not-exchange' });
    await settle();
    expect((window.document.activeElement as HTMLElement).textContent).toBe(t('notExchangeTitle'));
    expect((window.document.activeElement as HTMLElement).getAttribute('tabindex')).toBe('-1');
  });

  test('failing again: the focus stays on Try again, which works again', async () => {
    const { window, $, onRetry, answer, retry, focused } = popup();
    await settle();
    const button = retry();
    await settle();
    answer('failed');
    await settle();
    expect($('popup-retry')).toBe(button);
    expect(window.document.activeElement).toBe(button);
    expect(button?.getAttribute('aria-disabled')).toBe('false');
    expect(focused).toEqual(['popup-retry']);
    retry();
    expect(onRetry).toHaveBeenCalledTimes(2);
  });
});
