import { browser, type Browser } from 'wxt/browser';
import { exchanges } from '@/lib/exchanges/registry';
import { buildExchangeView } from '@/lib/view/exchange-view';
import { isExchangeOwnUrl } from '@/lib/view/tab-state';
import { forgetAllTabStates, writeTabState } from '@/utils/tab-states';
import type { ExtensionHandlers } from '@/utils/messaging';
import type { BackgroundContext } from './context';
import { allowLookalike, disallowLookalike, forgetAllowedLookalikes } from '@/utils/allowed-lookalikes';
import { openGuide } from './guide';
import { refreshExchangeTabs } from './open-tabs';
import { checkSubscriptions, subscribe, subscriptionViews, unsubscribe, warningLookup } from './warnings';
import { addImportedLists } from './import-lists';
import { WARNING_LISTS_KEY } from '@/utils/warning-lists-watch';
import { heldSnapshot, sourceViews } from './data';
import { refreshNow } from './refresh-now';
import { inTurns } from '@/utils/in-turn';
import { recheckRunNotifications, runAlertLookup, runAlertViews, runSnoozeViews, snoozeRunAlert, unsnoozeRunAlert, updateRunAlerts } from './run-alerts';
import { readBalances, recordHistory, refreshPrices, REMINDER_ALARM, summaryForPopup } from './holdings';
import { clearEverything, deletedSince, deleteMark } from './delete-everything';

/** Every stored value changed by read-merge-write, each in its turn named by its key (utils/in-turn.ts); shared-keys.test.ts finds each turn in the sources and checks this list against them. */
export const SHARED_LOCAL_KEYS = [
  'local:settings',
  'local:nudgeSeen',
  'local:holdings',
  'local:addressBook',
  'local:guides',
  'local:allowedLookalikes',
  WARNING_LISTS_KEY,
  'local:runAlerts',
  'local:listsAccessShown',
  'local:sources',
  'local:priceTable',
  'local:priceStatus',
  'local:addressReadings',
];

/**
 * The same for session storage (shared-keys.test.ts checks it too): "Delete everything" clears it in these turns as well, so a
 * tab's address or badge meaning merged in before the clear is not written back after it.
 */
export const SHARED_SESSION_KEYS = ['session:badgeMeanings', 'session:tabUrls', 'session:toldViews'];

