import { browser, type Browser } from 'wxt/browser';
import { storage } from '#imports';
import { exchanges, getExchange } from '@/lib/exchanges/registry';
import { parseRequest, type Request } from '@/lib/messages';
import { badgeFor } from '@/lib/view/badge';
import { buildExchangeView, type TabState } from '@/lib/view/exchange-view';
import { tabStateForUrl } from '@/lib/view/tab-state';
import { getSettings, heldSettingsReader, nudgeSeen, updateSettings } from '@/utils/settings';
import { memoizedRead } from '@/utils/memo-item';
import { heldHoldingsReader } from '@/utils/holdings';
import { PILL_WORDS } from '@/components/pill-words';
import { pageStateFor } from '@/lib/view/page-state';
import { forgetAllTabStates, forgetTabState, writeTabState } from '@/utils/tab-states';
import { checkSubscriptions, clearSubscriptions, subscribe, subscriptionViews, unsubscribe, warningLookup } from './warnings';
import { heldSnapshot, onBrowserStart, refreshDue, REFRESH_ALARM, resetData, scheduleRefresh, sourceViews } from './data';
import { historySettled, loadBalanceNudge, readBalances, recordHistory, refreshPrices, REMINDER_ALARM, startHoldings, summaryForPopup } from './holdings';

/**
 * Tab URLs learned from our own content script (which runs on exchange pages only). The
 * background cannot read other tabs' URLs without the `tabs` permission, and does not need to.
 */
const tabUrls = storage.defineItem<Record<string, string>>('session:tabUrls', { fallback: {}, version: 1 });

