import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView } from '../lib/view/exchange-view';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, settle } from './test-dom';

const now = new Date('2026-12-05T12:00:00Z');
const views = ['binance', 'kraken', 'bitfinex'].map((id) => buildExchangeView({ exchange: getExchange(id)!, reserves: undefined, now }));

function draw(locale = 'en') {
  const dom = popupPage(wordsIn(locale));
  dom.draw({ loadAll: () => Promise.resolve(views) });
  const search = (text: string) => {
    const input = dom.$('search') as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  };
  return { ...dom, search };
}

describe('Popup exchange search', () => {
  effectsOnNextTask();

  test('a search that settles is said in a polite status that was there before it: no match, or how many are shown', async () => {
    vi.useFakeTimers();
    try {
      const { $, search } = draw();
      await vi.advanceTimersByTimeAsync(0);
      const status = $('search-status');
      expect(status?.getAttribute('role')).toBe('status');
      expect(status?.textContent).toBe('');
      search('zz');
      await vi.advanceTimersByTimeAsync(300);
      // Typing again restarts the wait: nothing is said for "zz", and nothing for "zzzz" until it has held 500 ms.
      search('zzzz');
      await vi.advanceTimersByTimeAsync(499);
      expect(status?.textContent).toBe('');
      await vi.advanceTimersByTimeAsync(2);
      expect(status?.textContent).toBe('No exchange matches “zzzz”.');
      expect(status?.isConnected).toBe(true);
      search('bi');
      await vi.advanceTimersByTimeAsync(499);
      expect(status?.textContent).toBe('No exchange matches “zzzz”.');
      await vi.advanceTimersByTimeAsync(2);
      expect(status?.textContent).toBe('Exchanges shown: 2.');
      search('');
      await vi.advanceTimersByTimeAsync(501);
      expect(status?.textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  test("in the reader's language", async () => {
    const { $, search } = draw('de');
    await settle();
    search('kra');
    await vi.waitFor(() => expect($('search-status')?.textContent).toBe('Angezeigte Börsen: 1.'));
  });
});