/** What only our own pages may ask: other tabs' state, fetches to URLs the user gives, holdings, deleting data. */
export function createExtensionHandlers(context: BackgroundContext): ExtensionHandlers<Browser.runtime.MessageSender> {
  /**
   * The warning lists changed (a subscription added or removed): a `danger` entry starts or ends a
   * run alert now, not at the next hourly refresh, and open exchange tabs show the change without
   * a reload, as after the scheduled refresh.
   */
  async function listsChanged(): Promise<void> {
    try {
      await updateRunAlerts(new Date(), { tellTabs: false });
      await forgetAllTabStates();
      await refreshExchangeTabs(context);
    } catch (error) {
      // The (un)subscribe is done and answered as done; the next scheduled refresh catches the tabs up.
      console.warn('[reserve-radar] warning lists changed, but the run alerts or open tabs were not updated:', error);
    }
  }
  return {
    async 'tab-state'(request) {
      // Taken before anything is read: a state computed before a "Delete everything" since is not kept after it.
      const asked = deleteMark();
      // The tab's own address when the browser shows it to us: after a click on the toolbar
      // button (activeTab) or with lookalike protection's broad permission. Else the address our
      // content script reported, which covers exchange sites only; forgotten by "Delete everything",
      // it is asked of our script in the tab again. Checked here, on the device.
      const shown = await browser.tabs.get(request.tabId).then(
        (tab) => tab?.url,
        () => undefined,
      );
      const url = shown ?? (await context.tabUrl(request.tabId)) ?? (await context.askTabUrl(request.tabId));
      const state = await context.stateForUrl(url);
      // The check and the write in one step (delete-everything.ts).
      if (!deletedSince(asked)) void writeTabState(request.tabId, state);
      if (shown !== undefined) void context.showBadge(request.tabId, state, asked);
      // Kept as a report from the tab's script would keep it (its state, just kept, names the exchange already): the open
      // tab gets the pushes of `refreshExchangeTabs` again after "Delete everything". Any other shown address is not kept.
      if (shown !== undefined && isExchangeOwnUrl(shown))
        void context.rememberUrl(request.tabId, shown, undefined, asked).catch((error: unknown) => console.warn('[reserve-radar] tab address not kept:', error));
      return state;
    },
    async 'all-exchanges'() {
      const now = new Date();
      const [snapshot, warningsFor, runAlertFor] = await Promise.all([heldSnapshot(), warningLookup(now), runAlertLookup(now)]);
      return exchanges.map((exchange) => buildExchangeView({ exchange, reserves: snapshot.exchanges[exchange.id], now, warnings: warningsFor(exchange.id), runAlert: runAlertFor(exchange.id) }));
    },
    'open-guide': openGuide,
    'check-url': (request) => context.stateForUrl(request.url),
    async 'allow-host'(request) {
      await allowLookalike(request.host);
      return undefined;
    },
    async 'disallow-host'(request) {
      await disallowLookalike(request.host);
      return undefined;
    },
    'sources-state': () => sourceViews(),
    async 'refresh-now'() {
      const views = await refreshNow();
      // Open exchange tabs show what came without a reload, as after the scheduled refresh (a first answer takes the
      // "data that came with Reserve Radar" line off their card). Not waited for: a frozen tab must not hold up the answer.
      void refreshExchangeTabs(context).catch((error: unknown) => console.warn('[reserve-radar] open exchange pages not told of the refresh:', error));
      return views;
    },
    async 'reset-data'() {
      await context.forgetHeldData();
      await forgetAllowedLookalikes();
      await recheckRunNotifications();
      return sourceViews();
    },
    'subscriptions-state': () => subscriptionViews(),
    async subscribe(request) {
      const result = await subscribe(request.url, request.signer, request.replaces);
      if (result.ok) await listsChanged();
      return result;
    },
    async unsubscribe(request) {
      await unsubscribe(request.url);
      await listsChanged();
      return subscriptionViews();
    },
    async 'import-lists'(request) {
      const answer = await addImportedLists(request.lists.map(({ url, signer }) => ({ url, expectedSigner: signer })));
      if (!answer.ok || answer.added === 0) return answer;
      // Added and answered as added: a list whose host is readable already is checked now, the others wait for their access.
      await checkSubscriptions({ force: true }).catch((error: unknown) => console.warn('[reserve-radar] imported warning lists not checked yet:', error));
      await listsChanged();
      return answer;
    },
    'holdings-summary': () => summaryForPopup(),
    async 'holdings-refresh'(request) {
      const balances = request.balances ? await readBalances() : undefined;
      const prices = await refreshPrices();
      await recordHistory();
      return { balances, prices: prices.status };
    },
    'run-alerts': () => runAlertViews(),
    async 'run-snooze'(request) {
      await snoozeRunAlert(request.exchangeId);
      await forgetAllTabStates();
      return runAlertViews();
    },
    'run-snoozes': () => runSnoozeViews(),
    async 'run-unsnooze'(request) {
      await unsnoozeRunAlert(request.exchangeId, new Date(), request.shown === true);
      await forgetAllTabStates();
      return runAlertViews();
    },
    async 'delete-all-data'() {
      // Everything this extension keeps on the device: holdings, prices, history, settings, address book, data; and, for the
      // session, the open exchange tabs' addresses, states and badge meanings.
      // In the turn of every value changed by read-merge-write: a change that read one before the clear cannot write it back after.
      // Counted (./delete-everything.ts): prices, balances, a reminder or a tab's state read before it and awaited meanwhile are not written after it either.
      await inTurns(SHARED_LOCAL_KEYS, () => inTurns(SHARED_SESSION_KEYS, clearEverything));
      await context.forgetHeldData();
      await browser.alarms.clear(REMINDER_ALARM);
      // The global badge and its tooltip named exchanges the user kept money on: worked out again, from nothing held. Everything
      // is deleted by now, so a failure here is logged, not answered as a failed delete.
      await recheckRunNotifications().catch((error: unknown) => console.warn('[reserve-radar] global badge not worked out again after the delete:', error));
      return sourceViews();
    },
  };
}