/** Hosts the user chose to open despite the lookalike warning ("continue anyway"). */
const allowedLookalikes = storage.defineItem<string[]>('local:allowedLookalikes', { fallback: [], version: 1 });

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  const heldSettings = heldSettingsReader();
  const heldNudgeSeen = memoizedRead(nudgeSeen);
  const heldHoldings = heldHoldingsReader();

  async function stateForUrl(url: string | undefined): Promise<TabState> {
    const now = new Date();
    const [snapshot, warningsFor] = await Promise.all([heldSnapshot(), warningLookup(now)]);
    return tabStateForUrl({ url, snapshot, now, warningsFor });
  }

  /** Templates, not finished sentences: `$1`… stay for the page to fill in, as the browser would. */
  function pillWords(): Record<string, string> | undefined {
    try {
      return Object.fromEntries(PILL_WORDS.map((key) => [key, browser.i18n.getMessage(key as '@@ui_locale', ['$1', '$2', '$3'])]));
    } catch {
      // Without them the page's script looks the words up itself, as before.
      return undefined;
    }
  }

  /** Back to the bundled data: no fetched snapshot, no warning lists, no views built from them. */
  async function forgetHeldData(): Promise<void> {
    await resetData();
    await clearSubscriptions();
    await forgetAllTabStates();
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

  async function answer(request: Request, sender: Browser.runtime.MessageSender): Promise<unknown> {
    switch (request.type) {
      case 'page-state': {
        // The URL comes from the browser, not from the page, so a page cannot claim to be another site.
        const url = sender.url ?? sender.tab?.url;
        const tabId = sender.tab?.id;
        // Settings are read here, beside the state, so the page's script makes one round trip.
        const [state, settings, seen, nudgeFor] = await Promise.all([stateForUrl(url), heldSettings(), heldNudgeSeen(), loadBalanceNudge(heldHoldings)]);
        // The page is waiting to draw its pill; the badge and the bookkeeping can follow.
        if (tabId !== undefined) void rememberUrl(tabId, url).then(() => Promise.all([showBadge(tabId, state), writeTabState(tabId, state)]));
        const balanceNudge = state.kind === 'exchange' ? await nudgeFor(state.view.id, state.view.verdict.level) : undefined;
        const withBalance = balanceNudge === undefined || state.kind !== 'exchange' ? state : { ...state, balanceNudge };
        return pageStateFor({ state: withBalance, settings, seen, words: state.kind === 'exchange' && settings.language === 'auto' ? pillWords() : undefined });
      }
      case 'tab-state': {
        const state = await stateForUrl((await tabUrls.getValue())[request.tabId]);
        void writeTabState(request.tabId, state);
        return state;
      }
      case 'all-exchanges': {
        const now = new Date();
        const [snapshot, warningsFor] = await Promise.all([heldSnapshot(), warningLookup(now)]);
        return exchanges.map((exchange) => buildExchangeView({ exchange, reserves: snapshot.exchanges[exchange.id], now, warnings: warningsFor(exchange.id) }));
      }
      case 'open-guide':
        // Only registry ids reach the URL; the page itself validates the query again.
        if (getExchange(request.exchangeId) === undefined) return undefined;
        await browser.tabs.create({ url: browser.runtime.getURL(`/guide.html?exchange=${request.exchangeId}` as '/popup.html') });
        return undefined;
      case 'check-url':
        return stateForUrl(request.url);
      case 'allow-host': {
        const allowed = await allowedLookalikes.getValue();
        if (!allowed.includes(request.host)) await allowedLookalikes.setValue([...allowed, request.host].slice(-500));
        return undefined;
      }
      case 'sources-state':
        return sourceViews();
      case 'refresh-now':
        await Promise.all([refreshDue({ force: true }), checkSubscriptions({ force: true })]);
        await forgetAllTabStates();
        return sourceViews();
      case 'subscriptions-state':
        return subscriptionViews();
      case 'subscribe': {
        const result = await subscribe(request.url, request.signer);
        await forgetAllTabStates();
        return result;
      }
      case 'unsubscribe':
        await unsubscribe(request.url);
        await forgetAllTabStates();
        return subscriptionViews();
      case 'reset-data':
        await forgetHeldData();
        await allowedLookalikes.removeValue();
        return sourceViews();
      case 'holdings-summary':
        return summaryForPopup();
      case 'holdings-refresh': {
        const balances = request.balances ? await readBalances() : undefined;
        const prices = await refreshPrices();
        await recordHistory();
        return { balances, prices: prices.status };
      }
      case 'delete-all-data':
        // Everything this extension keeps on the device: holdings, prices, history, settings, address book, data.
        await historySettled();
        await browser.storage.local.clear();
        await forgetHeldData();
        await browser.alarms.clear(REMINDER_ALARM);
        return sourceViews();
      case 'nudge-shown':
        if (getExchange(request.exchangeId) === undefined) return undefined;
        await nudgeSeen.setValue({ ...(await nudgeSeen.getValue()), [request.exchangeId]: Date.now() });
        return undefined;
      case 'nudge-corner':
        await updateSettings({ corner: request.corner });
        return undefined;
      case 'nudge-snooze': {
        if (getExchange(request.exchangeId) === undefined) return undefined;
        const { snoozes } = await getSettings();
        await updateSettings({ snoozes: { ...snoozes, [request.exchangeId]: request.snooze } });
        return undefined;
      }
    }
  }

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (request === undefined) return undefined;
    return answer(request, sender);
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'loading' && changeInfo.url === undefined) return;
    // Without a host permission for the new page, tab.url is hidden: the tab has left the
    // exchanges we cover, so its stale state goes. The content script reports it again on
    // exchange pages.
    void rememberUrl(tabId, tab.url).then(async () => {
      const state = await stateForUrl(tab.url);
      await Promise.all([showBadge(tabId, state), writeTabState(tabId, state)]);
      if (state.kind === 'lookalike' && tab.url !== undefined) await guardLookalike(tabId, state.host, tab.url);
    });
  });

  /**
   * With lookalike protection on, the browser shows us every tab's address (the optional
   * permission); a lookalike is swapped for our warning page before the user types anything.
   * The check runs here, on the device; no address leaves it.
   */
  async function guardLookalike(tabId: number, host: string, url: string): Promise<void> {
    const [settings, allowed] = await Promise.all([getSettings(), allowedLookalikes.getValue()]);
    if (!settings.lookalikeProtection || allowed.includes(host)) return;
    await browser.tabs.update(tabId, { url: browser.runtime.getURL(`/warning.html?url=${encodeURIComponent(url)}` as '/popup.html') });
  }

  browser.tabs.onRemoved.addListener((tabId) => {
    void rememberUrl(tabId, undefined);
    void forgetTabState(tabId);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    // Views built from the old data are dropped; the popup then asks the background afresh.
    if (alarm.name === REFRESH_ALARM) void Promise.all([refreshDue(), checkSubscriptions()]).then(forgetAllTabStates);
  });
  browser.runtime.onStartup.addListener(() => {
    void onBrowserStart()
      .then(() => refreshDue())
      .then(forgetAllTabStates);
  });
  void scheduleRefresh();
  startHoldings();
});
