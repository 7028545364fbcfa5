import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { contextIdOf, fakeExchangeHtml, firefoxBuild, firefoxOrigin, launchFirefox, startHttpsSite, type FirefoxExtension } from './harness';

/**
 * Earlier releases asked for the access to all sites for lookalike protection; this one asks
 * for `tabs`. A user who granted the old access and updates keeps protection: Firefox keeps the grant over
 * the update, and it shows tab addresses as `tabs` does. Turning protection off gives it back.
 */

declare const browser: { permissions: { contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean> } };

const HOSTS = ['blnance.com'];
const PHISH = 'https://blnance.com/en/login';
const testId = (id: string) => `[data-testid="${id}"]`;

describe('Firefox: protection granted the access to all sites by an earlier release, then updated', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  const dir = mkdtempSync(join(tmpdir(), 'radar-legacy-'));
  // The earlier release's permissions: this build with the optional access to all sites it asked for.
  const earlier = join(dir, 'earlier');
  // This build, opening its options page after the update: Firefox closes our pages on an update, and WebDriver
  // BiDi cannot open an extension page itself.
  const current = join(dir, 'current');

  beforeAll(async () => {
    cpSync(firefoxBuild, earlier, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(earlier, 'manifest.json'), 'utf8')) as { optional_permissions?: string[] };
    writeFileSync(join(earlier, 'manifest.json'), JSON.stringify({ ...manifest, optional_permissions: ['*://*/*', 'notifications'] }));
    cpSync(firefoxBuild, current, { recursive: true });
    appendFileSync(join(current, 'background.js'), '\n;browser.tabs.create({ url: browser.runtime.getURL("/options.html") });\n');
    site = await startHttpsSite(HOSTS, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml('Binance Login (phishing stand-in)'));
    });
    firefox = await launchFirefox({ hosts: HOSTS, prefs: { 'extensions.webextOptionalPermissionPrompts': false }, build: earlier });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The tab at `url` once the browser has it. */
  async function pageAt(url: string): Promise<Page> {
    let found: Page | undefined;
    await expect
      .poll(async () => {
        const { result } = await firefox.connection.send('browsingContext.getTree', { maxDepth: 0 });
        const context = (result.contexts as { context: string; url: string }[]).find((candidate) => candidate.url === url)?.context;
        found = (await firefox.browser.pages()).find((page) => contextIdOf(page) === context);
        return found !== undefined;
      })
      .toBe(true);
    return found as Page;
  }

  test('protection stays on through the update, a lookalike still gets the warning, and turning it off gives the access back', async () => {
    // What the earlier release's switch did: the access to all sites at a click, then the setting.
    await firefox.inExtension(
      `(() => { const button = document.createElement('button'); button.id = 'grant-all-sites'; button.textContent = 'Allow'; button.style = 'position:fixed;top:0;left:0;z-index:9;width:200px;height:50px'; button.onclick = () => browser.permissions.request({ origins: ['*://*/*'] }); document.body.prepend(button); return true; })()`,
    );
    await firefox.welcome.click('#grant-all-sites');
    await expect.poll(() => firefox.inExtension<boolean>("browser.permissions.contains({ origins: ['*://*/*'] })")).toBe(true);
    await firefox.inExtension("browser.storage.local.get('settings').then(({ settings }) => browser.storage.local.set({ settings: { ...settings, lookalikeProtection: true } }))");

    await firefox.browser.installExtension(current);
    const options = await pageAt(`${firefoxOrigin}/options.html`);
    const holds = (asked: { origins?: string[]; permissions?: string[] }) => options.evaluate((permissions) => browser.permissions.contains(permissions), asked);
    expect(await holds({ origins: ['*://*/*'] })).toBe(true);
    expect(await holds({ permissions: ['tabs'] })).toBe(false);
    const checked = () => options.$eval(testId('lookalike-protection'), (box) => (box as HTMLInputElement).checked);
    await expect.poll(checked).toBe(true);

    const page = await firefox.browser.newPage();
    void page.goto(PHISH).catch(() => undefined);
    const warning = `${firefoxOrigin}/warning.html?url=${encodeURIComponent(PHISH)}`;
    await expect.poll(() => page.evaluate(() => location.href).catch(() => '')).toBe(warning);
    await page.close();

    await options.click(testId('lookalike-protection'));
    await expect.poll(checked).toBe(false);
    await expect.poll(() => holds({ origins: ['*://*/*'] })).toBe(false);
    await options.close();
  });
});
