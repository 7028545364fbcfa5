import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TabState } from '../../lib/view/exchange-view';
import { badgeMeaning } from '../../lib/view/badge';
import { badgeTitleText } from '../../lib/words/badge-title';
import { translateFrom, type Messages } from '../../lib/words/translate-from';
import { activeTabId, clickToolbarButton, fakeExchangeHtml, launchChromium, root, routeSite, shadowUi, type ChromiumExtension } from './harness';

/** The slice of the extension API these tests call inside the service worker. */
declare const chrome: {
  permissions: { contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean> };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

/**
 * The toolbar button checks the tab it is clicked on: activeTab, no broad permission. The
 * lookalike is served by the test (no network); the check runs in the extension.
 */
describe('the toolbar button in Chromium, without any broad permission', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://blnance.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
    await routeSite(browser.context, 'https://www.example.org', fakeExchangeHtml('Example — not an exchange'));
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("before a click the extension cannot see the tab's address, so nothing is said about it", async () => {
    // Neither the tab addresses lookalike protection asks for nor any access to all sites.
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['tabs'] }))).toBe(false);
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ origins: ['*://*/*'] }))).toBe(false);
    const site = await browser.context.newPage();
    await site.goto('https://blnance.com/before-click');
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    // The popup's page opened on its own, not by a click: no activeTab grant for that tab.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('popup-not-exchange').waitFor();
    await expect.poll(() => popup.getByTestId('popup-lookalike').count()).toBe(0);
    await Promise.all([popup.close(), site.close()]);
  });

  test('a click on a lookalike says plainly that it imitates Binance, links the real one, and sends the address nowhere', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://blnance.com/en/login');
    const workerFetches = () => browser.worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const before = await workerFetches();
    const { text, fetched } = await clickToolbarButton(browser, page, '[data-testid="popup-lookalike"]');
    expect(text).toContain('This site only looks like Binance');
    expect(text).toContain('blnance.com');
    expect(text).toContain('Do not sign in or enter a recovery phrase here.');
    expect(text).toContain('Go to the real binance.com');
    // The check ran in the extension: neither the popup nor the background fetched anything that
    // names the page (Resource Timing lists every fetch a page or worker makes).
    expect(fetched.filter((url) => !url.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);
    expect((await workerFetches()).slice(before.length).filter((url) => url.includes('blnance'))).toEqual([]);
    // The tab keeps a "!" on the button after the popup closes.
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('!');
    // Still no broad permission: the click granted this one tab only.
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['tabs'] }))).toBe(false);
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ origins: ['*://*/*'] }))).toBe(false);
    await page.close();
  });

  test('a click on an ordinary site says it is not an exchange', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.example.org/');
    const { text } = await clickToolbarButton(browser, page, '[data-testid="popup-not-exchange"]');
    expect(text).toContain('Not an exchange');
    expect(text).not.toContain('only looks like');
    await page.close();
  });

  test("the button's tooltip explains an exchange's badge in the chosen language, follows a change of language, and is reset off exchanges", async () => {
    const words = (locale: string) => translateFrom(JSON.parse(readFileSync(join(root, 'public/_locales', locale, 'messages.json'), 'utf8')) as Messages);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang === 'de');
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    await shadowUi(page).waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const title = () => browser.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
    // What the background decided for the tab (its badge says the same), worded here from the German file.
    const state = (await browser.worker.evaluate((id) => chrome.storage.session.get(`tabState:${id}`), tabId))[`tabState:${tabId}`] as TabState;
    const meaning = badgeMeaning(state);
    if (meaning?.kind !== 'verdict') throw new Error(`no verdict for Binance: ${JSON.stringify(meaning)}`);
    const badge = await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const german = badgeTitleText(meaning, words('de'));
    expect(german).toMatch(/^Reserve Radar: Binance, /);
    // The badge's letter is named; its "?" said in words.
    if (meaning.grade !== undefined) expect(german).toContain(`Note ${badge.replace('?', '')}`);
    if (badge.endsWith('?') && badge !== '?') expect(german).toContain('unvollständig');
    await expect.poll(title).toBe(german);

    await options.getByTestId('language-sv').check();
    await expect.poll(title).toBe(badgeTitleText(meaning, words('sv')));

    // Off the exchanges the badge is cleared and the button says the extension's name again.
    await page.goto('https://www.example.org/');
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await expect.poll(title).toBe('Reserve Radar');
    await options.getByTestId('language-auto').check();
    await Promise.all([page.close(), options.close()]);
  });
});
