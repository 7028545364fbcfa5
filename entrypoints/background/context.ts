import { browser } from 'wxt/browser';
import { defineLazyItem } from '@/utils/lazy-item';
import { badgeMeaning, badgeOf } from '@/lib/view/badge';
import type { Language } from '@/lib/settings';
import type { TabState } from '@/lib/view/exchange-view';
import { isExchangeOwnUrl, tabStateForUrl, tabStateReady } from '@/lib/view/tab-state';
import { heldSettingsReader, nudgeSeen } from '@/utils/settings';
import { memoizedRead } from '@/utils/memo-item';
import { updateItem } from '@/utils/in-turn';
import { heldHoldingsReader } from '@/utils/holdings';
import { forgetAllTabStates } from '@/utils/tab-states';
import { clearSubscriptions, warningLookup } from './warnings';
import { heldSnapshot, knownBadLookup, resetData } from './data';
import { bundledInUse, heldSourcesReader } from './first-data';
import { withFirstData } from '@/lib/view/first-data';
import { forgetRunStates, runAlertLookup } from './run-alerts';
import { forgetTabTitle, retitleAll, showTabTitle, startActionTitles } from './action-titles';
import { deletedSince } from './delete-everything';
import { REPORT_PAGE } from '@/lib/view/tab-push';

/**
 * The addresses of the tabs open on an exchange's own site, for the badges and the popup after the
 * service worker restarts. They come from our content script (exchange pages only) and from tab
 * events, which show every tab's address with lookalike protection's `tabs` (or the access to all
 * sites granted before) and the clicked tab's with activeTab; any other address is never stored.
 * "Delete everything" forgets them all (delete-everything.ts); a tab still open is learned again when its page next
 * loads, when the popup is opened on it with its address shown, or when its script is asked to report (`askTabUrl`,
 * and `refreshExchangeTabs` for every open tab it does not know).
 * A tab asked that way whose page holds no script of ours is kept too, under `NO_SCRIPT`, so it is not asked again until its
 * page changes (a tab event forgets it) or the session's tabs are forgotten.
 */
const tabUrls = defineLazyItem<Record<string, string>>('session:tabUrls', { fallback: {}, version: 1 });
/** The mark of a tab known to hold no script of ours: no address. */
const NO_SCRIPT = '';

/** What the message handlers and the background's listeners share; made once, inside `defineBackground`. */
export interface BackgroundContext {
  heldSettings: ReturnType<typeof heldSettingsReader>;
  heldNudgeSeen: () => Promise<Record<string, number>>;
  heldHoldings: ReturnType<typeof heldHoldingsReader>;
  stateForUrl(url: string | undefined): Promise<TabState>;
  tabUrl(tabId: number): Promise<string | undefined>;
  /**
   * The tab's address, asked of our script in it when none is kept (forgotten by "Delete everything"):
   * it reports its page, whose address the browser gives. Undefined where no script of ours answers
   * (no exchange page) or none answers within `REPORT_WAIT_MS`.
   */
  askTabUrl(tabId: number): Promise<string | undefined>;
  /** Every tab known to be open on an exchange's own site (tab id → URL), as kept for the session. */
  knownTabs(): Promise<Record<string, string>>;
  /** The tabs known to hold no script of ours (`markNoScript`), until their page changes. */
  noScriptTabs(): Promise<Set<number>>;
  /**
   * The tab was asked to report its page and none came: it is not asked again until a tab event or a report forgets the
   * mark. A tab whose address is kept meanwhile keeps it. `asked` (`deleteMark`, taken before the question): nothing is kept after a delete since.
   */
  markNoScript(tabId: number, asked: number): Promise<void>;
  /**
   * Keeps the tab's address if it is an exchange's own; any other address (or none) forgets the tab.
   * `since` (ms): a forget that loses to a content-script report made at or after it.
   * `asked` (delete-everything.ts's `deleteMark`, taken before the address was learned): nothing is kept after a delete since.
   */
  rememberUrl(tabId: number, url: string | undefined, since?: number, asked?: number): Promise<void>;
  /**
   * The tab's badge, and the button's tooltip that explains it in the user's language. `asked` (`deleteMark`, taken
   * before the state was computed): a state computed before a delete since is neither shown nor kept.
   */
  showBadge(tabId: number, state: TabState, asked?: number): Promise<void>;
  /** Words every badge's tooltip again, in `language` (a setting changed). */
  retitleTabs(language: Language): Promise<void>;
  /** A closed tab's tooltip is forgotten with it. */
  forgetTab(tabId: number): Promise<void>;
  /** Our content script asked about this tab's page now: its answer is surer than a tab event's guess. */
  markReported(tabId: number): void;
  /** Whether the content script asked about the tab at or after `since` (ms). */
  reportedSince(tabId: number, since: number): boolean;
  /** Back to the bundled data: no fetched snapshot, no warning lists, no views built from them. */
  forgetHeldData(): Promise<void>;
}

/** How long the popup waits for an open tab's script to report its page (`askTabUrl`). */
const REPORT_WAIT_MS = 1500;

