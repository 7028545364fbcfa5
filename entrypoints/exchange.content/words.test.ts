import { afterEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { pageWordsLoader } from './words';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pageWordsLoader', () => {
  test('a load that got no answer is asked again the next time, not kept for the page', async () => {
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const [pageWords] = pageWordsLoader();
    expect((await pageWords('sv')).locale).toBe('en');
    const again = await pageWords('sv');
    expect(sent).toHaveBeenCalledTimes(2);
    expect([again.locale, again.t('pillLabel')]).toEqual(['sv', 'Reserver']);
  });

  test('words that came are kept: the same language is asked once', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ locale: 'sv', messages: {} } as never);
    const [pageWords] = pageWordsLoader();
    await pageWords('sv');
    await pageWords('sv');
    expect(sent).toHaveBeenCalledTimes(1);
  });

  test('the loader for a page that keeps its words answers a load that got no answer with none, and asks again the next time', async () => {
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const [, loadWords] = pageWordsLoader();
    expect(await loadWords('sv')).toBeUndefined();
    expect((await loadWords('sv'))?.t('pillLabel')).toBe('Reserver');
    expect(sent).toHaveBeenCalledTimes(2);
  });

  test('an answer that is no words is no words: not kept, asked again', async () => {
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValueOnce(undefined as never)
      .mockResolvedValue({ locale: 'de', messages: {} } as never);
    const [pageWords, loadWords] = pageWordsLoader();
    expect(await loadWords('de')).toBeUndefined();
    expect((await pageWords('de')).locale).toBe('de');
    expect(sent).toHaveBeenCalledTimes(2);
  });
});
