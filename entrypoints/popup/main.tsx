import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18nContext } from '@/components/i18n';
import { browserTranslate as t } from '@/utils/translate';
import { Popup } from '@/components/Popup';
import type { TabState } from '@/lib/view/exchange-view';
import '@/components/theme.css';


async function loadState(): Promise<TabState> {
  // The tab to describe can be named in the URL (?tab=ID) so the popup can also open as a page.
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return { kind: 'not-exchange' };
  return (await browser.runtime.sendMessage({ type: 'tab-state', tabId })) as TabState;
}

function main() {
  const root = document.getElementById('app');
  if (root === null) return;
  document.documentElement.lang = browser.i18n.getUILanguage();
  render(
    <I18nContext.Provider value={t}>
      <Popup load={loadState} />
    </I18nContext.Provider>,
    root,
  );
}

main();
