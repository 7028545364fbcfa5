import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeProblems, chromeBuild, launchChromium, root, selfSignedCertificate, type ChromiumExtension } from './harness';

/**
 * The hosts the manifest requires (the feed, DefiLlama, the ECB) outlive a reset and "Delete everything".
 * Chromium answers the removal of the access to all sites by withholding every required host that
 * pattern covers, even when the pattern was never granted, and those fetches then fail or go out as CORS
 * requests; so the extension gives the access to all sites back only when the browser holds it. When the
 * hosts are withheld all the same (a granted access given back, the browser's site-access menu), the options
 * page says so, the failures say it is our access, and the sources are asked again as soon as it comes back.
 */

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  permissions: { contains(permissions: object): Promise<boolean>; getAll(): Promise<{ origins?: string[] }>; remove(permissions: object): Promise<boolean> };
  developerPrivate: { addHostPermission(extensionId: string, host: string): Promise<void> };
};

const required: string[] = (JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions;

const NOTICE =
  "Your browser has taken away Reserve Radar's access to the sites it reads reserves and exchange rates from (its data feed, DefiLlama and the European Central Bank), so the figures below may fail to refresh. Chrome does this when an extension gives up its access to all sites, or when its site access is limited.";

function helpers(browser: () => ChromiumExtension) {
  const url = (path: string) => `chrome-extension://${browser().extensionId}/${path}`;
  return {
    url,
    held: () => browser().worker.evaluate((origins) => chrome.permissions.contains({ origins }), required),
    heldOrigins: async () => (await browser().worker.evaluate(() => chrome.permissions.getAll())).origins ?? [],
    /** What a granted access to all sites given back does; Chromium grants it only through its prompt, which a test cannot answer. */
    withhold: (page: Page) => page.evaluate(() => chrome.permissions.remove({ origins: ['*://*/*'] })),
    /** The user allowing the sites again in the browser's own extension settings, one site at a time, as that page does. */
    async regrant() {
      const extensions = await browser().context.newPage();
      await extensions.goto('chrome://extensions');
      for (const host of required) await extensions.evaluate(([id, origin]) => chrome.developerPrivate.addHostPermission(id, origin), [browser().extensionId, host] as const);
      await extensions.close();
    },
    /** Whether the first draw of the options page held the notice, and as what: recorded before any effect runs. */
    async firstDraw(page: Page) {
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const app = document.getElementById('app');
          if (app === null || app.childElementCount === 0) return;
          const notice = app.querySelector('[data-testid="hosts-withheld"]');
          (window as unknown as { firstDraw: object }).firstDraw = { notice: notice !== null, alert: notice?.closest('[role="alert"]') != null };
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url('options.html'));
      await page.getByTestId('sources').or(page.getByTestId('sources-failed')).first().waitFor();
      return page.evaluate(() => (window as unknown as { firstDraw?: { notice: boolean; alert: boolean } }).firstDraw);
    },
  };
}

