import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import { startVerifyPage } from './app';

// The verify page as `startVerifyPage` draws it, into linkedom against WXT's in-memory browser; a chosen language's file is
// read from public/_locales, as the extension's own files.
effectsOnNextTask();

const messages = localeMessages;
const word = (locale: string, key: string) => messages(locale)[key]?.message;

describe('the verify page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch();
  });

  test('follows a change of language made while it is open: its words, its lang and its title', async () => {
    const { document, root } = page();
    await startVerifyPage(root);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(word('en', 'verifyTitle'));

    await fakeBrowser.storage.local.set({ settings: { language: 'sv' } });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(word('sv', 'verifyTitle')));
    expect(word('sv', 'verifyTitle')).not.toBe(word('en', 'verifyTitle'));
    expect(root.querySelector('p')?.textContent).toBe(word('sv', 'verifyIntro'));
    expect(document.documentElement.lang).toBe('sv');
    expect(document.title).toBe(word('sv', 'verifyTitle'));
    render(null, root);
  });
});
