import { browser } from 'wxt/browser';
import { getSettings } from '@/utils/settings';
import { forgetAllTabStates, forgetTabState, writeTabState } from '@/utils/tab-states';
import { checkSubscriptions, startWarnings, subscriptionViews } from './warnings';
import { onBrowserStart, refreshDue, REFRESH_ALARM, scheduleRefresh, sourcesFailedForAccess } from './data';
import { pricesFailedForAccess, refreshPrices, scheduleHoldings, scheduleReminder, startHoldings } from './holdings';
import { afterFirstAnswer } from './after-first-answer';
import { createBackgroundContext } from './context';
import { allowedLookalikes } from '@/utils/allowed-lookalikes';
import { createPageHandlers } from './page-handlers';
import { createExtensionHandlers } from './extension-handlers';
import { routeMessages } from './router';
import { keepFirstPaintCurrent, rebuildFirstPaint } from './first-paint';
import { listsAccessOnUpdate, welcomeOnInstall } from './install';
import { refreshExchangeTabs } from './open-tabs';
import { forgetTold } from './told-views';
import { recheckRunNotifications, startRunAlerts, updateRunAlerts } from './run-alerts';
import { watchHoldings } from '@/utils/holdings';
import { emptyHoldingsState, type HoldingsState } from '@/lib/holdings/model';
import { watchSettings } from '@/utils/settings';
import { dropEarlyReads, readEarly } from '@/utils/early-reads';
import { FIRST_ANSWER_READS } from './first-answer-reads';
import { readSessionWordsEarly } from './words';
import { protectionFollowsAccess } from './broad-access';
import { refreshWhenHostsReturn } from './required-hosts';
import { refreshNow } from './refresh-now';
import { moveLegacyGuides } from '@/utils/legacy-guides';
import { deletedSince, deleteMark } from './delete-everything';
import { markGuidesOnBookChange } from '@/utils/guide-marks';

/**
 * Firefox runs the background as an event page (`persistent: false`), as Chrome runs its service worker:
 * it sleeps when idle and every event wakes it, so the first visit meets the same sleeping background in
 * both browsers. Every listener is therefore added synchronously in `main`, and nothing that has to last
 * lives only in memory or in a timer (Chrome MV3 ignores the key; it has no other kind).
 */
