import { afterEach, describe, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { send } from './page-requests';

/** The browser's sendMessage answering with any value, as it does for whatever the background sends back. */
const answer = (value: unknown) => vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(() => Promise.resolve(value as never));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('send, from the exchange-page script', () => {
  test('gives the answer the background sent', async () => {
    answer({ locale: 'de', messages: {} });
    expect(await send({ type: 'page-words', language: 'de' })).toEqual({ locale: 'de', messages: {} });
  });

  // What the background's polyfill sends for a handler that failed, as the browser's own API object hands it over.
  test("reads the polyfill's wrapper of a failed handler as no answer, not as the answer", async () => {
    answer({ __mozWebExtensionPolyfillReject__: true, message: 'no such exchange' });
    expect(await send({ type: 'page-words', language: 'de' })).toBeUndefined();
  });

  test('stays silent when the background cannot be reached', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await send({ type: 'page-words', language: 'de' })).toBeUndefined();
  });
});
