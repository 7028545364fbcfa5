import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeProblems, fakeExchangeHtml, launchChromium, layoutProblems, routeSite, shadowUi, textContrast, type ChromiumExtension } from './harness';

describe('lookalike warning and extension reload in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
    await routeSite(browser.context, 'https://www.bybit.com', fakeExchangeHtml('Bybit — stand-in'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the full-page warning names the imitated exchange, links to the real one, and lets the user continue', async () => {
    const target = 'https://binance-login.com/en/login';
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(target)}`);
    const warning = page.getByTestId('lookalike-warning');
    await warning.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Binance');
    expect(await page.getByTestId('warning-host').textContent()).toBe('binance-login.com');
    expect(await page.getByTestId('go-real').getAttribute('href')).toBe('https://binance.com/');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page), colorScheme).toEqual([]);
      // The way out is the page's main button: its words must read in both themes.
      for (const testId of ['go-real', 'continue-anyway']) expect((await textContrast(page.getByTestId(testId))).ratio, `${testId}, ${colorScheme}`).toBeGreaterThanOrEqual(4.5);
      // The page's own box, not the card's community-warning box (a narrow grey strip with a coloured edge).
      expect(await warning.evaluate((section) => getComputedStyle(section).borderLeftWidth), colorScheme).toBe('0px');
    }
    await page.emulateMedia({ colorScheme: 'light' });
    // The page's own text size, not Chrome's smaller default for extension pages; and a phone's width.
    expect(
      await page
        .getByTestId('warning-host')
        .locator('xpath=following-sibling::p[1]')
        .evaluate((p) => getComputedStyle(p).fontSize),
    ).toBe('14px');
    await page.setViewportSize({ width: 360, height: 640 });
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByTestId('continue-anyway').click();
    await page.waitForURL(target);
    expect(await page.title()).toContain('phishing stand-in');
    await page.close();
  });

  test('a URL that is not a lookalike gets no warning and no way through', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://www.example.org/')}`);
    await page.getByText('Not an exchange').waitFor();
    expect(await page.getByTestId('continue-anyway').count()).toBe(0);
    await page.close();
  });

  test('when the extension reloads, the old pill leaves the page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.bybit.com/');
    await shadowUi(page).waitFor('pill-toggle');
    await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null, null, { timeout: 20_000 });
    expect(await page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length)).toBe(0);
    await page.close();
  });
});
