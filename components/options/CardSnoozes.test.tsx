import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { Settings } from '../../lib/settings';
import { type I18n, I18nContext, translateFrom } from '../../utils/i18n';
import { focusAfterRemovedElsewhere } from '../focus-after-remove.testkit';
import { Options } from '../Options';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const es: I18n = { t: translateFrom(localeMessages('es')), locale: 'es' };
const NAMES = { binance: 'Binance', kraken: 'Kraken', okx: 'OKX' };
const hidden = (...ids: string[]): Settings['snoozes'] => Object.fromEntries(ids.map((id) => [id, { until: 'data-change' as const, fingerprint: 'f' }]));

effectsOnNextTask();

/** The options page with these cards hidden; `onChange` stores (and draws) what a Remove leaves, unless told it fails. */
function cardsHidden(snoozes: Settings['snoozes'], saves = true) {
  const dom = page();
  const focused = recordFocus(dom.window);
  let current = snoozes;
  const draw = () =>
    render(
      <I18nContext.Provider value={es}>
        <Options
          {...quietOptions}
          settings={{ ...quietOptions.settings, snoozes: current }}
          exchangeNames={NAMES}
          onChange={(patch) => {
            if (!saves) return Promise.reject(new Error('quota'));
            current = patch.snoozes ?? current;
            draw();
            return Promise.resolve();
          }}
        />
      </I18nContext.Provider>,
      dom.root,
    );
  draw();
  const removes = () => [...dom.root.querySelectorAll('[data-testid="snoozes"] button')] as HTMLElement[];
  const elsewhere = (next: Settings['snoozes']) => {
    current = next;
    draw();
  };
  return { ...dom, focused, removes, elsewhere, current: () => current };
}

describe('cards hidden on exchange pages, in the options', () => {
  test('a Remove moves the focus to the next Remove, then the previous one, then the empty line, and says what went', async () => {
    const { window, root, $, focused, removes, current } = cardsHidden(hidden('binance', 'kraken', 'okx'));
    await settle();
    removes()[1]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(Object.keys(current())).toEqual(['binance', 'okx']);
    expect(window.document.activeElement).toBe(removes()[1]);
    expect(removes()[1]?.textContent).toBe(es.t('snoozeRemove', 'OKX'));
    expect($('snoozes-removed')?.textContent).toBe(es.t('snoozeLifted', 'Kraken'));
    removes()[1]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(window.document.activeElement).toBe(removes()[0]);
    removes()[0]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(focused.at(-1)).toBe('snoozes-empty');
    expect($('snoozes-empty')?.textContent).toBe(es.t('snoozesEmpty'));
    render(null, root);
  });

  test('a Remove not saved keeps the entry and says so; the focus stays on its button, and the press is forgotten', async () => {
    const { window, root, $, focused, removes, elsewhere } = cardsHidden(hidden('binance', 'kraken'), false);
    await settle();
    removes()[0]?.focus();
    removes()[0]?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect(removes()).toHaveLength(2);
    expect($('snoozes-notice')?.textContent).toBe(es.t('snoozeRemoveFailed', 'Binance'));
    expect(focused).toEqual(['']);
    expect(window.document.activeElement).toBe(removes()[0]);
    // Lifted on another page later: not this press's doing, so no neighbour's Remove takes the focus and no lift is said.
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => elsewhere(hidden('kraken')))).toBe('snoozes-title');
    expect($('snoozes-removed')?.textContent).toBe('');
    render(null, root);
  });

  test('a card shown again from another page while its Remove has the focus: the focus goes to the heading, not the page', async () => {
    const { window, root, removes, elsewhere } = cardsHidden(hidden('binance', 'kraken'));
    await settle();
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => elsewhere(hidden('kraken')))).toBe('snoozes-title');
    expect(await focusAfterRemovedElsewhere(window, removes()[0], () => elsewhere(hidden()))).toBe('snoozes-title');
    render(null, root);
  });

  test('a card hidden until a set time leaves the list at that time, and after a sleep when the page is seen again; one hidden until its data changes stays', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-14T09:00:00.000Z') });
    try {
      const at = (time: string) => ({ until: 'time' as const, endsAt: Date.parse(time) });
      const { root, window } = cardsHidden({ binance: at('2026-12-14T10:00:00.000Z'), kraken: at('2026-12-15T09:00:00.000Z'), ...hidden('okx') });
      const listed = () => [...root.querySelectorAll('[data-testid="snoozes"] li')].map((item) => item.textContent?.split(':')[0]);
      await vi.advanceTimersByTimeAsync(100);
      expect(listed()).toEqual(['Binance', 'Kraken', 'OKX']);
      await vi.advanceTimersByTimeAsync(59 * 60_000);
      expect(listed()).toEqual(['Binance', 'Kraken', 'OKX']);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(listed()).toEqual(['Kraken', 'OKX']);
      // Asleep past Kraken's end: the wall clock moves, the timer (which does not count sleep) is not due.
      vi.setSystemTime(new Date('2026-12-16T09:00:00.000Z'));
      window.document.dispatchEvent(new window.Event('visibilitychange'));
      await vi.advanceTimersByTimeAsync(0);
      expect(listed()).toEqual(['OKX']);
      expect(vi.getTimerCount()).toBe(0);
      render(null, root);
    } finally {
      vi.useRealTimers();
    }
  });
});
