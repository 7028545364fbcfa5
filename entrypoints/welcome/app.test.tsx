import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import { getSettings, updateSettings } from '@/utils/settings';
import { startWelcomePage } from './app';

// The welcome page as `startWelcomePage` draws it, into linkedom against WXT's in-memory browser; a chosen language's
// file is read from public/_locales, as the extension's own files.
effectsOnNextTask();

const word = (locale: string, key: string) => localeMessages(locale)[key]?.message;

function open() {
  const dom = page();
  // linkedom's inputs have no `checked` property: Preact draws the attribute, which says what the picker is told to show.
  const pickerShows = () => [...dom.root.querySelectorAll('[data-testid="welcome-language"] input[checked]')].map((radio) => radio.getAttribute('value')).join();
  const pick = (language: string) => dom.$(`welcome-language-${language}`)?.dispatchEvent(new dom.window.Event('change', { bubbles: true }));
  return { ...dom, pickerShows, pick };
}

describe('the welcome page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch();
  });

  test('follows a change of language made elsewhere while it is open: its words, its lang, its title and its picker', async () => {
    const { document, root, pickerShows } = open();
    await startWelcomePage(root);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(word('en', 'welcomeTitle'));
    expect(pickerShows()).toBe('auto');

    // As the options page writes it.
    await updateSettings({ language: 'sv' });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(word('sv', 'welcomeTitle')));
    expect(word('sv', 'welcomeTitle')).not.toBe(word('en', 'welcomeTitle'));
    expect(document.documentElement.lang).toBe('sv');
    expect(document.title).toBe(word('sv', 'welcomeTitle'));
    expect(pickerShows()).toBe('sv');

    // And back to the browser's language: the picker says so again.
    await updateSettings({ language: 'auto' });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(word('en', 'welcomeTitle')));
    expect(pickerShows()).toBe('auto');
    render(null, root);
  });

  test('its own quick picks end in the last one, on screen and stored, whatever order storage reports them in', async () => {
    const { root, pickerShows, pick } = open();
    await startWelcomePage(root);
    await settle();
    pick('de');
    pick('fr');
    pick('sv');
    await settle();
    await vi.waitFor(async () => expect((await getSettings()).language).toBe('sv'));
    await settle();
    expect(pickerShows()).toBe('sv');
    expect(root.querySelector('h1')?.textContent).toBe(word('sv', 'welcomeTitle'));
    render(null, root);
  });

  test('a change made elsewhere after its own pick is followed', async () => {
    const { root, pickerShows, pick } = open();
    await startWelcomePage(root);
    await settle();
    pick('de');
    await vi.waitFor(async () => expect((await getSettings()).language).toBe('de'));
    await settle();
    await updateSettings({ language: 'fr' });
    await vi.waitFor(() => expect(pickerShows()).toBe('fr'));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(word('fr', 'welcomeTitle')));
    render(null, root);
  });

  test('a change of language stored while the page is still loading is not lost', async () => {
    // The browser's answer about the page's access is held until the test gives it; the settings are read by then.
    let answer: () => void = () => undefined;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(
      () =>
        new Promise((resolve) => {
          const before = answer;
          answer = () => {
            before();
            resolve(false);
          };
        }),
    );
    const { root, pickerShows } = open();
    const started = startWelcomePage(root);
    await settle();
    await updateSettings({ language: 'sv' });
    await settle();
    answer();
    await started;
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(word('sv', 'welcomeTitle')));
    expect(pickerShows()).toBe('sv');
    render(null, root);
  });
});
