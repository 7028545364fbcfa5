import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fakeExchangeHtml, firefoxOrigin, launchFirefox, root, startHttpsSite, type FirefoxExtension, until } from './harness';

/**
 * The extension's own pages in Firefox with the built add-on: each renders, says its key words,
 * and answers a key interaction. The stand-in sites are served on this machine over HTTPS.
 */
const HOSTS = ['www.binance.com', 'binance-login.com', 'blnance.com', 'www.example.org'];
const TITLES: Record<string, string> = { 'binance-login.com': 'Binance Login (phishing stand-in)', 'blnance.com': 'Blnance (phishing stand-in)' };

const BYBIT_PROOF = readFileSync(join(root, 'tests/fixtures/proofs/bybit-40.json'), 'utf8');
const BYBIT_ROOT = '8837e3a902aa996279fdc3d70e38e46cd18232dfb614c515a25ba34778eb1765';

const SWEDISH = JSON.parse(readFileSync(join(root, 'public/_locales/sv/messages.json'), 'utf8')) as Record<string, { message: string } | undefined>;

const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const testId = (id: string) => `[data-testid="${id}"]`;

/** Sets a field's value as typing would end, then lets the page hear it (Preact listens for `input`). */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (element, next) => {
      (element as HTMLInputElement | HTMLTextAreaElement).value = next;
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

async function serveStandIns() {
  return startHttpsSite(HOSTS, (request, response) => {
    const host = request.headers.host ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(fakeExchangeHtml(TITLES[host] ?? `${host} — stand-in`));
  });
}

describe('Firefox: the extension pages', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof serveStandIns>>;

  beforeAll(async () => {
    site = await serveStandIns();
    firefox = await launchFirefox({ hosts: HOSTS });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  test('welcome: the install opened it; it says what Reserve Radar never does; the language choice turns it Swedish', async () => {
    expect(await text(firefox.welcome, 'h1')).toBe('Welcome to Reserve Radar');
    expect(await firefox.welcome.$$eval(`${testId('welcome-never')} li`, (items) => items.length)).toBe(3);
    expect(await text(firefox.welcome, testId('welcome-never'))).toContain('It never moves your money.');

    const page = await firefox.openPage('/welcome.html');
    await page.waitForSelector(testId('welcome-language'));
    // The keyboard's first stop is the language, at the choice it has.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('welcome-language-auto');
    await page.click(testId('welcome-language-sv'));
    expect(await until(() => text(page, 'h1'), 'Välkommen till Reserve Radar')).toBe('Välkommen till Reserve Radar');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.click(testId('welcome-language-auto'));
    expect(await until(() => text(page, 'h1'), 'Welcome to Reserve Radar')).toBe('Welcome to Reserve Radar');
    await page.close();
  });

  test('popup: the Binance tab gets its card; elsewhere the list of exchanges filters as you type', async () => {
    const tabIds = () => firefox.inExtension<number[]>('browser.tabs.query({}).then((tabs) => tabs.map((tab) => tab.id))');
    const before = new Set(await tabIds());
    const exchange = await firefox.browser.newPage();
    await exchange.goto('https://www.binance.com/en/trade/BTC_USDT');
    await exchange.waitForFunction(() => document.querySelector('reserve-radar-pill') !== null, { timeout: 20_000 });
    const tabId = (await tabIds()).find((id) => !before.has(id));
    expect(tabId).toBeDefined();

    const popup = await firefox.openPage(`/popup.html?tab=${tabId}`);
    await popup.waitForSelector(testId('exchange-card'));
    expect(await text(popup, `${testId('exchange-card')} h1`)).toBe('Binance');
    expect(await popup.$(testId('level-chip'))).not.toBeNull();
    await popup.close();

    // "Delete everything" forgets the tab's address with the rest of session storage; the tab, still open on
    // Binance, is asked where it is, and the popup gets its card again.
    const session = () => firefox.inExtension<string>('browser.storage.session.get(null).then((held) => JSON.stringify(held))');
    expect(await session()).toContain('www.binance.com');
    await firefox.inExtension('browser.runtime.sendMessage({ type: "delete-all-data" })');
    expect(await session()).not.toContain('binance');
    const again = await firefox.openPage(`/popup.html?tab=${tabId}`);
    await again.waitForSelector(testId('exchange-card'));
    expect(await text(again, `${testId('exchange-card')} h1`)).toBe('Binance');
    await again.close();

    // Opened as a page of its own, the popup's tab is itself: not an exchange, so the list.
    const list = await firefox.openPage('/popup.html');
    await list.waitForSelector(testId('popup-not-exchange'));
    await list.waitForSelector(testId('exchange-row'));
    expect(await list.$$eval(testId('exchange-row'), (rows) => rows.length)).toBeGreaterThan(20);
    await expect.poll(() => list.$eval(testId('search-status'), (status) => status.getAttribute('role'))).toBe('status');
    await list.click(testId('search'));
    await list.keyboard.type('krak');
    await expect.poll(() => until(() => list.$$eval(testId('exchange-row'), (rows) => rows.map((row) => row.getAttribute('data-id')).join(',')), 'kraken')).toBe('kraken');
    // Once typing stops, the polite status says how many are shown.
    expect(await until(() => text(list, testId('search-status')), 'Exchanges shown: 1.')).toBe('Exchanges shown: 1.');
    await Promise.all([list.close(), exchange.close()]);
  });

  test('options: the settings page, and its language choice turns it Swedish', async () => {
    const page = await firefox.openPage('/options.html');
    await page.waitForSelector(testId('language'));
    expect(await text(page, 'h1')).toBe('Reserve Radar options');
    expect(await text(page, '#lookalike-title')).toBe('Lookalike protection');
    await page.click(testId('language-sv'));
    expect(await until(() => text(page, 'h1'), 'Inställningar för Reserve Radar')).toBe('Inställningar för Reserve Radar');
    // The file control is the extension's button, in Swedish; Firefox's own ("Browse… / No file selected.") is not drawn.
    expect(await text(page, testId('data-import-choose'))).toBe(SWEDISH.dataImport?.message);
    await expect.poll(() => page.$eval(testId('data-import'), (input) => input.getBoundingClientRect().width <= 1 && input.getAttribute('tabindex') === '-1')).toBe(true);
    // A bad RPC address is refused in plain words, marked on the field, and not saved.
    await fill(page, testId('rpc-url'), 'rpc.example.org');
    await expect.poll(() => until(() => page.$eval(testId('rpc-url'), (input) => input.getAttribute('aria-invalid')), 'true')).toBe('true');
    expect(await text(page, '#rpc-url-error')).toBe(`${SWEDISH.rpcInvalid?.message} ${SWEDISH.rpcNotSavedNone?.message}`);
    // Reset asks in the page, in Swedish (a window.confirm would draw Firefox's own words); Escape answers Cancel.
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    await page.click(testId('reset'));
    await page.waitForSelector(testId('reset-cancel'));
    expect(await text(page, '#reset-confirm-text')).toBe(SWEDISH.resetConfirm?.message);
    expect(await text(page, testId('reset-confirm'))).toBe(SWEDISH.resetConfirmButton?.message);
    expect(await text(page, testId('reset-cancel'))).toBe(SWEDISH.holdingsCancel?.message);
    expect(await until(active, 'reset-cancel')).toBe('reset-cancel');
    await page.keyboard.press('Escape');
    expect(await until(active, 'reset')).toBe('reset');
    expect(await page.$(testId('reset-confirm'))).toBeNull();
    // The warning-list form answers in Swedish next to each field (no Firefox bubble), focus on the first.
    await page.click(testId('list-add'));
    await expect.poll(() => until(() => page.$eval(testId('list-url'), (input) => input.getAttribute('aria-invalid')), 'true')).toBe('true');
    expect(await text(page, '#list-url-error')).toBe(SWEDISH.listsUrlMissing?.message);
    expect(await text(page, '#list-signer-error')).toBe(SWEDISH.listsSignerMissing?.message);
    await expect.poll(() => page.$eval(testId('list-url'), (input) => input.getAttribute('aria-describedby'))).toBe('list-url-error');
    expect(await until(active, 'list-url')).toBe('list-url');
    await page.click(testId('language-auto'));
    expect(await until(() => text(page, 'h1'), 'Reserve Radar options')).toBe('Reserve Radar options');
    await page.close();
  });

  test('guide: opens on the exchange asked for, with where to click there; a network and a coin shape the route', async () => {
    const page = await firefox.openPage('/guide.html?exchange=okx');
    await page.waitForSelector(testId('route-exchange'));
    expect(await text(page, 'h1')).toBe('Withdraw to a wallet you control');
    expect(await page.$eval(testId('route-exchange'), (select) => (select as HTMLSelectElement).value)).toBe('okx');
    expect(await text(page, testId('never-moves-money'))).toContain('never moves money');
    // Where to click on the exchange asked for: its four topics, each with what OKX's own pages say.
    await page.waitForSelector(testId('where-to-click'));
    expect(await text(page, `${testId('where-to-click')} h3`)).toBe('Where to click on OKX');
    const topics = ['withdrawal-page', 'whitelist', 'new-address-lock', 'network-fees'];
    const codes = () => Promise.all(topics.map((topic) => page.$eval(testId(`where-${topic}`), (item) => item.getAttribute('data-code'))));
    expect(await codes()).toEqual(['page-menu-web', 'whitelist-offered', 'lock-opt-in', 'fees-withdrawal-form']);
    expect(await text(page, `${testId('where-withdrawal-page')} ${testId('where-menu')}`)).toBe('Assets › Withdraw');
    expect(await text(page, testId('where-new-address-lock'))).toContain('for 24 hours');
    for (const topic of topics) {
      const href = await page.$eval(`${testId(`where-${topic}`)} ${testId('where-source')} a`, (link) => (link as HTMLAnchorElement).href);
      expect(new URL(href).hostname, topic).toBe('www.okx.com');
    }
    expect(await page.$$eval(`${testId('where-to-click')} :is(input, select, textarea, button, form)`, (found) => found.length)).toBe(0);

    // A network names itself as the exchanges do; a coin not usual on it is flagged, a usual one is not.
    await page.select(testId('route-network'), 'ethereum');
    expect(await until(() => text(page, testId('route-network-names')), 'Ethereum (ERC20, ETH, Ethereum)')).toBe('Ethereum (ERC20, ETH, Ethereum)');
    await page.click(testId('route-asset'));
    await page.keyboard.type('DOGE');
    await page.waitForSelector(testId('uncommon-asset'));
    expect(await text(page, testId('uncommon-asset'))).toContain('DOGE is not usually withdrawn on Ethereum');
    await page.$eval(testId('route-asset'), (input) => (input as HTMLInputElement).select());
    await page.keyboard.type('ETH');
    await page.waitForSelector(testId('uncommon-asset'), { hidden: true });
    expect(await page.$eval(testId('route-asset'), (input) => (input as HTMLInputElement).value)).toBe('ETH');
    expect(await text(page, `${testId('where-to-click')} h3`)).toBe('Where to click on OKX');
    await page.close();
  });

  test("verify: a published Bybit proof with its root is verified in Firefox's worker too", async () => {
    const page = await firefox.openPage('/verify.html');
    await page.waitForSelector(testId('proof-text'));
    expect(await text(page, 'h1')).toBe("Don't trust, verify");
    await fill(page, testId('proof-text'), BYBIT_PROOF);
    await fill(page, testId('proof-root'), BYBIT_ROOT);
    await page.click(testId('proof-verify'));
    await page.waitForSelector(testId('proof-verdict'));
    await expect.poll(() => page.$eval(testId('proof-verdict'), (verdict) => verdict.getAttribute('data-verdict'))).toBe('verified');
    expect(await text(page, testId('proof-computed-root'))).toBe(BYBIT_ROOT);
    // The reserve check's way to the options opens them in a new tab: this page keeps the proof and its verdict.
    const optionsUrl = `${firefoxOrigin}/options.html`;
    const optionsTabs = async () =>
      ((await firefox.connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as { context: string; url: string }[]).filter((tab) => tab.url === optionsUrl);
    const before = (await optionsTabs()).length;
    await page.click(testId('reserves-options-link'));
    expect(await until(async () => (await optionsTabs()).length, before + 1)).toBe(before + 1);
    expect(await page.evaluate(() => location.href)).toBe(`${firefoxOrigin}/verify.html`);
    await expect.poll(() => page.$eval(testId('proof-verdict'), (verdict) => verdict.getAttribute('data-verdict'))).toBe('verified');
    for (const tab of await optionsTabs()) await firefox.connection.send('browsingContext.close', { context: tab.context });
    await page.close();
  });

  test('warning page: names the imitated exchange and the host; "continue anyway" leads on to the site', async () => {
    const target = 'https://binance-login.com/en/login';
    const page = await firefox.openPage(`/warning.html?url=${encodeURIComponent(target)}`);
    await page.waitForSelector(testId('lookalike-warning'));
    expect(await text(page, 'h1')).toBe('This site only looks like Binance');
    expect(await text(page, testId('warning-host'))).toBe('binance-login.com');
    await expect.poll(() => page.$eval(testId('go-real'), (link) => link.getAttribute('href'))).toBe('https://binance.com/');
    await page.click(testId('continue-anyway'));
    expect(await until(() => page.evaluate(() => location.href), target)).toBe(target);
    expect(await page.evaluate(() => document.title)).toBe('Binance Login (phishing stand-in)');
    await page.close();
  });
});

/**
 * Firefox answers optional-permission requests itself when `extensions.webextOptionalPermissionPrompts`
 * is off, as a user's "Allow" would: the welcome page's one click, end to end.
 */
describe('Firefox: lookalike protection turned on from the welcome page', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof serveStandIns>>;

  beforeAll(async () => {
    site = await serveStandIns();
    firefox = await launchFirefox({ hosts: HOSTS, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  test('one click: granted, the page says so, and a lookalike then gets the warning page before it shows', async () => {
    const welcome = firefox.welcome;
    const tabAddresses = () => firefox.inExtension<boolean>("browser.permissions.contains({ permissions: ['tabs'] })");
    const allSites = () => firefox.inExtension<boolean>("browser.permissions.contains({ origins: ['*://*/*'] })");
    expect(await tabAddresses()).toBe(false);
    await welcome.click(testId('welcome-protection-on'));
    await expect.poll(() => until(() => welcome.$eval(testId('welcome-protection'), (section) => section.getAttribute('data-state')), 'on')).toBe('on');
    expect(await text(welcome, testId('welcome-protection-result'))).toBe('Lookalike protection is on. A site that imitates an exchange now gets a warning page before it opens.');
    // The button is gone; the focus is on the sentence that replaced it.
    expect(await welcome.$(testId('welcome-protection-on'))).toBeNull();
    await expect.poll(() => welcome.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('welcome-protection-result');
    // `tabs` is all it asked for and got: no access to any site beyond the data hosts.
    await expect.poll(tabAddresses).toBe(true);
    expect(await allSites()).toBe(false);
    expect(await firefox.inExtension<{ settings?: { lookalikeProtection?: boolean } }>("browser.storage.local.get('settings')")).toMatchObject({ settings: { lookalikeProtection: true } });

    const page = await firefox.browser.newPage();
    void page.goto('https://blnance.com/en/login').catch(() => undefined);
    const warning = `${firefoxOrigin}/warning.html?url=${encodeURIComponent('https://blnance.com/en/login')}`;
    expect(await until(() => page.evaluate(() => location.href), warning)).toBe(warning);
    await page.waitForSelector(testId('lookalike-warning'));
    expect(await text(page, 'h1')).toBe('This site only looks like Binance');
    await page.close();
  });
});
