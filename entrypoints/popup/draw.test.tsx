import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import { defaultSettings } from '@/lib/settings';
import { translateFrom } from '@/utils/i18n';
import { localeMessages, stubLocaleFetch } from '@/utils/locale-files.testkit';
import { updateSettings } from '@/utils/settings';
import { popupDrawer } from './draw';

// The popup's frames as main.tsx draws them, into linkedom against WXT's in-memory browser; a chosen language's file is
// read from public/_locales, as the extension's own files.
effectsOnNextTask();

const words = (locale: string) => translateFrom(localeMessages(locale));
const noActions = { onWithdraw: () => undefined, onOpenOptions: () => undefined, onOpenVerify: () => undefined, onCopyText: async () => undefined, onCopyImage: async () => undefined };
const failedFrame = { tab: undefined, failed: true, loadAll: () => Promise.resolve([]) };

describe('the popup opened in a tab (popup.html?tab=…), which stays open while the user is elsewhere', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    stubLocaleFetch();
  });

  test('follows a change of language made in the options while it is open, and the next frame keeps the new words', async () => {
    const { document, root } = page();
    const draw = popupDrawer(root, { settings: defaultSettings, i18n: { t: words('en'), locale: 'en' }, actions: noActions });
    draw(failedFrame);
    await settle();
    expect(root.querySelector('h1')?.textContent).toBe(words('en')('popupCheckFailedTitle'));
    expect(document.documentElement.lang).toBe('en');

    // As the options page writes it, in another tab.
    await updateSettings({ language: 'sv' });
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(words('sv')('popupCheckFailedTitle')));
    expect(words('sv')('popupCheckFailedTitle')).not.toBe(words('en')('popupCheckFailedTitle'));
    expect(root.querySelector('[data-testid="popup-retry"]')).toBeNull();
    expect(document.documentElement.lang).toBe('sv');

    // The background's next answer is drawn in the words now shown, not the ones the popup opened with.
    draw({ ...failedFrame, failed: false });
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe(words('sv')('loading'));
    render(null, root);
  });
});
