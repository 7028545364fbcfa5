import { browser, type Browser } from 'wxt/browser';
import { storage } from '#imports';
import { parseRequest } from '@/lib/messages';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { badgeFor } from '@/lib/view/badge';
import { tabStateForUrl } from '@/lib/view/tab-state';
import type { TabState } from '@/lib/view/exchange-view';

/**
 * Tab URLs learned from our own content script (which runs on exchange pages only). The
 * background cannot read other tabs' URLs without the `tabs` permission, and does not need to.
 */
const tabUrls = storage.defineItem<Record<string, string>>('session:tabUrls', { fallback: {}, version: 1 });

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;

  async function stateForTab(tabId: number, knownUrl?: string): Promise<TabState> {
    const url = knownUrl ?? (await tabUrls.getValue())[tabId];
    return tabStateForUrl({ url, snapshot: bundledSnapshot() });
  }

  async function showBadge(tabId: number, state: TabState): Promise<void> {
    const badge = badgeFor(state);
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.text !== '') await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  }

  async function rememberUrl(tabId: number, url: string | undefined): Promise<void> {
    const urls = await tabUrls.getValue();
    if (url === undefined) delete urls[tabId];
    else urls[tabId] = url;
    await tabUrls.setValue(urls);
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (request === undefined) return undefined;
    if (request.type === 'page-state') {
      const tabId = sender.tab?.id;
      // The URL comes from the browser, not from the page, so a page cannot claim to be another site.
      const url = sender.url ?? sender.tab?.url;
      if (tabId === undefined) return Promise.resolve(tabStateForUrl({ url, snapshot: bundledSnapshot() }));
      return (async () => {
        await rememberUrl(tabId, url);
        const state = await stateForTab(tabId, url);
        await showBadge(tabId, state);
        return state;
      })();
    }
    return stateForTab(request.tabId);
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'loading' && changeInfo.url === undefined) return;
    // Without a host permission for the new page, tab.url is hidden: the tab has left the
    // exchanges we cover, so its stale state goes.
    void rememberUrl(tabId, tab.url).then(async () => showBadge(tabId, await stateForTab(tabId, tab.url)));
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void rememberUrl(tabId, undefined);
  });
});
