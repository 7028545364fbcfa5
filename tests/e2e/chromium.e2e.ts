import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../lib/words/format';
import { exchanges } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView } from '../../lib/view/exchange-view';
import {
  activeTabId,
  axeProblems,
  chromiumOnExchanges,
  recordAnswers,
  fakeExchangeHtml,
  launchChromium,
  pillText,
  refreshSource,
  root,
  routeSite,
  screenshotPath,
  scriptWorlds,
  shadowUi,
  type ChromiumExtension,
} from './harness';

/**
 * An exchange the bundled data grades caution or danger with a required figure missing, and whose
 * report we have not confirmed since its own date: its card must say "incomplete" and keep the
 * report's date apart from ours. Binance first; another one if the data no longer makes it so.
 */
function incompleteExchange() {
  const now = new Date();
  const candidates = [...exchanges].sort((a, b) => Number(b.id === 'binance') - Number(a.id === 'binance'));
  for (const exchange of candidates) {
    const view = buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[exchange.id], now });
    const { level, incomplete, metrics } = view.verdict;
    if (incomplete && (level === 'caution' || level === 'danger') && view.por !== undefined && metrics.porFreshness?.late === 'us') return { view, freshness: metrics.porFreshness };
  }
  throw new Error('the bundled snapshot has no exchange graded caution or danger with our copy of its report too old');
}

describe('Chromium with the built extension', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    await routeSite(browser.context, 'https://www.example.org', fakeExchangeHtml('Example, not an exchange'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('shows the pill with the exchange name on binance.com, and the popup shows its card', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    await shadowUi(page).waitFor('pill-name');
    const pill = await pillText(page);
    expect(pill?.name).toBe('Binance');
    expect(pill?.status).not.toBe('');
    // The pill's words arrive with the background's answer, as templates the page fills in.
    const labels = { toggle: await shadowUi(page).attribute('pill-toggle', 'aria-label'), close: await shadowUi(page).attribute('pill-close', 'aria-label') };
    // What the pill shows, in words: a grade letter (or "no grade", never a bare "?"), and no "Open details" (aria-expanded says that).
    expect(labels.toggle).toMatch(new RegExp(`^Reserve Radar: Binance, (grade [A-F]|no grade), ${pill?.status}$`));
    expect(labels.close).toBe('Close');
    await page.screenshot({ path: screenshotPath('pill.png'), clip: { x: 0, y: 0, width: 1280, height: 720 } });

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 480 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const card = popup.getByTestId('exchange-card');
    await card.waitFor();
    await expect.poll(() => card.getByRole('heading', { level: 1 }).textContent()).toBe('Binance');
    await expect.poll(() => popup.getByTestId('level-chip').textContent()).toContain(pill?.status);
    // With every reason and figure open, the sections sit one level under the card's h1: no level skipped.
    await popup.getByTestId('card-details-toggle').click();
    await popup.getByTestId('card-por-section').waitFor();
    expect(await axeProblems(popup)).toEqual([]);
    expect(await popup.getByTestId('card-por-section').getByRole('heading', { level: 2 }).count()).toBe(1);
    await popup.close();
    await page.close();
  });

  test('an incomplete verdict says so on the pill and the card, and the card keeps the report’s date apart from our check', async () => {
    const { view, freshness } = incompleteExchange();
    await routeSite(browser.context, `https://${view.homeDomain}`, fakeExchangeHtml(`${view.name} — stand-in`));
    const page = await browser.context.newPage();
    await page.goto(`https://${view.homeDomain}/`);
    await shadowUi(page).waitFor('pill-status');
    const level = view.verdict.level === 'danger' ? 'Danger' : 'Caution';
    expect((await pillText(page))?.status).toBe(`${level} · incomplete`);

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 480 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('exchange-card').waitFor();
    await expect.poll(() => popup.getByTestId('level-chip').textContent()).toBe(`${view.verdict.grade}${level} · incomplete`);
    const por = view.por!;
    // The report's dates sit with the other figures, one click away.
    await popup.getByTestId('card-details-toggle').click();
    await expect.poll(() => popup.getByTestId('card-por-describes').textContent()).toBe(`Report describes ${formatDate(por.asOf, 'en')}`);
    await expect.poll(() => popup.getByTestId('card-por-checked').textContent()).toBe(`not checked since ${formatDate(freshness.checkedAt, 'en')}`);
    const source = popup.getByTestId('card-por-dates').getByRole('link', { name: /^Source: / });
    await expect.poll(() => source.textContent()).toBe(new URL(por.source).hostname.replace(/^www\./, ''));
    await popup.close();
    await page.close();
  });

  test('the pill closes and stays out of the way', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/');
    await shadowUi(page).click('pill-close');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    expect(await pillText(page)).toBeNull();
    await page.close();
  });

  test('does not run on a plain-http exchange page, which anyone on the network path could have written', async () => {
    await routeSite(browser.context, 'http://www.binance.com', fakeExchangeHtml('Binance over http'));
    const page = await browser.context.newPage();
    await page.goto('http://www.binance.com/en');
    // The page has loaded, and the extension's scripts run from document start: had they been injected, their world would be here.
    expect(await scriptWorlds(page, browser.extensionId)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();
    await page.close();
  });

  test('injects nothing on a page that is not an exchange, and the popup says so', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.example.org/');
    // Loaded, and no world of the extension's scripts (they run from document start): nothing of ours runs here to draw a pill.
    expect(await scriptWorlds(page, browser.extensionId)).toBe(0);
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();

    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('popup-not-exchange').waitFor();
    await popup.close();
    await page.close();
  });
});

