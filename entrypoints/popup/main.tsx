import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext, ReasonWordsContext } from '@/utils/i18n';
import { reasonText } from '@/lib/words/reason-text';
import { Popup } from '@/components/Popup';
import type { ExchangeView, TabState } from '@/lib/view/exchange-view';
import { loadI18n } from '@/utils/translate';
import { runPage } from '@/utils/run-page';
import { getSettings } from '@/utils/settings';
import { readTabState } from '@/utils/tab-states';
import { send } from '@/utils/send';
import '@/components/card.css';
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

async function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  // Every question goes out before anything waits: the background's answer, the copy of it the
  // background left in session storage (one storage read, usually first), and the language.
  const tabId = tabIdToShow();
  const ask = () => {
    const fresh = tabId.then(askBackground);
    const all = fresh.then((state) => (state.kind === 'exchange' ? [] : loadAll()));
    return { fresh, loadAllOnce: () => all };
  };
  let asked = ask();
  const held = tabId.then((id) => (id === undefined ? undefined : readTabState(id).catch(() => undefined)));
  const i18n = await loadI18n((await getSettings()).language);
  document.documentElement.lang = i18n.locale;
  const draw = (state: TabState | undefined, failed = false) =>
    render(
      <I18nContext.Provider value={i18n}>
        <ReasonWordsContext.Provider value={reasonText}>
          <Popup
            tab={state}
            failed={failed}
            onRetry={retry}
            loadAll={asked.loadAllOnce}
            onWithdraw={(exchangeId) => void send({ type: 'open-guide', exchangeId })}
            onOpenOptions={() => void browser.runtime.openOptionsPage()}
            onOpenVerify={() => void browser.tabs.create({ url: browser.runtime.getURL('/verify.html') })}
            onCopyText={(text) => navigator.clipboard.writeText(text)}
            onCopyImage={(blob) => navigator.clipboard.write([new ClipboardItem({ [blob.type]: blob })])}
            loadHoldings={loadHoldings}
            loadRunAlerts={loadRunAlerts}
            onSnoozeRun={snoozeRun}
          />
        </ReasonWordsContext.Provider>
      </I18nContext.Provider>,
      root,
    );
  let answered = false;
  let shownHeld = false;
  draw(undefined);
  // The held copy is drawn only while the background has not answered; its answer always wins.
  void held.then((state) => {
    if (answered || state === undefined) return;
    shownHeld = true;
    draw(state);
  });
  const follow = () =>
    asked.fresh.then(
      (state) => {
        answered = true;
        draw(state);
      },
      (error: unknown) => {
        answered = true;
        console.error('[reserve-radar] the background did not answer about this tab', error);
        // A card already drawn from the held copy stays rather than turning into an error.
        if (!shownHeld) draw(undefined, true);
      },
    );
  // The failure stays drawn, with Try again under the focus, until the answer replaces it.
  function retry() {
    asked = ask();
    return follow();
  }
  void follow();
}

void runPage(main);
