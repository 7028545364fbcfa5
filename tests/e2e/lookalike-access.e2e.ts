import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { axeProblems, fakeExchangeHtml, launchChromium, launchFirefox, routeSite, startHttpsSite, tabsGrantedChromeBuild, type ChromiumExtension, type FirefoxExtension, until } from './harness';

/**
 * Lookalike protection as it really stands: the setting and the browser's access to tab addresses
 * (`tabs`) together; the sites the user chose to open anyway, listed where they can be undone; and a
 * reset that gives the access back.
 */

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  permissions: { contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean> };
};

const PHISH = 'https://binance-login.com/en/login';

describe('Chromium: lookalike protection, the sites opened anyway, and reset', () => {
  let browser: ChromiumExtension;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the setting on without the access to tab addresses (taken away in the browser, or an imported settings file): options says off, as the welcome page does', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('lookalike-protection').waitFor();
    await options.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), lookalikeProtection: true } });
    });
    await options.reload();
    await options.getByTestId('lookalike-protection').waitFor();
    await expect.poll(() => options.getByTestId('lookalike-protection').isChecked()).toBe(false);
    const welcome = await browser.context.newPage();
    await welcome.goto(url('welcome.html'));
    await expect.poll(() => welcome.getByTestId('welcome-protection').getAttribute('data-state')).toBe('off');
    await Promise.all([options.close(), welcome.close()]);
  });

  test('"continue anyway" says beside the button that only this warning page is skipped for the site, and where to undo it; options lists it, and Remove undoes it', async () => {
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await expect.poll(() => options.getByTestId('allowed-empty').textContent()).toBe('No site is exempt from the warning page.');

    const warning = await browser.context.newPage();
    await warning.goto(url(`warning.html?url=${encodeURIComponent(PHISH)}`));
    const cont = warning.getByTestId('continue-anyway');
    await cont.waitFor();
    const note = warning.getByTestId('continue-note');
    await expect
      .poll(() => note.textContent())
      .toBe(
        "If you continue, Reserve Radar will no longer show this warning page before binance-login.com; its toolbar icon and popup still warn about the site. You can undo this in Reserve Radar's options, under Lookalike protection.",
      );
    await expect.poll(() => cont.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    expect(await axeProblems(warning)).toEqual([]);
    await cont.click();
    await warning.waitForURL(PHISH);

    // The options page open meanwhile shows it without a reload.
    const remove = options.getByRole('button', { name: 'Remove binance-login.com: show the warning page for it again' });
    await remove.waitFor();
    await expect.poll(() => options.getByTestId('allowed-hosts').textContent()).toContain('binance-login.com');
    expect(await axeProblems(options, 'section[aria-labelledby="lookalike-title"]')).toEqual([]);
    await remove.focus();
    await options.keyboard.press('Enter');
    await options.getByTestId('allowed-empty').waitFor();
    // The focus goes to the sentence in the list's place, not to the page.
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('allowed-empty');
    expect((await browser.worker.evaluate(() => chrome.storage.local.get('allowedLookalikes'))).allowedLookalikes ?? []).toEqual([]);
    await Promise.all([options.close(), warning.close()]);
  });

  test('a removal that failed is said in the danger colour on the options page, as in the guide', async () => {
    for (const path of ['options.html', 'guide.html']) {
      const page = await browser.context.newPage();
      await page.goto(url(path));
      await page.locator('#app > *').first().waitFor();
      // The class RemovalStatus gives a failure, beside a probe coloured with the page's own danger colour.
      const [said, danger] = await page.evaluate(() => {
        const style = (element: HTMLElement) => [getComputedStyle(element).color, getComputedStyle(element).fontWeight];
        const failure = document.body.appendChild(Object.assign(document.createElement('p'), { className: 'removal-failed' }));
        const probe = document.body.appendChild(document.createElement('p'));
        probe.style.color = 'var(--danger)';
        probe.style.fontWeight = '600';
        return [style(failure), style(probe)];
      });
      expect(said, path).toEqual(danger);
      await page.close();
    }
  });

  test('reset forgets the sites opened anyway, and its words say so', async () => {
    const warning = await browser.context.newPage();
    await warning.goto(url(`warning.html?url=${encodeURIComponent(PHISH)}`));
    await warning.getByTestId('continue-anyway').click();
    await warning.waitForURL(PHISH);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('allowed-hosts').waitFor();
    const resetSection = options.locator('section[aria-labelledby="reset-title"]');
    await expect.poll(() => resetSection.textContent()).toContain('the sites you chose to open anyway');
    await expect.poll(() => resetSection.textContent()).toContain("withdraws Reserve Radar's permission to read the addresses of your open tabs");
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe('Reset done.');
    await options.getByTestId('allowed-empty').waitFor();
    expect((await browser.worker.evaluate(() => chrome.storage.local.get('allowedLookalikes'))).allowedLookalikes).toBeUndefined();
    await Promise.all([options.close(), warning.close()]);
  });
});

