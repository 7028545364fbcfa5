import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeTabId, fakeExchangeHtml, root, routeSite, shadowUi, type ChromiumExtension } from './harness';

/**
 * A `/cexs` answer with a run on Binance, for the browser tests: the recorded rows of
 * 10 August 2026 (tests/fixtures/defillama/recorded/) with Binance's flows changed so that a
 * quarter of its assets left in a day. Made up from a real answer for the test; not a reading.
 */
export function cexsWithRunOnBinance(): string {
  const recorded = JSON.parse(readFileSync(join(root, 'tests/fixtures/defillama/recorded/cexs-rows-trading-system-2026-08-10.json'), 'utf8')) as { cexs: Record<string, unknown>[] };
  const cexs = recorded.cexs.map((row) => {
    if (row.name !== 'Binance') return row;
    const total = row.currentTvl as number;
    // What left is a third of what is left: a quarter of what was there a day ago.
    return { ...row, inflows_24h: -total / 3, inflows_1w: -total / 3, inflows_1m: -total / 3 };
  });
  return JSON.stringify({ cexs });
}

/** What the options page stores when the user records 2 ETH on Binance. */
export const holdingsOnBinance = () => ({ holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] });

/**
 * Routes a Chromium run test's network: `/cexs` answers the run on Binance once `serve` says so for
 * that request (awaited: a test may hold it back) and 503 while it says not; DefiLlama's other
 * paths and its price host answer 404; www.binance.com is the stand-in exchange page.
 */
export async function routeRunOnBinance(browser: ChromiumExtension, serve: (url: string) => boolean | Promise<boolean> = () => true): Promise<void> {
  const body = cexsWithRunOnBinance();
  await browser.context.route('https://api.llama.fi/**', async (route) => {
    const url = route.request().url();
    if (new URL(url).pathname !== '/cexs') return route.fulfill({ status: 404, body: '' });
    return (await serve(url)) ? route.fulfill({ status: 200, contentType: 'application/json', body }) : route.fulfill({ status: 503, body: '' });
  });
  await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 404, body: '' }));
  await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
}

declare const chrome: { action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> } };

/** binance.com open in a tab, its pill drawn; that tab's id, badge text and tooltip. */
export async function openBinanceTab(browser: ChromiumExtension) {
  const page = await browser.context.newPage();
  await page.goto('https://www.binance.com/en/trade/BTC_USDT');
  const pill = shadowUi(page);
  await pill.waitFor('pill-toggle');
  const tabId = await activeTabId(browser.worker);
  const badge = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  const title = () => browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  return { page, pill, tabId, badge, title };
}
