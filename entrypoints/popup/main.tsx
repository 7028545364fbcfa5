import { browser } from 'wxt/browser';
import type { ExchangeView, TabState } from '@/lib/view/exchange-view';
import { loadI18n } from '@/utils/translate';
import { runPage } from '@/utils/run-page';
import { getSettings } from '@/utils/settings';
import { readTabState } from '@/utils/tab-states';
import { send } from '@/utils/send';
import { watchRunStates } from '@/utils/run-states-watch';
import { watchSources } from '@/utils/sources-watch';
import { followAnswers } from './answers';
import { popupDrawer } from './draw';
import { firstDataPending } from '@/lib/view/first-data';
import '@/components/card.css';
import '@/components/controls.css';
import '@/components/share-panel.css';
import './style.css';

async function tabIdToShow(): Promise<number | undefined> {
  // The tab can be named in the URL (?tab=ID), so the popup also opens as a page in tests.
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

async function askBackground(tabId: number | undefined): Promise<TabState> {
  if (tabId === undefined) return { kind: 'not-exchange' };
  return send({ type: 'tab-state', tabId });
}

async function loadAll(): Promise<ExchangeView[]> {
  return send({ type: 'all-exchanges' });
}

const loadHoldings = () => send({ type: 'holdings-summary' });
const loadRunAlerts = () => send({ type: 'run-alerts' });
const snoozeRun = (exchangeId: string) => send({ type: 'run-snooze', exchangeId });
// Lifted beside the alert it draws: that episode is seen, and not notified after.
const unsnoozeRun = (exchangeId: string) => send({ type: 'run-unsnooze', exchangeId, shown: true });
const loadListsNotChecked = async () => (await send({ type: 'subscriptions-state' })).filter((subscription) => subscription.needsAccess !== undefined).length;
// Whether no data source has answered yet: only the data that came with the extension is in use.
const loadFirstDataPending = async () => firstDataPending(await send({ type: 'sources-state' }));
const openSources = () => {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sources-title' as '/options.html') }).then(() => window.close());
};
const openLists = () => {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists-title' as '/options.html') }).then(() => window.close());
};

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  // Every question goes out before anything waits: the background's answer, the copy of it the
  // background left in session storage (one storage read, usually first), and the language.
  const tabId = tabIdToShow();
  const held = tabId.then((id) => (id === undefined ? undefined : readTabState(id).catch(() => undefined)));
  const drawer = getSettings().then(async (settings) =>
    popupDrawer(root, {
      settings,
      i18n: await loadI18n(settings.language),
      actions: {
        onRetry: () => answers.retry(),
        onWithdraw: (exchangeId) => void send({ type: 'open-guide', exchangeId }),
        onOpenOptions: () => void browser.runtime.openOptionsPage(),
        onOpenVerify: () => void browser.tabs.create({ url: browser.runtime.getURL('/verify.html') }),
        onCopyText: (text) => navigator.clipboard.writeText(text),
        onCopyImage: (blob) => navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })]),
        loadHoldings,
        loadRunAlerts,
        followRunAlerts: watchRunStates,
        onSnoozeRun: snoozeRun,
        onUnsnoozeRun: unsnoozeRun,
        loadListsNotChecked,
        onOpenLists: openLists,
        loadFirstDataPending,
        onOpenSources: openSources,
        followSources: watchSources,
        // The first data update came while the popup is open: the tab's card and the list are drawn from it.
        onFirstData: () => void answers.refresh(),
      },
    }),
  );
  const answers = followAnswers({ askTab: () => tabId.then(askBackground), askAll: loadAll, held, drawer });
  // Settings or words that cannot be had: runPage says so.
  await drawer;
}

void runPage(main);
