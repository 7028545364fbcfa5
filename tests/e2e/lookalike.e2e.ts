import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeProblems, fakeExchangeHtml, launchChromium, layoutProblems, routeSite, shadowUi, textContrast, type ChromiumExtension } from './harness';

describe('lookalike warning and extension reload in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://binance-login.com', fakeExchangeHtml('Binance Login (phishing stand-in)'));
    await routeSite(browser.context, 'https://www.bybit.com', fakeExchangeHtml('Bybit — stand-in'));
    await routeSite(browser.context, 'https://www.example.org', fakeExchangeHtml('Example — not an exchange'));
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
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Binance');
    await expect.poll(() => page.getByTestId('warning-host').textContent()).toBe('binance-login.com');
    await expect.poll(() => page.getByTestId('go-real').getAttribute('href')).toBe('https://binance.com/');
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

  test('"continue anyway" in one tab leaves a second warning tab, reloaded, still a warning with its ways on', async () => {
    const target = 'https://binance-login.com/second';
    const warning = `chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(target)}`;
    const [first, second] = [await browser.context.newPage(), await browser.context.newPage()];
    await first.goto(warning);
    await second.goto(warning);
    await first.getByTestId('continue-anyway').click();
    await first.waitForURL(target);
    await second.reload();
    await second.getByTestId('lookalike-warning').waitFor();
    await expect.poll(() => second.getByRole('heading', { level: 1 }).textContent()).toContain('Binance');
    await second.getByTestId('continue-anyway').click();
    await second.waitForURL(target);
    await Promise.all([first.close(), second.close()]);
  });

  test('"Close this tab" closes the warning tab after a followed link, with no permission asked and no visit to the site', async () => {
    const target = 'https://binance-login.com/from-a-mail';
    const page = await browser.context.newPage();
    // A tab with history (the page the link was on): window.close alone would be refused here.
    await page.goto('https://www.example.org/');
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent(target)}`);
    const close = page.getByTestId('close-tab');
    await close.waitFor();
    expect(await close.textContent()).toBe('Close this tab');
    const visited: string[] = [];
    browser.context.on('request', (request) => {
      if (request.url().startsWith('https://binance-login.com')) visited.push(request.url());
    });
    await Promise.all([page.waitForEvent('close'), close.click()]);
    expect(page.isClosed()).toBe(true);
    expect(visited).toEqual([]);
  });

  test('a warning page whose address is no lookalike (any more) says so calmly and goes on only when the user presses, leaving no warning behind in the history', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const warning = `chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://www.example.org/path?q=1')}`;
    await page.goto(warning);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    await expect.poll(() => heading.textContent()).toBe('This warning no longer applies');
    expect(await page.title()).toBe('This warning no longer applies');
    await expect.poll(() => page.getByTestId('warning-host').textContent()).toBe('www.example.org');
    await expect.poll(() => page.getByTestId('warning-no-longer').textContent()).toContain('Go on only if this is the site you meant to visit.');
    const goOn = page.getByRole('button', { name: 'Go on to www.example.org' });
    // Nothing opens the site by itself.
    await page.waitForTimeout(500);
    expect(page.url()).toBe(warning);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page), colorScheme).toEqual([]);
    }
    await goOn.press('Enter');
    await page.waitForURL('https://www.example.org/path?q=1');
    expect(await page.title()).toBe('Example — not an exchange');
    // The warning was replaced, not stacked: Back goes where the user came from.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    // An exchange's own address is no lookalike either: the same calm page, and a click goes on.
    await page.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://www.bybit.com/en')}`);
    await page.getByRole('button', { name: 'Go on to www.bybit.com' }).click();
    await page.waitForURL('https://www.bybit.com/en');
    await page.close();
  });

  test('a warning page with no web address to check says so calmly, with a heading, in both themes', async () => {
    const page = await browser.context.newPage();
    for (const address of ['', 'javascript:alert(1)', 'file:///etc/passwd']) {
      await page.goto(`chrome-extension://${browser.extensionId}/warning.html${address === '' ? '' : `?url=${encodeURIComponent(address)}`}`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect(await heading.textContent(), address).toBe('No site to check');
      expect(await page.title(), address).toBe('No site to check');
      expect(await page.getByTestId('no-warning').textContent(), address).toContain('no website address');
      expect(await page.getByTestId('continue-anyway').count(), address).toBe(0);
      expect(page.url(), address).toContain('/warning.html');
    }
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page), colorScheme).toEqual([]);
    }
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
