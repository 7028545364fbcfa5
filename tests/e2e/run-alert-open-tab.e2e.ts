import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, grantedChromeBuild, inFirefoxPillRoot, launchChromium, launchFirefox, startHttpsSite, type ChromiumExtension, type FirefoxExtension } from './harness';
import { cexsWithRunOnBinance, holdingsOnBinance, openBinanceTab, routeRunOnBinance } from './run-cexs';

/**
 * A run alert that starts while the exchange's page is already open (real Chromium, built
 * extension): the routed `/cexs` answer with the run is held until binance.com is open and its
 * card is open and focused, then let through. Without a reload the open tab's pill shows the run
 * line in danger style, the tab's own badge turns "!" with the alert's tooltip, and the card the
 * user is reading keeps focus.
 */

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

describe('run alert reaching an open exchange tab in Chromium', () => {
  let browser: ChromiumExtension;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    await routeRunOnBinance(browser, () => gate.then(() => true));
    await browser.worker.evaluate((holdings) => chrome.storage.local.set({ holdings, settings: { runAlertNotifications: true } }), holdingsOnBinance());
  });
  afterAll(async () => {
    release();
    await browser?.close();
  });

  test('the pill, the tab badge and its tooltip show the alert without a reload; the open card keeps focus; a snooze calms them', async () => {
    const { page, pill, tabId, badge, title } = await openBinanceTab(browser);
    await expect.poll(badge).toBe('C?');
    expect(await pill.has('pill-run')).toBe(false);
    await pill.click('pill-toggle');
    await pill.waitFor('nudge-panel');
    const focusInPanel = () => pill.evaluate((root) => root.activeElement !== null && root.querySelector('[data-testid="nudge-panel"]')?.contains(root.activeElement) === true, undefined);
    expect(await focusInPanel()).toBe(true);

    release();
    await expect.poll(badge, { timeout: 40_000 }).toBe('!');
    // The badge's text and its tooltip are set by two calls: the tooltip may follow a moment later.
    await expect.poll(title).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    await pill.waitFor('pill-run');
    expect(await pill.text('pill-run')).toBe('Run alert: money is leaving Binance fast');
    expect(await pill.evaluate((root) => root.querySelector('.pill')?.className ?? null, undefined)).toContain('pill--danger');
    expect(await pill.text('pill-grade')).toBe('D');
    // Drawn over, not drawn anew: the card stays open and the user's focus stays in it.
    expect(await pill.has('nudge-panel')).toBe(true);
    expect(await focusInPanel()).toBe(true);
    expect(await pill.evaluate((root) => root.querySelectorAll('[role="alert"]').length, undefined)).toBe(1);

    // Snoozed in the popup: the open tab's pill drops the run line and its badge the "!", still without a reload.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('[data-testid="run-alert"][data-exchange="binance"]').getByTestId('run-snooze').click();
    await expect.poll(badge).not.toBe('!');
    await popup.close();
    await pill.waitFor('pill-run', { state: 'detached' });
    expect(await pill.evaluate((root) => root.querySelector('.pill')?.className ?? null, undefined)).not.toContain('pill--danger');
    await page.close();
  });
});

describe('run alert reaching an open exchange tab in Firefox', () => {
  const HOSTS = ['www.binance.com', 'api.llama.fi', 'coins.llama.fi'];
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>> | undefined;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    const body = cexsWithRunOnBinance();
    site = await startHttpsSite(HOSTS, async (request, response) => {
      const host = request.headers.host ?? '';
      if (host === 'api.llama.fi' && (request.url ?? '').startsWith('/cexs')) {
        await gate;
        response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(body);
      } else if (host.endsWith('llama.fi')) response.writeHead(404).end('');
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('Binance — stand-in'));
    });
    firefox = await launchFirefox({ hosts: HOSTS });
  });
  afterAll(async () => {
    release();
    await firefox?.close();
    await site?.close();
  });

  test('the pill and the tab badge with its tooltip show the alert without a reload', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const read = async () =>
      JSON.parse(
        String(
          (await inFirefoxPillRoot(
            firefox,
            page,
            '(root) => JSON.stringify({ grade: root.querySelector("[data-testid=pill-grade]")?.textContent ?? null, run: root.querySelector("[data-testid=pill-run]")?.textContent ?? null, danger: root.querySelector(".pill")?.classList.contains("pill--danger") ?? null })',
          )) ?? '{}',
        ),
      ) as { grade?: string | null; run?: string | null; danger?: boolean | null };
    // Every tab's own badge and tooltip (the extension has no `tabs` permission: tabs are told apart by their badges).
    const badges = () =>
      firefox.inExtension<{ text: string; title: string }[]>(
        'browser.tabs.query({}).then((tabs) => Promise.all(tabs.map(async (tab) => ({ text: await browser.browserAction.getBadgeText({ tabId: tab.id }), title: await browser.browserAction.getTitle({ tabId: tab.id }) }))))',
      );
    await expect.poll(async () => (await read()).grade, { timeout: 20_000 }).toBe('C');
    expect((await read()).run).toBeNull();
    await expect.poll(async () => (await badges()).map((badge) => badge.text)).toContain('C?');

    release();
    await expect.poll(async () => (await read()).run, { timeout: 40_000 }).toBe('Run alert: money is leaving Binance fast');
    expect(await read()).toEqual({ grade: 'D', run: 'Run alert: money is leaving Binance fast', danger: true });
    await expect.poll(async () => (await badges()).find((badge) => badge.text === '!')?.title).toBe('Reserve Radar: Run alert: money is leaving Binance fast');
    expect((await badges()).map((badge) => badge.text)).not.toContain('C?');
  });
});
