/**
 * Settings changed from two places at the same moment, in Chromium with the built extension: the
 * options page stores a nudge policy while the service worker stores a snooze the exchange page
 * asked for. Each reads the settings and writes them back whole, so without one turn across both
 * (utils/in-turn.ts, a Web Lock of the extension's origin) the later write drops the other's change.
 * Many rounds, each fired at one agreed instant in both places with the page a little earlier or
 * later each time, and after every round both changes are in storage.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, isolatedWorld, launchChromium, routeSite, type ChromiumExtension } from './harness';

declare const chrome: { storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } } };

interface StoredSettings {
  nudgePolicy?: string;
  snoozes?: Record<string, { until: string; endsAt?: number }>;
}

const ROUNDS = 40;

describe('settings changed by the options page and the service worker at once', () => {
  let browser: ChromiumExtension;
  let options: Page;
  let exchange: { cdp: CDPSession; contextId: number };

  const stored = async (): Promise<StoredSettings> => ((await browser.worker.evaluate(() => chrome.storage.local.get(['settings']))).settings ?? {}) as StoredSettings;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance'));
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill'));
    exchange = await isolatedWorld(page, browser.extensionId);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('input[name="nudgePolicy"][value="daily"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('every round keeps both the page’s policy and the worker’s snooze', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const policy = round % 2 === 0 ? 'off' : 'daily';
      // One instant both sides wait for (the same clock), the page shifted by -3…+3 ms so the two writes meet at every offset.
      const at = Date.now() + 150;
      const pageAt = at + ((round % 7) - 3);
      const snooze = { until: 'time', endsAt: 2_000_000_000_000 + round };
      const fromExchange = exchange.cdp.send('Runtime.evaluate', {
        contextId: exchange.contextId,
        // What the pill's "snooze" sends (entrypoints/exchange.content/index.tsx), asked at `at`.
        expression: `new Promise((resolve) => setTimeout(resolve, ${at} - Date.now() - 2)).then(() => { while (Date.now() < ${at}); return chrome.runtime.sendMessage(${JSON.stringify({ type: 'nudge-snooze', exchangeId: 'binance', snooze })}); }).then(() => 'sent')`,
        awaitPromise: true,
        returnByValue: true,
      });
      const fromOptions = options.evaluate(
        async ({ value, when }) => {
          await new Promise((resolve) => setTimeout(resolve, when - Date.now() - 2));
          while (Date.now() < when);
          // The user's click on the radio: the page stores { nudgePolicy } (components/Options.tsx).
          document.querySelector<HTMLInputElement>(`input[name="nudgePolicy"][value="${value}"]`)?.click();
        },
        { value: policy, when: pageAt },
      );
      const [sent] = await Promise.all([fromExchange, fromOptions]);
      expect(sent.result.value).toBe('sent');
      // Both writes are done once both are seen; a dropped one is never seen, and the poll fails.
      await expect
        .poll(async () => {
          const settings = await stored();
          return { round, nudgePolicy: settings.nudgePolicy, endsAt: settings.snoozes?.binance?.endsAt };
        })
        .toEqual({ round, nudgePolicy: policy, endsAt: snooze.endsAt });
    }
  });
});
