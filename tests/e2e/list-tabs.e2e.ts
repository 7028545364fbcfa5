import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import {
  ANVIL_KEY_0,
  ANVIL_SIGNER_0,
  allowSiteInChromium,
  axeProblems,
  axeProblemsInFirefox,
  krakenWarningList,
  launchChromium,
  launchFirefox,
  startHttpsSite,
  type ChromiumExtension,
  type FirefoxExtension,
} from './harness';

/**
 * The warning lists section of two options pages open at once, in Chromium and in Firefox with the built extension:
 * a list subscribed in the first page, checked again there (a newer list, then a failing host) and
 * unsubscribed there shows each time in the second page, with no reload. The list is signed with
 * anvil's well-known test key #0 (never a real maintainer's) and served from a routed host in
 * Chromium, from an HTTPS server on this machine in Firefox.
 * The section's own words and focus, in one page: components/options/WarningLists.test.tsx.
 */
const LIST_URL = 'https://lists.example.org/radar.json';
const LIST_HOST_ACCESS = 'https://lists.example.org/*';

const list = (sequence: number) => krakenWarningList({ name: 'E2E test list', lang: 'en', sequence, title: 'Withdrawals slow, test warning', privateKey: ANVIL_KEY_0 });

describe('the warning lists follow the other options page, in Chromium', () => {
  let browser: ChromiumExtension;
  let serve: (route: Route) => Promise<void>;

  beforeAll(async () => {
    browser = await launchChromium();
    const first = await list(2);
    serve = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: first });
    await browser.context.route(LIST_URL, (route) => serve(route));
    // The user's "Allow" to the access the subscribe click asks for (headless Chromium draws no prompt).
    await allowSiteInChromium(browser, LIST_HOST_ACCESS);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const openOptions = async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('lists-empty').waitFor();
    return page;
  };
  const line = (page: Page) => page.locator('[data-testid="subscription"] .subscription__state').textContent();
  const health = (page: Page) => page.getByTestId('subscription').getAttribute('data-health');
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || document.activeElement?.tagName);

  test('subscribed, checked again (a newer list, a failing host) and unsubscribed in one page: the other shows each, and keeps its focus in the section', async () => {
    const first = await openOptions();
    const second = await openOptions();

    await first.bringToFront();
    await first.getByTestId('list-url').fill(LIST_URL);
    await first.getByTestId('list-signer').fill(ANVIL_SIGNER_0);
    await first.getByTestId('list-add').click();
    await first.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    await expect.poll(() => health(second)).toBe('ok');
    expect(await line(second)).toContain('Using “E2E test list” number 2');
    expect(await second.getByTestId('lists-empty').count()).toBe(0);

    // The first page's "Refresh now" checks the list again: a newer number, then a host that fails.
    const newer = await list(3);
    serve = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: newer });
    await first.getByTestId('refresh-now').click();
    await expect.poll(() => line(second)).toContain('Using “E2E test list” number 3');
    serve = (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    await first.getByTestId('refresh-now').click();
    await expect.poll(() => health(second)).toBe('failing');
    expect(await line(second)).toMatch(/failed.*500/);

    // The second page's focus on the list's own button: the list goes in the first page, the focus
    // goes to the section's title (not the page, not another list's button) and no removal is said there.
    await second.bringToFront();
    await second.locator('[data-testid="subscription"] button[data-remove]').focus();
    await first.bringToFront();
    await first.locator('[data-testid="subscription"] button[data-remove]').click();
    await first.getByTestId('lists-empty').waitFor();
    await second.getByTestId('lists-empty').waitFor();
    expect(await second.getByTestId('subscription').count()).toBe(0);
    await expect.poll(() => focused(second)).toBe('lists-title');
    expect(await second.getByTestId('lists-removed').textContent()).toBe('');
    await second.bringToFront();
    expect(await axeProblems(second, '[data-testid="warning-lists"]')).toEqual([]);

    await Promise.all([first.close(), second.close()]);
    // Three checks of the list and two pages on two cores: about 35 s measured, over the default minute's half.
  }, 120_000);
});

