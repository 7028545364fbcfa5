import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { compareWorstFirst, type RiskGrade, type RiskLevel } from '../../lib/risk/order';
import { activeTabId, fakeExchangeHtml, firefoxBuild, launchChromium, layoutProblems, requireFile, routeSite, screenshotPath, shadowUi, type ChromiumExtension } from './harness';

/**
 * The popup and the withdrawal guide on a phone-sized screen (360 px wide, as Firefox for Android
 * opens them) and the popup at its desktop width, in Chromium with the built extension: no
 * sideways scrolling, nothing reaching past the edge, no placeholder or chosen option cut off.
 */

const NARROW = { width: 360, height: 640 };
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe('narrow screens in Chromium', () => {
  let browser: ChromiumExtension;
  let tabId: number;
  const popupFor = (page: Page, tab: number) => page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tab}`);

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await shadowUi(page).waitFor('pill-toggle');
    tabId = await activeTabId(browser.worker);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the popup keeps its 380 px in a desktop browser, and there its search field shows its whole placeholder', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popupFor(popup, 999_999);
    await popup.getByTestId('exchange-row').first().waitFor();
    // A desktop browser sizes its popup to the page's narrowest possible width (its min-content width).
    const desktopWidth = await popup.evaluate(() => {
      const html = document.documentElement;
      html.style.width = 'min-content';
      const width = html.getBoundingClientRect().width;
      html.style.width = '';
      return width;
    });
    expect(desktopWidth).toBe(380);
    expect(await layoutProblems(popup)).toEqual([]);
    await popup.close();
  });

  test('the popup at 360 px: the list, a row opened, the tab’s card and its share panel, nothing cut off', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize(NARROW);
    await popupFor(popup, 999_999);
    await popup.getByTestId('exchange-row').first().waitFor();
    expect(await layoutProblems(popup), 'list').toEqual([]);
    await popup.getByTestId('sort').selectOption('own-token');
    expect(await layoutProblems(popup), 'sorted by own-token share').toEqual([]);
    await popup.getByTestId('exchange-row').filter({ hasText: 'Binance' }).first().getByRole('button').click();
    await popup.locator('.list__card [data-testid="exchange-card"]').waitFor();
    expect(await layoutProblems(popup), 'a row opened').toEqual([]);
    await popup.screenshot({ path: screenshotPath('popup-narrow.png'), fullPage: true });

    await popupFor(popup, tabId);
    await popup.getByTestId('exchange-card').waitFor();
    expect(await layoutProblems(popup), 'card').toEqual([]);
    await popup.getByTestId('share-toggle').click();
    await popup.getByTestId('share-download').waitFor();
    expect(await layoutProblems(popup), 'share panel').toEqual([]);
    await popup.close();
  });

  test('the popup’s “Sort by level” is worst first: danger, caution, unknown, ok; then grade and name (docs/risk-model.md, Sorting)', async () => {
    const popup = await browser.context.newPage();
    await popupFor(popup, 999_999);
    await popup.getByTestId('exchange-row').first().waitFor();
    const shown = () =>
      popup.getByTestId('exchange-row').evaluateAll((rows) =>
        rows.map((row) => {
          const chip = row.querySelector<HTMLElement>('[data-testid="level-chip"]');
          return {
            name: row.querySelector('.list__name')?.textContent ?? '',
            level: chip?.dataset.level,
            incomplete: chip?.dataset.incomplete === 'true',
            grade: chip?.querySelector('.chip__grade')?.textContent,
          };
        }),
      );
    const worstFirst = (rows: Awaited<ReturnType<typeof shown>>) =>
      [...rows].sort(
        (a, b) =>
          compareWorstFirst({ ...a, level: a.level as RiskLevel, grade: a.grade as RiskGrade }, { ...b, level: b.level as RiskLevel, grade: b.grade as RiskGrade }) ||
          a.name.localeCompare(b.name, 'en'),
      );
    const rows = await shown();
    expect(rows.length).toBeGreaterThanOrEqual(55);
    expect(rows.map((row) => row.name)).toEqual(worstFirst(rows).map((row) => row.name));
    expect([...new Set(rows.map((row) => row.level))]).toEqual(['danger', 'caution', 'unknown']);
    // Another order and back again.
    await popup.getByTestId('sort').selectOption('coverage');
    await popup.getByTestId('sort').selectOption('level');
    expect((await shown()).map((row) => row.name)).toEqual(rows.map((row) => row.name));
    await popup.close();
  });

  test('the withdrawal guide at 360 px: every step, nothing cut off', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize(NARROW);
    await page.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=kraken`);
    await page.getByTestId('step-route').waitFor();
    expect(await layoutProblems(page), 'route').toEqual([]);
    // The longest network name there is.
    await page.getByLabel('Network', { exact: true }).selectOption('avalanche-c');
    await page.getByLabel('Coin or token (ticker)').fill('USDC');
    expect(await layoutProblems(page), 'route, Avalanche chosen').toEqual([]);
    await page.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await page.getByTestId('step-next').click();
    await page.getByTestId('wallet-hardware').check();
    expect(await layoutProblems(page), 'wallet').toEqual([]);
    await page.getByTestId('goto-address').click();
    await page.getByTestId('address-input').fill(WALLET);
    await page.getByTestId('address-groups').waitFor();
    expect(await layoutProblems(page), 'address').toEqual([]);
    await page.screenshot({ path: screenshotPath('guide-narrow.png'), fullPage: true });
    for (const step of ['address-book', 'test-transaction', 'arrival']) {
      await page.getByTestId(`goto-${step}`).click();
      await page.getByTestId(`step-${step}`).waitFor();
      expect(await layoutProblems(page), step).toEqual([]);
    }
    await page.close();
  });
});

test('the Firefox build declares Firefox for Android beside desktop Firefox', () => {
  const manifestPath = join(firefoxBuild, 'manifest.json');
  requireFile(manifestPath, 'The Firefox build', 'Run: npm run build:firefox');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: Record<string, unknown> };
  expect(Object.keys(manifest.browser_specific_settings ?? {}).sort()).toEqual(['gecko', 'gecko_android']);
});