describe('Chromium: the required hosts stay held', () => {
  let browser: ChromiumExtension;
  const { url, held, heldOrigins, withhold, regrant, firstDraw } = helpers(() => browser);

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the manifest requires hosts, and the fresh install holds them all', async () => {
    expect(required.length).toBeGreaterThan(0);
    expect(await held()).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
  });

  test('reset, the access to all sites never granted: every required host is still held, and no notice', async () => {
    // Each test starts from hosts held; a failure here points at the test before.
    expect(await held()).toBe(true);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe('Reset done.');
    expect(await held()).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
    // Read before the first draw: a page drawn with the hosts held has no notice, then or later.
    expect(await firstDraw(options)).toEqual({ notice: false, alert: false });
    await options.close();
  });

  test('delete everything, the access to all sites never granted: every required host is still held', async () => {
    expect(await held()).toBe(true);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toBe('Everything was deleted.');
    expect(await held()).toBe(true);
    expect(await heldOrigins()).toEqual(expect.arrayContaining(required));
    expect(await firstDraw(options)).toEqual({ notice: false, alert: false });
    await options.close();
  });

  test('the hosts withheld: the options page says so, in its first draw and without an alert, the done messages point to it, and it goes when the access comes back', async () => {
    expect(await held()).toBe(true);
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await options.getByTestId('sources').or(options.getByTestId('sources-failed')).first().waitFor();
    await withhold(options);
    expect(await held()).toBe(false);
    const notice = options.getByTestId('hosts-withheld');
    // Shown live, in the status region that was in the page before it.
    await expect.poll(() => notice.count()).toBe(1);
    await expect.poll(() => notice.locator('p').first().textContent()).toBe(NOTICE);
    await expect.poll(() => notice.getByRole('button', { name: 'Allow access again' }).isVisible()).toBe(true);
    await expect.poll(() => options.getByTestId('hosts-status').getAttribute('role')).toBe('status');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await axeProblems(options, '[data-testid="hosts-status"]'), colorScheme).toEqual([]);
    }
    // "Reset done" and "Everything was deleted", far below the notice, point to it.
    const see = "Your browser now withholds Reserve Radar's access to its data sites: see Data sources.";
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe(`Reset done. ${see}`);
    await expect.poll(() => options.getByTestId('hosts-withheld-link').first().getAttribute('href')).toBe('#sources-title');
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toBe(`Everything was deleted. ${see}`);
    // A fresh load draws it at once, with no alert read over the page's title.
    const reloaded = await browser.context.newPage();
    expect(await firstDraw(reloaded)).toEqual({ notice: true, alert: false });
    await regrant();
    expect(await held()).toBe(true);
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => reloaded.getByTestId('hosts-withheld').count()).toBe(0);
    await Promise.all([options.close(), reloaded.close()]);
  });
});

describe('Chromium: a data host withheld, against a real HTTPS server', () => {
  // Playwright's routes answer before the browser's CORS check, so the withheld host is a real server here.
  let browser: ChromiumExtension;
  let server: Server;
  const seen: string[] = [];
  /** Whether /cexs is answered; refused (404) until the test has seen the source fail. */
  let serving = false;
  const { url, held, withhold, regrant } = helpers(() => browser);
  const cexs = readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8');

  beforeAll(async () => {
    // As DefiLlama answers /cexs, without CORS headers: only the host permission lets an extension read it.
    server = createServer(selfSignedCertificate(['api.llama.fi']), (request, response) => {
      seen.push(request.url ?? '');
      if (request.url === '/cexs' && serving) response.writeHead(200, { 'content-type': 'application/json' }).end(cexs);
      else response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    browser = await launchChromium({ args: [`--host-resolver-rules=MAP api.llama.fi 127.0.0.1:${port}`, '--ignore-certificate-errors'] });
    // Nothing else leaves the machine: every other address is refused, as the harness does.
    await browser.context.unrouteAll();
    await browser.context.route(
      (address) => /^https?:$/.test(address.protocol) && address.hostname !== 'api.llama.fi',
      (route) => route.abort('internetdisconnected'),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });

  const row = (options: Page) => options.locator('[data-testid="source-row"][data-source="cexs"]');
  const storedStatus = () => browser.worker.evaluate(async () => ((await chrome.storage.local.get('sources')).sources as Record<string, { status: string }> | undefined)?.cexs?.status);

  test('a failure while withheld says it is our access, not the host; the access given back asks again at once', async () => {
    // The install's first scheduled round has asked /cexs (refused); the next one is minutes away.
    await expect.poll(storedStatus, { timeout: 30_000 }).toBe('failing');
    const options = await browser.context.newPage();
    await options.goto(url('options.html'));
    await withhold(options);
    expect(await held()).toBe(false);
    const asked = seen.length;
    await options.getByTestId('refresh-now').click();
    await expect.poll(() => row(options).textContent()).toContain('Reserve Radar has no access to api.llama.fi (the browser took it away; see Data sources)');
    await expect.poll(() => row(options).textContent()).not.toContain('could not reach');
    await expect.poll(() => row(options).getAttribute('data-status')).toBe('failing');
    // The request did leave and the server answered: the browser kept the answer from us.
    expect(seen.slice(asked)).toContain('/cexs');

    // Given back in the browser's settings, not by our button and without "Refresh now": the sources are asked again.
    serving = true;
    await regrant();
    await expect.poll(storedStatus, { timeout: 30_000 }).toBe('fresh');
    await expect
      .poll(async () => {
        await options.reload();
        return row(options).getAttribute('data-status');
      })
      .toBe('fresh');
    await options.close();
  });
});
