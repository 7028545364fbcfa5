import { askEarly, readStoredEarly } from './exchange.content/first-state';
import { typedSender } from '@/utils/messaging';

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

/**
 * The first script on an exchange page, ahead of the exchange-page script in the same isolated
 * world (wxt.config.ts puts it first in the manifest's list). It only asks the background for
 * the page's state, with no library, so the question leaves before the larger script is even
 * evaluated; the answer then usually arrives while the page's HTML is still being parsed, and
 * the pill goes into the page's first paint.
 */
export default defineUnlistedScript(() => {
  // Firefox has `browser`; Chromium's `chrome.runtime.sendMessage` returns a promise as well.
  const { browser, chrome } = globalThis as { browser?: Runtime; chrome?: Runtime };
  const api = browser ?? chrome;
  // Without an answer here, the exchange-page script asks itself.
  if (api === undefined) return;
  askEarly(typedSender((request) => api.runtime.sendMessage(request)));
  // The stored first paint: the pill draws from it when the worker is asleep (issue 16).
  readStoredEarly((key) => api.storage.local.get(key));
});