/** The page's questions to the background: refused by type, or held (by type) until the test lets them go. */
interface Asking {
  refused: Set<string>;
  held: Set<string>;
  waiting: (() => void)[];
}

/**
 * The background refuses the named requests, as it does when it is gone (an update while the page
 * is open) or broken; `refused` in the page can be emptied to let them through again.
 */
async function refusing(page: Page, types: string[]): Promise<void> {
  await page.addInitScript((names) => {
    const scope = globalThis as unknown as Asking & { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    const { runtime } = scope.chrome;
    const sendMessage = runtime.sendMessage.bind(runtime);
    scope.refused = new Set(names);
    scope.held = new Set();
    scope.waiting = [];
    runtime.sendMessage = (message: unknown) => {
      const type = (message as { type?: string }).type ?? '';
      if (scope.refused.has(type)) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      if (scope.held.has(type)) return new Promise<void>((resolve) => scope.waiting.push(resolve)).then(() => sendMessage(message));
      return sendMessage(message);
    };
  }, types);
}

/**
 * A Binance tab and the popup over it, which finds no copy of an earlier answer for the tab: the
 * background writes one when the tab loads and again when its page reports, at times a test cannot
 * wait for, so the popup's own read of it comes back empty. Everything the popup draws then comes
 * from the background's answers: `refused` ones fail at once, `held` ones wait for the test.
 */
async function popupWithNoHeldCopy(browser: ChromiumExtension, refused: string[], held: string[] = []): Promise<{ page: Page; popup: Page }> {
  const page = await browser.context.newPage();
  await page.goto('https://www.binance.com/en');
  const tabId = await activeTabId(browser.worker);
  const popup = await browser.context.newPage();
  await refusing(popup, refused);
  await popup.addInitScript((types) => {
    type Found = Record<string, unknown>;
    const scope = globalThis as unknown as Asking & { noHeldCopy: boolean; chrome: { storage: { session: { get(keys: unknown): Promise<Found> } } } };
    for (const type of types) scope.held.add(type);
    const { session } = scope.chrome.storage;
    const get = session.get.bind(session);
    session.get = (keys: unknown) => get(keys).then((found) => Object.fromEntries(Object.entries(found).filter(([key]) => !key.startsWith('tabState:'))));
    scope.noHeldCopy = session.get !== get;
  }, held);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  expect(await popup.evaluate(() => (globalThis as unknown as { noHeldCopy: boolean }).noHeldCopy)).toBe(true);
  return { page, popup };
}

describe('extension pages when the background does not answer, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the popup on an exchange claims no verdict: it says it could not check the tab, and Try again asks anew', async () => {
    const { page, popup } = await popupWithNoHeldCopy(browser, ['tab-state', 'all-exchanges']);
    const failed = popup.getByTestId('popup-check-failed');
    await failed.waitFor();
    await expect.poll(() => failed.getAttribute('role')).toBe('alert');
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Reserve Radar could not check this tab');
    await expect.poll(() => popup.getByTestId('popup-not-exchange').count()).toBe(0);
    expect(await popup.locator('body').textContent()).not.toContain('Not an exchange');
    // The background answers again, slowly: Try again, pressed from the keyboard, keeps the focus while it asks...
    await popup.evaluate(() => {
      const asking = globalThis as unknown as Asking;
      asking.refused.clear();
      asking.held.add('tab-state');
    });
    const retry = popup.getByTestId('popup-retry');
    await retry.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => retry.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('popup-retry');
    // ...then shows the tab's own card, its heading taking the focus rather than the page.
    await popup.evaluate(() => {
      const asking = globalThis as unknown as Asking;
      asking.held.clear();
      for (const release of asking.waiting.splice(0)) release();
    });
    await popup.getByTestId('card-verdict').waitFor();
    await expect.poll(() => popup.getByTestId('popup-check-failed').count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => [document.activeElement?.tagName, document.activeElement?.id])).toEqual(['H1', 'card-title']);
    await expect.poll(() => popup.locator('#card-title').textContent()).toContain('Binance');
    await popup.close();
    await page.close();
  });

  test('the popup and a background that never answers: after the deadline, the failed state with Try again and the Options link, not Loading for ever; the late answer then replaces it', async () => {
    const { page, popup } = await popupWithNoHeldCopy(browser, [], ['tab-state']);
    await popup.getByRole('status').filter({ hasText: 'Loading' }).first().waitFor();
    // The deadline is 8 s (utils/answer-deadline.ts): waited for, not measured.
    await popup.getByTestId('popup-check-failed').waitFor({ timeout: 15_000 });
    await expect.poll(() => popup.getByTestId('popup-retry').isVisible()).toBe(true);
    await expect.poll(() => popup.getByTestId('open-options').isVisible()).toBe(true);
    expect(await popup.locator('body').textContent()).not.toContain('Loading');
    // The answer that was held back comes after all: the tab's own card replaces the failure, and a
    // keyboard user on Try again is taken to its heading, which is read out, rather than to the page.
    await popup.getByTestId('popup-retry').focus();
    await popup.evaluate(() => {
      const asking = globalThis as unknown as Asking;
      asking.held.clear();
      for (const release of asking.waiting.splice(0)) release();
    });
    await popup.getByTestId('card-verdict').waitFor();
    await expect.poll(() => popup.getByTestId('popup-check-failed').count()).toBe(0);
    await expect.poll(() => popup.locator('#card-title').textContent()).toContain('Binance');
    await expect.poll(() => popup.evaluate(() => [document.activeElement?.tagName, document.activeElement?.id])).toEqual(['H1', 'card-title']);
    await popup.close();
    await page.close();
  });

  test('options: the data sources and the warning lists say they could not be read, in plain words, instead of loading for ever', async () => {
    const options = await browser.context.newPage();
    await refusing(options, ['sources-state', 'subscriptions-state']);
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const sources = options.locator('section[aria-labelledby="sources-title"]');
    await expect.poll(() => sources.getByTestId('sources-failed').textContent()).toBe('The state of the data sources could not be read just now. Try closing and opening this page again.');
    await expect.poll(() => sources.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await options.getByTestId('warning-lists').getByTestId('lists-failed').textContent()).toBe(
      'Your warning lists could not be shown just now. They have not been removed. Try closing and opening this page again.',
    );
    await options.close();
  });

  test('a page that cannot start says so in the chosen language, in its text and its title', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-de').check();
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe('de');
    await options.close();
    const warning = await browser.context.newPage();
    await refusing(warning, ['check-url']);
    await warning.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://binance-login.com/')}`);
    const german = 'Reserve Radar konnte seine Daten nicht laden. Schließen Sie dieses Fenster und öffnen Sie es erneut.';
    await expect.poll(() => warning.locator('#app').textContent()).toBe(german);
    expect(await warning.title()).toBe(german);
    expect(await warning.evaluate(() => document.documentElement.lang)).toBe('de');
    await warning.close();
  });
});