describe('the warning lists follow the other options page, in Firefox', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  /** What the list host answers next: a status and a body. */
  let answer = { status: 200, type: 'application/json', body: '' };

  beforeAll(async () => {
    answer = { status: 200, type: 'application/json', body: await list(2) };
    // A real HTTPS host on this machine, as Firefox cannot route a request in the test.
    site = await startHttpsSite([new URL(LIST_URL).host], (_request, response) => {
      response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
    });
    // Firefox answers the subscribe click's access request itself with prompts off, as the user's "Allow".
    firefox = await launchFirefox({ hosts: [new URL(LIST_URL).host], prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  const testId = (id: string) => `[data-testid="${id}"]`;
  const openOptions = async () => {
    const page = await firefox.openPage('/options.html');
    await page.waitForSelector(testId('lists-empty'));
    return page;
  };
  const line = (page: FirefoxPage) => page.$eval('[data-testid="subscription"] .subscription__state', (state) => state.textContent).catch(() => null);
  const health = (page: FirefoxPage) => page.$eval(testId('subscription'), (row) => row.getAttribute('data-health')).catch(() => null);
  const focused = (page: FirefoxPage) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || document.activeElement?.tagName);
  /** Clicks "Refresh now" once the check before it is over: the button does nothing while one runs (the other sources fail slowly here). */
  const refresh = async (page: FirefoxPage) => {
    await page.waitForSelector('[data-testid="refresh-now"]:not([aria-disabled="true"])', { timeout: 60_000 });
    await page.click(testId('refresh-now'));
  };

  test('subscribed, checked again (a newer list, a failing host) and unsubscribed in one page: the other shows each, and keeps its focus in the section', async () => {
    const first = await openOptions();
    const second = await openOptions();

    await first.bringToFront();
    await first.type(testId('list-url'), LIST_URL);
    await first.type(testId('list-signer'), ANVIL_SIGNER_0);
    // A real click: Firefox grants an access only during one.
    await first.click(testId('list-add'));
    await first.waitForSelector('[data-testid="subscription"][data-health="ok"]', { timeout: 20_000 });
    await expect.poll(() => health(second)).toBe('ok');
    expect(await line(second)).toContain('Using “E2E test list” number 2');
    expect(await second.$(testId('lists-empty'))).toBeNull();

    // The first page's "Refresh now" checks the list again: a newer number, then a host that fails.
    answer = { status: 200, type: 'application/json', body: await list(3) };
    await refresh(first);
    await expect.poll(() => line(second)).toContain('Using “E2E test list” number 3');
    answer = { status: 500, type: 'text/plain', body: 'Internal Server Error' };
    await refresh(first);
    await expect.poll(() => health(second)).toBe('failing');
    expect(await line(second)).toMatch(/failed.*500/);

    // The second page's focus on the list's own button: the list goes in the first page, the focus
    // goes to the section's title (not the page, not another list's button) and no removal is said there.
    await second.bringToFront();
    await second.focus('[data-testid="subscription"] button[data-remove]');
    await first.bringToFront();
    await first.click('[data-testid="subscription"] button[data-remove]');
    await first.waitForSelector(testId('lists-empty'));
    await second.waitForSelector(testId('lists-empty'));
    expect(await second.$(testId('subscription'))).toBeNull();
    await expect.poll(() => focused(second)).toBe('lists-title');
    expect(await second.$eval(testId('lists-removed'), (status) => status.textContent)).toBe('');
    await second.bringToFront();
    expect(await axeProblemsInFirefox(second, '[data-testid="warning-lists"]')).toEqual([]);

    await Promise.all([first.close(), second.close()]);
    // Three checks of the list, each after the slow failing sources' check before it, and two pages on two cores.
  }, 180_000);
});