export default defineBackground({
  persistent: false,
  main() {
    readEarly(FIRST_ANSWER_READS);
    readSessionWordsEarly();
    startWarnings();
    const context = createBackgroundContext();
    const start = afterFirstAnswer();
    start.later(dropEarlyReads);
    routeMessages({ page: createPageHandlers(context), extension: createExtensionHandlers(context), onAnswered: start.answered });
    // The pill's first paint, stored for the exchange-page script to read without waking us.
    keepFirstPaintCurrent(context);
    // Answering when done (the browser ignores the answer; tests await it).
    browser.runtime.onInstalled.addListener((details) =>
      Promise.all([rebuildFirstPaint(context), welcomeOnInstall(details).catch((error: unknown) => console.warn('[reserve-radar] welcome page not opened:', error))]),
    );
    // Its own listener, answering when done (the browser ignores the answer; tests await it).
    browser.runtime.onInstalled.addListener((details) =>
      listsAccessOnUpdate(details, async () => (await subscriptionViews()).filter((view) => view.needsAccess !== undefined).length).catch((error: unknown) =>
        console.warn('[reserve-radar] warning lists not looked at after the update:', error),
      ),
    );
    // Guides an older version kept in one map go to each exchange's own key, for the exchange pages' scripts, which read only those
    // (the guide page moves them too, before it reads). Answered when done, as above.
    browser.runtime.onInstalled.addListener((details) =>
      details.reason === 'update' ? moveLegacyGuides().catch((error: unknown) => console.warn('[reserve-radar] saved guides not moved to their own keys after the update:', error)) : undefined,
    );

    // A look-alike of a guide's address saved or removed anywhere (an import, a guide tab) marks or clears that guide, for its exchange page.
    markGuidesOnBookChange();

    browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
      if (changeInfo.status !== 'loading' && changeInfo.url === undefined) return;
      // A new page in the tab got none of what the page before it was told (and one the back-forward cache brings back
      // later still draws what it drew then): the next refresh tells the tab again. Racing the new page's own question
      // costs one notice more, never one less.
      void forgetTold(tabId).catch(() => undefined);
      // Without `tabs` (lookalike protection) or a host permission for the new page, tab.url is
      // hidden: the tab has left the exchanges we cover, so its stale state goes. The content
      // script reports it again on exchange pages.
      const since = Date.now();
      // Taken before anything is read: after a "Delete everything" since, nothing learned here is kept.
      const asked = deleteMark();
      const stillOurs = () => tab.url === undefined && context.reportedSince(tabId, since);
      // Returned for tests (the browser ignores it).
      return context
        .rememberUrl(tabId, tab.url, since, asked)
        .then(async () => {
          const state = await context.stateForUrl(tab.url).catch((error: unknown) => {
            console.warn('[reserve-radar] no state for the tab:', error);
            return undefined;
          });
          // A hidden address is only a guess that the tab left our exchanges; when our content script
          // reported the page meanwhile (Firefox hides exchange addresses too), its badge stands.
          if (stillOurs()) return;
          // No verdict for the new page (the public-suffix list could not be read): the state and
          // badge of the page before are dropped, never shown for this one.
          if (state === undefined) return Promise.all([context.showBadge(tabId, { kind: 'not-exchange' }, asked), forgetTabState(tabId)]);
          // The check and the write in one step (delete-everything.ts).
          if (!deletedSince(asked)) await Promise.all([context.showBadge(tabId, state, asked), writeTabState(tabId, state)]);
          if (state.kind === 'lookalike' && tab.url !== undefined) await guardLookalike(tabId, state.host, tab.url);
        })
        .catch((error: unknown) => console.warn('[reserve-radar] tab update not handled:', error));
    });

    /**
     * With lookalike protection on, the browser shows us every tab's address (the optional `tabs`
     * permission; moving the tab to our own page needs no more); a lookalike is swapped for our
     * warning page before the user types anything. The check runs here, on the device; no address
     * leaves it.
     */
    async function guardLookalike(tabId: number, host: string, url: string): Promise<void> {
      const [settings, allowed] = await Promise.all([getSettings(), allowedLookalikes.getValue()]);
      if (!settings.lookalikeProtection || allowed.includes(host)) return;
      await browser.tabs.update(tabId, { url: browser.runtime.getURL(`/warning.html?url=${encodeURIComponent(url)}` as '/popup.html') });
    }

    protectionFollowsAccess();
    // The prices and rates too: their hosts (coins.llama.fi, the ECB) are withheld with the others.
    refreshWhenHostsReturn({
      failedForAccess: async () => (await sourcesFailedForAccess()) || pricesFailedForAccess(),
      refresh: () => Promise.all([refreshNow(), refreshPrices()]),
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      void context.rememberUrl(tabId, undefined);
      void context.forgetTab(tabId);
      void forgetTabState(tabId);
      void forgetTold(tabId).catch(() => undefined);
    });

    browser.alarms.onAlarm.addListener((alarm) => {
      // Views built from the old data are dropped; the popup then asks the background afresh.
      // The stored first paint is built again too: time alone can age its verdicts.
      if (alarm.name !== REFRESH_ALARM) return undefined;
      // Returned for tests (the browser ignores it).
      return (
        Promise.all([refreshDue(), checkSubscriptions()])
          // The open tabs are told below, once, of the new data and any alert with it.
          .then(() => updateRunAlerts(new Date(), { tellTabs: false }))
          .then(forgetAllTabStates)
          .finally(() => rebuildFirstPaint(context))
          // Open exchange tabs show the new data without a reload.
          .then(() => refreshExchangeTabs(context))
          .catch((error: unknown) => console.warn('[reserve-radar] scheduled refresh:', error))
      );
    });
    browser.runtime.onStartup.addListener(() => {
      void onBrowserStart()
        .then(() => refreshDue())
        .then(() => updateRunAlerts())
        .then(forgetAllTabStates)
        .finally(() => rebuildFirstPaint(context));
    });
    startHoldings();
    // The alarms and the reminder are made sure of after the question that woke us is answered.
    start.later(() => Promise.all([scheduleRefresh(), scheduleHoldings(), scheduleReminder()]));
    // The run watch: notification clicks, and a second look whenever holdings or settings change
    // (someone may just have recorded money where an alert is on, or turned notifications on).
    startRunAlerts(() => refreshExchangeTabs(context));
    watchHoldings(() => void recheckRunNotifications());
    // The open exchange pages' balance line follows the user's holdings (a cap set or crossed): told only when what a tab draws changed (open-tabs.ts).
    // Not the change "Delete everything" made (a delete since the last change, leaving no holdings): that would ask every open tab
    // where it is, and learn again the addresses it forgot. Nor a change of the history alone (the point each edit records), which no
    // pill draws: each edit is pushed once.
    let holdingsMark = deleteMark();
    watchHoldings((holdings, before) => {
      const deleted = deletedSince(holdingsMark);
      holdingsMark = deleteMark();
      const drawn = (state: HoldingsState) => JSON.stringify({ ...state, history: [] });
      if ((deleted && drawn(holdings) === drawn(emptyHoldingsState)) || drawn(holdings) === drawn(before)) return;
      void refreshExchangeTabs(context).catch((error: unknown) => console.warn('[reserve-radar] open exchange pages not told of the holdings:', error));
    });
    watchSettings(() => void recheckRunNotifications());
    // A change of language words the badges' tooltips again (the badges themselves say no word), and the open exchange
    // pages: told their view changed, each asks for its state again and finds it in the new language (open-tabs.ts).
    watchSettings((settings, before) => {
      if (settings.language === before.language) return;
      void context.retitleTabs(settings.language).catch((error: unknown) => console.warn('[reserve-radar] tooltips not worded again:', error));
      void refreshExchangeTabs(context).catch((error: unknown) => console.warn('[reserve-radar] open exchange pages not worded again:', error));
    });
  },
});