export function createBackgroundContext(): BackgroundContext {
  // Read when a badge is shown, not at every wake-up: the browser builds an API namespace the
  // first time it is read (about 1 ms of the service worker's start for this one, in Chromium).
  const action = () => browser.action ?? browser.browserAction;
  const reported = new Map<number, number>();
  const heldSettings = heldSettingsReader();
  const heldSources = heldSourcesReader();
  const tabUrl = async (tabId: number) => {
    const urls = await tabUrls.getValue();
    return Object.hasOwn(urls, tabId) && urls[tabId] !== NO_SCRIPT ? urls[tabId] : undefined;
  };
  startActionTitles(async () => (await heldSettings()).language);
  return {
    markReported(tabId) {
      reported.set(tabId, Date.now());
    },
    reportedSince(tabId, since) {
      return (reported.get(tabId) ?? Number.NEGATIVE_INFINITY) >= since;
    },
    heldSettings,
    heldNudgeSeen: memoizedRead(nudgeSeen),
    heldHoldings: heldHoldingsReader(),
    async stateForUrl(url) {
      const now = new Date();
      // A host that is not an exchange's own needs the public-suffix list, read on first use; if it
      // cannot be read this rejects and no state is given (never a verdict made without it).
      const ready = tabStateReady(url);
      // The phishing lists only for a host that is no exchange's own: an exchange page's first answer never reads them.
      const lists = ready === undefined ? undefined : knownBadLookup(now);
      const [snapshot, warningsFor, runAlertFor, listingFor, , bundled] = await Promise.all([heldSnapshot(), warningLookup(now), runAlertLookup(now), lists, ready, bundledInUse(heldSources)]);
      const state = tabStateForUrl({ url, snapshot, now, warningsFor, runAlertFor, listingFor });
      // Before the first answer of any source, an exchange's card says its figures are the copy that came with the extension.
      return state.kind === 'exchange' ? { ...state, view: withFirstData(state.view, bundled) } : state;
    },
    tabUrl,
    async askTabUrl(tabId) {
      // Not waited for beyond a moment: a frozen tab must not hold up the popup. A tab without our script refuses at once.
      const reportedPage = Promise.resolve()
        .then(() => browser.tabs.sendMessage(tabId, REPORT_PAGE))
        .catch(() => undefined);
      await Promise.race([reportedPage, new Promise((resolve) => setTimeout(resolve, REPORT_WAIT_MS))]);
      return tabUrl(tabId);
    },
    async knownTabs() {
      return Object.fromEntries(Object.entries(await tabUrls.getValue()).filter(([, url]) => url !== NO_SCRIPT));
    },
    async noScriptTabs() {
      return new Set(Object.entries(await tabUrls.getValue()).flatMap(([id, url]) => (url === NO_SCRIPT ? [Number(id)] : [])));
    },
    async markNoScript(tabId, asked) {
      await updateItem(tabUrls, (stored) => (deletedSince(asked) || Object.hasOwn(stored, tabId) ? stored : { ...stored, [tabId]: NO_SCRIPT }));
    },
    async rememberUrl(tabId, shown, since, asked) {
      const url = isExchangeOwnUrl(shown) ? shown : undefined;
      // In the list's turn: tabs reported at the same moment each keep their address. "Delete everything" clears the
      // list in its turn too, so the check below and the write that follows it see the same list.
      await updateItem(tabUrls, (stored) => {
        if (asked !== undefined && deletedSince(asked)) return stored;
        if (url === undefined && since !== undefined && (reported.get(tabId) ?? Number.NEGATIVE_INFINITY) >= since) return stored;
        // A copy: while nothing is stored, the item hands out its shared fallback object.
        const urls = { ...stored };
        if (url === undefined) delete urls[tabId];
        else urls[tabId] = url;
        return urls;
      });
    },
    async showBadge(tabId, state, asked) {
      if (asked !== undefined && deletedSince(asked)) return;
      // One meaning for the badge and its tooltip: the tooltip explains exactly what the badge shows.
      const meaning = badgeMeaning(state);
      const badge = badgeOf(meaning);
      // Off exchanges the tab's own text is cleared (null, as both browsers document it; the
      // typings know only strings), so the global badge (a run alert on an exchange the user
      // keeps money on, run-alerts.ts) shows there.
      await action().setBadgeText({ tabId, text: state.kind === 'not-exchange' ? (null as unknown as string) : badge.text });
      if (badge.text !== '') await action().setBadgeBackgroundColor({ tabId, color: badge.color });
      // The tooltip follows on its own: neither the badge nor the lookalike guard after it waits for words to load.
      void showTabTitle(tabId, meaning, asked).catch((error: unknown) => console.warn('[reserve-radar] no tooltip for the badge:', error));
    },
    retitleTabs(language) {
      return retitleAll(language);
    },
    forgetTab(tabId) {
      return forgetTabTitle(tabId);
    },
    async forgetHeldData() {
      await resetData();
      // The run states derive from the data just forgotten.
      await forgetRunStates();
      await clearSubscriptions();
      await forgetAllTabStates();
    },
  };
}
