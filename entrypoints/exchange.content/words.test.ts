import { afterEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { pageWordsLoader } from './words';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('pageWordsLoader', () => {
  test('a load that got no answer is asked once more after a short wait, so the card is not left in the browser’s words beside the pill’s', async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const [pageWords] = pageWordsLoader();
    const words = pageWords('sv');
    await vi.runAllTimersAsync();
    const came = await words;
    expect([came.locale, came.t('pillLabel')]).toEqual(['sv', 'Reserver']);
    expect(sent).toHaveBeenCalledTimes(2);
  });

  test('a load whose second ask got no answer either ends with the browser’s words, is not kept, and the next question asks again: no more tries', async () => {
    vi.useFakeTimers();
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('en');
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const [pageWords] = pageWordsLoader();
    const failed = pageWords('sv');
    await vi.runAllTimersAsync();
    expect((await failed).locale).toBe('en');
    expect(sent).toHaveBeenCalledTimes(2);
    await vi.runAllTimersAsync();
    expect(sent).toHaveBeenCalledTimes(2);
    const again = await pageWords('sv');
    expect(sent).toHaveBeenCalledTimes(3);
    expect([again.locale, again.t('pillLabel')]).toEqual(['sv', 'Reserver']);
  });

  test('words that came are kept: the same language is asked once', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ locale: 'sv', messages: {} } as never);
    const [pageWords] = pageWordsLoader();
    await pageWords('sv');
    await pageWords('sv');
    expect(sent).toHaveBeenCalledTimes(1);
  });

  test('the loader for a page that keeps its words answers a load that got no answer twice with none, and asks again the next time', async () => {
    vi.useFakeTimers();
    const sent = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue({ locale: 'sv', messages: { pillLabel: { message: 'Reserver' } } } as never);
    const [, loadWords] = pageWordsLoader();
    const failed = loadWords('sv');
    await vi.runAllTimersAsync();
    expect(await failed).toBeUndefined();
    expect((await loadWords('sv'))?.t('pillLabel')).toBe('Reserver');
    expect(sent).toHaveBeenCalledTimes(3);
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