/**
 * Headless Chromium cannot answer the permission prompt, so this build has `tabs` granted at install
 * (`tabsGrantedChromeBuild`, as run-alert.e2e.ts does for notifications): `tabs` alone, no access to
 * any site, is enough for the background to see a lookalike tab's address and move it to the warning.
 */
describe('Chromium: with `tabs` and no access to all sites, a lookalike tab gets the warning page', () => {
  let browser: ChromiumExtension;
  const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

  beforeAll(async () => {
    browser = await launchChromium({ build: tabsGrantedChromeBuild });
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('turned on in options: the switch asks for `tabs` only, and the lookalike is swapped for the warning before it shows', async () => {
    const holds = (asked: { origins?: string[]; permissions?: string[] }) => browser.worker.evaluate((permissions) => chrome.permissions.contains(permissions), asked);
    expect(await holds({ permissions: ['tabs'] })).toBe(true);
    expect(await holds({ origins: ['*://*/*'] })).toBe(false);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    const box = options.getByTestId('lookalike-protection');
    await box.waitFor();
    await expect.poll(() => box.isChecked()).toBe(false);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await expect
      .poll(async () => ((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings as { lookalikeProtection?: boolean } | undefined)?.lookalikeProtection)
      .toBe(true);
    expect(await holds({ origins: ['*://*/*'] })).toBe(false);

    const page = await browser.context.newPage();
    await page.goto(PHISH).catch(() => undefined);
    await expect.poll(() => page.url()).toBe(url(`warning.html?url=${encodeURIComponent(PHISH)}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This site only looks like Binance');

    // Off again: the next visit opens the site itself.
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await page.goto(PHISH);
    await expect.poll(() => page.title()).toContain('phishing stand-in');
    expect(page.url()).toBe(PHISH);
    await Promise.all([options.close(), page.close()]);
  });
});

const HOSTS = ['binance-login.com'];
const testId = (id: string) => `[data-testid="${id}"]`;

/**
 * Firefox answers the permission request itself with prompts off (as the user's "Allow"), so here the
 * access is really granted through the options page, and really taken away.
 */
describe('Firefox: lookalike protection follows the access to tab addresses; reset gives it back', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  const tabAddresses = () => firefox.inExtension<boolean>("browser.permissions.contains({ permissions: ['tabs'] })");
  const stored = () => firefox.inExtension<{ settings?: { lookalikeProtection?: boolean }; allowedLookalikes?: string[] }>("browser.storage.local.get(['settings', 'allowedLookalikes'])");
  const checked = (page: FirefoxPage) => page.$eval(testId('lookalike-protection'), (box) => (box as HTMLInputElement).checked);

  beforeAll(async () => {
    site = await startHttpsSite(HOSTS, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml('Binance Login (phishing stand-in)'));
    });
    firefox = await launchFirefox({ hosts: HOSTS, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  test('turned on in options, then the access taken away outside the options page: the box unticks by itself and the setting turns off', async () => {
    const options = await firefox.openPage('/options.html');
    await options.waitForSelector(testId('lookalike-protection'));
    await expect.poll(() => checked(options)).toBe(false);
    await options.click(testId('lookalike-protection'));
    expect(await until(tabAddresses, true)).toBe(true);
    expect(await until(async () => (await stored()).settings?.lookalikeProtection, true)).toBe(true);
    await expect.poll(() => checked(options)).toBe(true);
    // The welcome page, open since the install, follows.
    const welcomeState = () => firefox.welcome.$eval(testId('welcome-protection'), (section) => section.getAttribute('data-state'));
    expect(await until(welcomeState, 'on')).toBe('on');

    // As Firefox's add-on manager takes it away: the same permission change, made by another page than this one.
    await firefox.inExtension("browser.permissions.remove({ permissions: ['tabs'] })");
    expect(await until(() => checked(options), false)).toBe(false);
    expect(await until(async () => (await stored()).settings?.lookalikeProtection, false)).toBe(false);
    expect(await until(welcomeState, 'off')).toBe('off');
    await options.close();
  });

  test('turned on, then off in options: the access to tab addresses goes back with it', async () => {
    const options = await firefox.openPage('/options.html');
    await options.waitForSelector(testId('lookalike-protection'));
    await expect.poll(() => checked(options)).toBe(false);
    await options.click(testId('lookalike-protection'));
    await expect.poll(tabAddresses, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => checked(options)).toBe(true);

    await options.click(testId('lookalike-protection'));
    await expect.poll(() => checked(options)).toBe(false);
    await expect.poll(tabAddresses, { timeout: 15_000 }).toBe(false);
    await expect.poll(async () => (await stored()).settings?.lookalikeProtection, { timeout: 15_000 }).toBe(false);
    await options.close();
  });

  test('reset gives back the access to tab addresses and forgets the sites opened anyway', async () => {
    const options = await firefox.openPage('/options.html');
    await options.waitForSelector(testId('lookalike-protection'));
    await options.click(testId('lookalike-protection'));
    expect(await until(tabAddresses, true)).toBe(true);
    const warning = await firefox.openPage(`/warning.html?url=${encodeURIComponent(PHISH)}`);
    await warning.waitForSelector(testId('continue-anyway'));
    await warning.click(testId('continue-anyway'));
    expect(await until(async () => (await stored()).allowedLookalikes?.join(), 'binance-login.com')).toBe('binance-login.com');
    await options.waitForSelector(testId('allowed-hosts'));

    await options.click(testId('reset'));
    await options.waitForSelector(testId('reset-confirm'));
    await options.click(testId('reset-confirm'));
    expect(await until(() => options.$eval(testId('options-notice'), (notice) => notice.textContent), 'Reset done.')).toBe('Reset done.');
    expect(await tabAddresses()).toBe(false);
    expect(await stored()).toEqual({});
    await options.waitForSelector(testId('allowed-empty'));
    await expect.poll(() => checked(options)).toBe(false);
    expect(warning.url()).toBe(PHISH);
    await Promise.all([options.close(), warning.close()]);
  });

  test('delete everything gives back the access to tab addresses as well: the settings that asked for it are gone', async () => {
    const options = await firefox.openPage('/options.html');
    await options.waitForSelector(testId('lookalike-protection'));
    await options.click(testId('lookalike-protection'));
    expect(await until(tabAddresses, true)).toBe(true);
    await expect.poll(() => options.$eval(testId('holdings-data'), (section) => section.textContent)).toContain("withdraws Reserve Radar's permission to read the addresses of your open tabs");

    await options.click(testId('delete-everything'));
    await options.waitForSelector(testId('delete-confirm'));
    await options.click(testId('delete-confirm'));
    await options.waitForSelector(testId('delete-done'));
    expect(await tabAddresses()).toBe(false);
    expect(await stored()).toEqual({});
    expect(await until(() => checked(options), false)).toBe(false);
    await options.close();
  });
});
