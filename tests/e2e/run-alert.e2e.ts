import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lowContrast } from './card-screen';
import { activeTabId, axeProblems, grantedChromeBuild, launchChromium, pillAxeProblems, screenshotPath, shadowUi, type ChromiumExtension } from './harness';
import { holdingsOnBinance, routeRunOnBinance } from './run-cexs';

const english = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const RUN_HEADING = english.runAlertTitle!.message;

/**
 * The run alert in real Chromium: a routed `/cexs` answer with a run on Binance, holdings
 * recorded on Binance, run notifications turned on. Headless Chromium cannot answer the optional
 * permission's prompt (a request from a user gesture waits forever), so this test uses the build
 * that grants `notifications` at install (`grantedChromeBuild`, made by `npm run build:test`);
 * the permission stays optional in every other build.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(keys: string | string[]): Promise<Record<string, unknown>> } };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getBadgeBackgroundColor(details: { tabId?: number }): Promise<number[]> };
};

describe('run alert in Chromium', () => {
  let browser: ChromiumExtension;
  const cexsRequests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    await routeRunOnBinance(browser, (url) => cexsRequests.push(url) > 0);
    // What the options page writes when the user records ETH on Binance and turns run notifications on.
    await browser.worker.evaluate((holdings) => chrome.storage.local.set({ holdings, settings: { runAlertNotifications: true } }), holdingsOnBinance());
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the routed run turns the toolbar badge red everywhere and sends one notification', async () => {
    await expect.poll(() => cexsRequests.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => browser.worker.evaluate(() => chrome.notifications.getAll().then(Object.keys)), { timeout: 30_000 }).toEqual(['run-alert:binance']);
    // The badge is drawn after the notification and the stored states: waited for, not read once.
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('!');
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeBackgroundColor({})), { timeout: 10_000 }).toEqual([179, 38, 30, 255]);
    const stored = (await browser.worker.evaluate(() => chrome.storage.local.get('runAlerts'))).runAlerts as Record<string, { phase: string; notifiedAt?: string }>;
    expect(stored.binance).toMatchObject({ phase: 'alert' });
    expect(stored.binance?.notifiedAt).toBeDefined();
  });

  test('on binance.com the pill leads with the alert, and its card opens on it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const pill = shadowUi(page);
    await pill.waitFor('pill-run');
    expect(await pill.text('pill-run')).toBe('Run alert: money is leaving Binance fast');
    expect(await pill.evaluate((root) => root.querySelector('[data-testid="nudge"]')?.firstElementChild?.getAttribute('data-testid') ?? null, undefined)).toBe('pill-run');
    expect(await pill.evaluate((root) => root.querySelector('.pill')?.className ?? null, undefined)).toContain('pill--danger');
    // The red pill's reason is in its name, for whoever reaches it by Tab after the alert line was read.
    expect(await pill.attribute('pill-toggle', 'aria-label')).toMatch(/^Reserve Radar: Binance, .*\. Run alert: money is leaving Binance fast$/);
    const tabId = await activeTabId(browser.worker);
    // The tab's badge is set beside the answer the pill was drawn from, not before it.
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 10_000 }).toBe('!');
    await page.screenshot({ path: screenshotPath('run-alert-pill.png') });
    await pill.click('pill-toggle');
    // On the exchange's own page the card offers the guide (Withdraw), never the snooze: a page must
    // not silence its own alert. The figures are in the popup, which the exchange-page script
    // leaves out to stay within its size budget.
    await pill.waitFor('withdraw');
    expect(await pill.has('run-snooze')).toBe(false);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await pillAxeProblems(page), colorScheme).toEqual([]);
      // The red pill and its card, measured from the computed colours as well: the alert must be readable.
      expect(await lowContrast(page), colorScheme).toEqual([]);
    }
    await page.close();
  });

  test('the popup says what happened with figures, source and age; one click opens the guide, one key press snoozes for a week and keeps the focus in the alert', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const block = popup.locator('[data-testid="run-alert"][data-exchange="binance"]');
    await block.waitFor();
    expect(await block.getByRole('heading').textContent()).toBe('Money is leaving Binance fast');
    const day = block.locator('[data-signal="outflow-24h"]');
    expect(await day.getAttribute('data-effect')).toBe('alert');
    expect(await day.textContent()).toMatch(/^\$\d+(\.\d+)?B left in the last 24 hours: 25% of the \$\d+(\.\d+)?B it held \(an alert from 15%\)\. \(api\.llama\.fi, (just now|\d+ minutes? ago)\)$/);
    expect(await day.getByRole('link').getAttribute('href')).toBe('https://api.llama.fi/cexs');
    expect(await axeProblems(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('run-alert-popup.png'), fullPage: true });

    const [guide] = await Promise.all([browser.context.waitForEvent('page'), block.getByTestId('run-open-guide').click()]);
    await guide.waitForLoadState();
    expect(guide.url()).toBe(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    // The guide asks the background for the same alert and leads with it, without the buttons that open the guide or snooze.
    const inGuide = guide.locator('[data-testid="run-alert"][data-exchange="binance"]');
    await inGuide.waitFor();
    expect(await inGuide.getByRole('heading').first().textContent()).toBe(RUN_HEADING.replace('$1', 'Binance'));
    expect(await inGuide.getByRole('button').count()).toBe(0);
    expect(await axeProblems(guide)).toEqual([]);
    await guide.close();

    // By keyboard: the button goes away, the focus stays in the alert on the line that says so, and
    // that line appears in a status that was already in the page (one inserted with its text is often not read out).
    const status = block.locator('[role="status"]');
    expect(await status.count()).toBe(1);
    expect(await status.textContent()).toBe('');
    await block.getByTestId('run-snooze').focus();
    await popup.keyboard.press('Enter');
    await block.getByTestId('run-snoozed').waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName)).toBe('run-snoozed');
    expect(await status.textContent()).toMatch(/^Alerts for this exchange are snoozed until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\.$/);
    expect(await block.getByTestId('run-snoozed').getAttribute('tabindex')).toBe('-1');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.closest('[data-exchange="binance"]') !== null)).toBe(true);
    expect(await axeProblems(popup)).toEqual([]);
    expect(await block.getAttribute('data-active')).toBe('false');
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
    await popup.close();
    await page.close();
  });
});
