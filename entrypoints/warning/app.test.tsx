import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import type { TabState } from '@/lib/view/exchange-view';
import { translateFrom } from '@/utils/i18n';
import { updateSettings } from '@/utils/settings';
import { startWarningPage } from './app';

// The warning page as `startWarningPage` draws it, into linkedom against WXT's in-memory browser, with the background's
// `check-url` answered by the test; a chosen language's file is read from public/_locales, as the extension's own files.
effectsOnNextTask();

const lookalike: TabState = {
  kind: 'lookalike',
  host: 'kraken-login.com',
  explanation: { code: 'dashed', host: 'kraken-login.com', brand: 'kraken.com' },
  imitates: { id: 'kraken', name: 'Kraken', domain: 'kraken.com', domains: ['kraken.com'] },
};
const words = (locale: string) => translateFrom(localeMessages(locale));

/** The background's answer to `check-url`. */
function answerCheck(state: TabState) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    if ((message as { type: string }).type !== 'check-url') return undefined;
    sendResponse(state);
    return true;
  });
}

describe('the warning page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch();
  });

  test('a lookalike warning follows a change of language made while it is open: its words, its lang and its title', async () => {
    answerCheck(lookalike);
    const { document, root, $ } = page();
    await startWarningPage(root, 'https://kraken-login.com/');
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(words('en')('lookalikeTitle', 'Kraken'));

    // As the options page writes it, in another tab.
    await updateSettings({ language: 'sv' });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(words('sv')('lookalikeTitle', 'Kraken')));
    expect(words('sv')('lookalikeTitle', 'Kraken')).not.toBe(words('en')('lookalikeTitle', 'Kraken'));
    expect($('continue-anyway')?.textContent).toBe(words('sv')('lookalikeContinue', 'kraken-login.com'));
    expect(document.documentElement.lang).toBe('sv');
    expect(document.title).toBe(words('sv')('warningPageTitle'));
    render(null, root);
  });

  test('a safe way out before "continue anyway": "Close this tab" closes the page\'s own tab, and nothing is allowed or opened', async () => {
    answerCheck(lookalike);
    const sent: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push((message as { type: string }).type);
      return undefined;
    });
    // The fake browser's tabs.getCurrent answers for no tab; a page in tab 7 here.
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation((() =>
      Promise.resolve({ id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false })) as typeof fakeBrowser.tabs.getCurrent);
    const removed = vi.spyOn(fakeBrowser.tabs, 'remove').mockResolvedValue(undefined);
    const { root, $ } = page();
    await startWarningPage(root, 'https://kraken-login.com/');
    await settle();
    const close = $('close-tab');
    expect(close?.textContent).toBe(words('en')('lookalikeCloseTab'));
    // Keyboard order: both safe actions come before the one that goes on to the site.
    const order = [...root.querySelectorAll('a, button')].map((element) => element.getAttribute('data-testid'));
    expect(order).toEqual(['go-real', 'close-tab', 'continue-anyway']);
    close?.dispatchEvent(new (root.ownerDocument.defaultView as Window & typeof globalThis).Event('click', { bubbles: true }));
    await vi.waitFor(() => expect(removed).toHaveBeenCalledWith(7));
    expect(sent).toEqual(['check-url']);
    render(null, root);
  });

  test('the calm page for a site no longer warned about follows it too', async () => {
    answerCheck({ kind: 'not-exchange' });
    const { document, root, $ } = page();
    await startWarningPage(root, 'https://kraken-login.com/');
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(words('en')('warningNoLongerTitle'));
    expect(document.title).toBe(words('en')('warningNoLongerTitle'));

    await updateSettings({ language: 'de' });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(words('de')('warningNoLongerTitle')));
    expect($('go-on')?.textContent).toBe(words('de')('warningNoLongerGo', 'kraken-login.com'));
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe(words('de')('warningNoLongerTitle'));
    render(null, root);
  });

  test('a change of language stored while the page is still loading is not lost', async () => {
    // The background's answer is held until the test gives it.
    let answer: () => void = () => undefined;
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
      if ((message as { type: string }).type !== 'check-url') return undefined;
      answer = () => sendResponse(lookalike);
      return true;
    });
    const { document, root } = page();
    const started = startWarningPage(root, 'https://kraken-login.com/');
    await settle();
    // Read in English; the options page stores Swedish before the page is drawn.
    await updateSettings({ language: 'sv' });
    await settle();
    answer();
    await started;
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(words('sv')('lookalikeTitle', 'Kraken')));
    expect(document.documentElement.lang).toBe('sv');
    render(null, root);
  });
});
