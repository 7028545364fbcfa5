import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { badgeFor } from '@/lib/view/badge';
import type { TabState } from '@/lib/view/exchange-view';
import { tabStateForUrl } from '@/lib/view/tab-state';
import { heldSettingsReader, nudgeSeen } from '@/utils/settings';
import { memoizedRead } from '@/utils/memo-item';
import { heldHoldingsReader } from '@/utils/holdings';
import { forgetAllTabStates } from '@/utils/tab-states';
import { clearSubscriptions, warningLookup } from './warnings';
import { heldSnapshot, resetData } from './data';

/**
 * Tab URLs learned from our own content script (which runs on exchange pages only). The
 * background sees another tab's URL only for the tab a click on the toolbar button grants
 * (activeTab) or with lookalike protection's optional permission; it has no `tabs` permission.
 */
const tabUrls = storage.defineItem<Record<string, string>>('session:tabUrls', { fallback: {}, version: 1 });

/** Hosts the user chose to open despite the lookalike warning ("continue anyway"). */
export const allowedLookalikes = storage.defineItem<string[]>('local:allowedLookalikes', { fallback: [], version: 1 });

/** What the message handlers and the background's listeners share; made once, inside `defineBackground`. */
export interface BackgroundContext {
  heldSettings: ReturnType<typeof heldSettingsReader>;
  heldNudgeSeen: () => Promise<Record<string, number>>;
  heldHoldings: ReturnType<typeof heldHoldingsReader>;
  stateForUrl(url: string | undefined): Promise<TabState>;
  tabUrl(tabId: number): Promise<string | undefined>;
  rememberUrl(tabId: number, url: string | undefined): Promise<void>;
  showBadge(tabId: number, state: TabState): Promise<void>;
  /** Back to the bundled data: no fetched snapshot, no warning lists, no views built from them. */
  forgetHeldData(): Promise<void>;
}

export function createBackgroundContext(): BackgroundContext {
  const action = browser.action ?? browser.browserAction;
  return {
    heldSettings: heldSettingsReader(),
    heldNudgeSeen: memoizedRead(nudgeSeen),
    heldHoldings: heldHoldingsReader(),
    async stateForUrl(url) {
      const now = new Date();
      const [snapshot, warningsFor] = await Promise.all([heldSnapshot(), warningLookup(now)]);
      return tabStateForUrl({ url, snapshot, now, warningsFor });
    },
    async tabUrl(tabId) {
      const urls = await tabUrls.getValue();
      return Object.hasOwn(urls, tabId) ? urls[tabId] : undefined;
    },
    async rememberUrl(tabId, url) {
      // A copy: while nothing is stored, the item hands out its shared fallback object.
      const urls = { ...(await tabUrls.getValue()) };
      if (url === undefined) delete urls[tabId];
      else urls[tabId] = url;
      await tabUrls.setValue(urls);
    },
    async showBadge(tabId, state) {
      const badge = badgeFor(state);
      await action.setBadgeText({ tabId, text: badge.text });
      if (badge.text !== '') await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    },
    async forgetHeldData() {
      await resetData();
      await clearSubscriptions();
      await forgetAllTabStates();
    },
  };
}
