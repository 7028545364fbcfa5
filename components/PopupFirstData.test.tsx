import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { SourceRow } from './Options';
import { firstDataPending } from '../lib/view/first-data';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, settle } from './test-dom';

/**
 * On day one only the data that came with the extension is in use and most exchanges show Unknown: the
 * popup says why, above the list, without blaming the exchanges, and opens the options' data sources.
 */

const words = wordsIn('en');
const { t } = words;

const row = (id: string, lastSuccess?: string): SourceRow => ({ id, group: id, url: `https://example.org/${id}`, status: 'never', ...(lastSuccess === undefined ? {} : { lastSuccess }) });

describe('firstDataPending', () => {
  test('true while no source has ever succeeded', () => {
    expect(firstDataPending([row('feed'), row('cexs')])).toBe(true);
  });
  test('false once any source has succeeded', () => {
    expect(firstDataPending([row('feed'), row('cexs', '2026-12-07T10:00:00.000Z')])).toBe(false);
  });
  test('still true when only the own-token prices have come: they move no exchange out of Unknown', () => {
    expect(firstDataPending([row('feed'), row('cexs'), row('own-token-prices', '2026-12-07T10:00:00.000Z')])).toBe(true);
  });
  test('false when there is no source at all to wait for', () => {
    expect(firstDataPending([])).toBe(false);
  });
});

describe('the popup before the first data update', () => {
  effectsOnNextTask();

  test('says why most exchanges show Unknown, and its link opens the data sources', async () => {
    const onOpenSources = vi.fn();
    const dom = popupPage(words);
    dom.draw({ loadFirstDataPending: () => Promise.resolve(true), onOpenSources });
    await vi.waitFor(() => expect(dom.$('popup-first-data')?.querySelector('p')?.textContent).toBe(t('firstDataPending')));
    const open = dom.$('popup-first-data-open');
    expect(open?.tagName).toBe('BUTTON');
    expect(open?.textContent).toBe(t('firstDataPendingOpen'));
    // Above the list, so it is read before the Unknowns it explains.
    const list = dom.$('exchange-list');
    expect(list).not.toBeNull();
    expect(dom.$('popup-first-data')?.compareDocumentPosition(list as Node)).toBe(4);
    open?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    expect(onOpenSources).toHaveBeenCalledOnce();
    render(null, dom.root);
  });

  test('says nothing once a source has succeeded, or when asking fails', async () => {
    for (const load of [() => Promise.resolve(false), () => Promise.reject(new Error('no answer'))]) {
      const asked = vi.fn(load);
      const dom = popupPage(words);
      dom.draw({ loadFirstDataPending: asked, onOpenSources: () => undefined });
      await vi.waitFor(() => expect(asked).toHaveBeenCalled());
      await settle();
      expect(dom.$('popup-first-data')).toBeNull();
      render(null, dom.root);
    }
  });

  test('is translated in every language and names no time', () => {
    for (const folder of ['en', 'de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const text = wordsIn(folder).t('firstDataPending');
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/\d/);
      if (folder !== 'en') expect(text).not.toBe(t('firstDataPending'));
    }
  });
});
