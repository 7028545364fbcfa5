import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView } from '../lib/view/exchange-view';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, recordFocus } from './test-dom';

/**
 * On a tab that is no exchange the list has a row per exchange: a keyboard user reaches the
 * actions below it (verify, options) past a link that skips the list, not past every row.
 */

const words = wordsIn('en');
const { t } = words;

describe('the popup list for keyboard users', () => {
  effectsOnNextTask();

  test('its first stop skips it: the focus lands on the first control after it, named and visible', async () => {
    const dom = popupPage(words);
    const focused = recordFocus(dom.window);
    const views = ['binance', 'kraken', 'okx'].map((id) => buildExchangeView({ exchange: getExchange(id)!, reserves: undefined, now: new Date('2026-12-07T10:00:00Z') }));
    dom.draw({ tab: { kind: 'not-exchange' }, loadAll: () => Promise.resolve(views) });
    await vi.waitFor(() => expect(dom.rows().length).toBeGreaterThan(0));
    const skip = dom.$('skip-list');
    expect(skip?.textContent).toBe(t('popupSkipList'));
    const section = dom.$('exchange-list')?.closest('section');
    const focusable = [...(section?.querySelectorAll('a, button, input, select') ?? [])];
    expect(focusable[0]).toBe(skip);
    skip?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    expect(focused).toEqual(['open-verify']);
    // A control a Tab would reach, with a name to read out: not an empty stop of its own.
    const active = dom.window.document.activeElement as HTMLElement;
    expect([active.tagName, active.getAttribute('tabindex'), active.textContent]).toEqual(['BUTTON', null, t('openVerify')]);
    expect(section?.contains(active)).toBe(false);
    render(null, dom.root);
  });
});
