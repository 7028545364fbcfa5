import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromeBuild, fakeExchangeHtml, launchChromium, routeSite, type ChromiumExtension } from './harness';

/**
 * Earlier releases asked for the access to all sites for lookalike protection; this one asks for `tabs`, and lists the access
 * to all sites only as an optional host permission. Chromium drops a grant the new manifest no longer lists, and keeps one it
 * still lists: a user who granted the old access and updates keeps protection, and the access shows tab addresses as `tabs`
 * does. Turning protection off gives it back. (legacy-access.e2e.ts is the same in Firefox.)
 *
 * Headless Chromium cannot answer the permission prompt the old switch showed, so the earlier release here holds the access
 * from its install (its manifest requires it), and the update is the one welcome.e2e.ts makes: the same folder loaded again
 * with the new files (`Extensions.loadUnpacked`). A user's case differs on both counts: the old switch granted an optional
 * permission at runtime, and the store updates a packed extension. Chromium keeps a runtime grant apart from an install-time
 * one (its runtime-granted permissions), so that such a grant survives the update the same way is assumed here, not shown.
 */

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  permissions: { contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean> };
  runtime: { getManifest(): { version: string } };
};

const PHISH = 'https://binance-login.com/en/login';
const ALL_SITES = '*://*/*';

describe('Chromium: protection granted the access to all sites by an earlier release, then updated', () => {
  let browser: ChromiumExtension;
  const folder = mkdtempSync(join(tmpdir(), 'radar-legacy-chromium-'));
  const manifest = JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as {
    version: string;
    host_permissions: string[];
    optional_permissions?: string[];
    optional_host_permissions?: string[];
  };

  beforeAll(async () => {
    cpSync(chromeBuild, folder, { recursive: true });
    // The earlier release: a lower version, no `tabs` to ask for, and the access to all sites held.
    const earlier = {
      ...manifest,
      version: '0.0.1',
      host_permissions: [...manifest.host_permissions, ALL_SITES],
      optional_permissions: (manifest.optional_permissions ?? []).filter((permission) => permission !== 'tabs'),
      optional_host_permissions: [],
    };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(earlier));
    browser = await launchChromium({ extensionDir: folder, args: ['--enable-unsafe-extension-debugging'] });
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('protection stays on through the update, a lookalike still gets the warning, and turning it off gives the access back', async () => {
    expect(await browser.worker.evaluate((origins) => chrome.permissions.contains({ origins }), [ALL_SITES])).toBe(true);
    await browser.worker.evaluate(() => chrome.storage.local.set({ settings: { lookalikeProtection: true } }));

    // The update: this release's files in the same folder, loaded again.
    cpSync(chromeBuild, folder, { recursive: true });
    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as never, { path: folder } as never);
    await cdp.detach();
    // Each question goes to the extension's newest worker, asked again if that worker restarts under it (welcome.e2e.ts).
    const ask =
      <T>(question: (worker: Worker) => Promise<T>) =>
      async (): Promise<T | undefined> => {
        const worker = browser.context
          .serviceWorkers()
          .filter((candidate) => new URL(candidate.url()).host === browser.extensionId)
          .at(-1);
        if (worker === undefined) return undefined;
        try {
          return await question(worker);
        } catch (error) {
          if (/Service worker restarted|has been closed|Target closed|context was destroyed/i.test(String(error))) return undefined;
          throw error;
        }
      };
    await expect
      .poll(
        ask((worker) => worker.evaluate(() => chrome.runtime.getManifest().version)),
        { timeout: 20_000 },
      )
      .toBe(manifest.version);
    const holds = (asked: { origins?: string[]; permissions?: string[] }) => ask((worker) => worker.evaluate((permissions) => chrome.permissions.contains(permissions), asked))();
    expect(await holds({ origins: [ALL_SITES] })).toBe(true);
    expect(await holds({ permissions: ['tabs'] })).toBe(false);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const box = options.getByTestId('lookalike-protection');
    await box.waitFor();
    await expect.poll(() => box.isChecked()).toBe(true);

    const page = await browser.context.newPage();
    await page.goto(PHISH).catch(() => undefined);
    await expect.poll(() => page.url()).toBe(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(PHISH)}`);
    await page.close();

    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    await expect.poll(() => holds({ origins: [ALL_SITES] })).toBe(false);
    await options.close();
  });
});