/** The popup over a tab that is no exchange's (where it lists every exchange) once the data sources' state has answered and what that answer draws is on the page. */
async function popupAfterSources(browser: ChromiumExtension, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await recordAnswers(popup);
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.getByTestId('popup-not-exchange').waitFor();
  await popup.waitForFunction(() => (globalThis as unknown as { answered: string[] }).answered.includes('sources-state'));
  // The answer's state change is drawn in Preact's next render: a frame and a task later it is on the page.
  await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return popup;
}

describe("the popup's first-data line in Chromium, on a new profile", () => {
  let browser: ChromiumExtension;
  let cexsServed = false;

  beforeAll(async () => {
    browser = await chromiumOnExchanges({ 'https://www.example.org': 'Example, not an exchange' });
    // No data source answers (the feed and every other host stay unreachable) until the test serves /cexs.
    const cexs = readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8');
    await browser.context.route('https://api.llama.fi/**', (route) =>
      cexsServed && new URL(route.request().url()).pathname === '/cexs' ? route.fulfill({ status: 200, contentType: 'application/json', body: cexs }) : route.fulfill({ status: 503, body: '' }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('says why most exchanges show Unknown until the first data arrives, leads to the data sources, and is gone once a source has answered', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.example.org/');
    const tabId = await activeTabId(browser.worker);

    const before = await popupAfterSources(browser, tabId);
    const line = before.getByTestId('popup-first-data');
    expect(await line.count()).toBe(1);
    expect(await line.locator('p').textContent()).toBe("Most exchanges show “Unknown” until Reserve Radar's first data update arrives.");
    const [options] = await Promise.all([browser.context.waitForEvent('page'), line.getByTestId('popup-first-data-open').click()]);
    await options.waitForURL(/\/options\.html#sources-title$/);
    await options.getByTestId('sources').waitFor();

    cexsServed = true;
    expect((await refreshSource(options, 'cexs')).status).toBe('fresh');
    const after = await popupAfterSources(browser, tabId);
    expect(await after.getByTestId('popup-first-data').count()).toBe(0);
    await Promise.all([after.close(), options.close(), page.close(), before.isClosed() ? undefined : before.close()]);
  });
});
