import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { activeTabId, fakeExchangeHtml, launchChromium, routeSite, type ChromiumExtension } from './harness';

/**
 * Dates and lists in the user's chosen language on the surfaces the user reads: the card's
 * proof-of-reserves line and the lookalike page's official domains (audit A, defects 5 and 11).
 */
describe('dates and lists in the chosen language, in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function choose(language: string) {
    await options.getByTestId(`language-${language}`).check();
    await options.waitForFunction((expected) => document.documentElement.lang === expected, language.replace('_', '-'));
  }

  async function officialDomains(): Promise<string> {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://blnance.com/en/login')}`);
      return (await page.getByTestId('warning-official').textContent()) ?? '';
    } finally {
      await page.close();
    }
  }

  async function porLine(): Promise<string> {
    const site = await browser.context.newPage();
    await site.goto('https://www.binance.com/');
    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    try {
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      await popup.getByTestId('exchange-card').waitFor();
      await popup.getByTestId('card-details-toggle').click();
      return (await popup.getByTestId('card-por').textContent()) ?? '';
    } finally {
      await popup.close();
      await site.close();
    }
  }

  test('Chinese: the official domains joined with 、, the snapshot date written the Chinese way', async () => {
    await choose('zh_CN');
    expect(await officialDomains()).toMatch(/^Binance 的官方域名：binance\.com、binance\.me、[^,]+。$/);
    expect(await porLine()).toBe('涵盖客户余额的密码学证明（zk 证明），快照 2026年4月1日');
  });

  test('German: the snapshot date as Germans write it, and the list with its "und"', async () => {
    await choose('de');
    expect(await porLine()).toBe('Kryptografischer Nachweis aller Kundenguthaben (zk-Beweis), Snapshot 01.04.2026');
    expect(await officialDomains()).toMatch(/^Offizielle Domains von Binance: binance\.com, binance\.me, .+ und [a-z.]+\.$/);
  });
});
