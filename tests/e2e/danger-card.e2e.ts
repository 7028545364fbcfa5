import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { chromiumOnExchanges, extensionWorker, firefoxOnExchanges, inFirefoxPillRoot, shadowUi, stopServiceWorker, type ChromiumExtension, type FirefoxExtension } from './harness';

/**
 * The card that opens by itself (FTX: collapsed, danger; "open the card on danger" is on by
 * default) draws from the stored first paint and its stored card, without waiting for the
 * background (issue 16). The proof: the background is held busy while the page loads, so any
 * answer from it comes only after the hold; the card must be open before that.
 */
const HOLD_MS = 6000;

describe('the danger card with the worker asleep or busy, in Chromium (issue 16)', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await chromiumOnExchanges({ 'https://ftx.com': 'FTX — stand-in' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('asleep: the card opens by itself with the collapse in it, and stays right once the woken worker answers', async () => {
    const page = await browser.context.newPage();
    await stopServiceWorker(page);
    await page.goto('https://ftx.com/');
    const pill = shadowUi(page);
    await pill.waitFor('nudge-panel');
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    expect(await pill.attribute('level-chip', 'data-level')).toBe('danger');
    expect(await pill.text('exchange-card')).toContain('Collapsed');
    // The woken worker's answer is the same card: still open, still one pill. What is waited for is that nothing
    // changes, which no element announces (the stored card already has its reasons, and the same answer redraws
    // nothing): a fixed wait, long enough for the woken worker's answer.
    await page.waitForTimeout(1500);
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    expect(await pill.text('exchange-card')).toContain('Collapsed');
    expect(await page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length)).toBe(1);
    await page.close();
  });

  test('busy: the card is open while the worker cannot answer yet', async () => {
    // Wakes the worker (an extension page's question) and takes a handle on it.
    const asker = await browser.context.newPage();
    await asker.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await asker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'all-exchanges' }));
    const worker = extensionWorker(browser);
    let released = false;
    const hold = worker
      .evaluate((ms) => {
        const end = Date.now() + ms;
        while (Date.now() < end);
      }, HOLD_MS)
      .then(
        () => (released = true),
        () => (released = true),
      );
    const page = await browser.context.newPage();
    await page.goto('https://ftx.com/');
    const pill = shadowUi(page);
    await pill.waitFor('nudge-panel', { timeout: HOLD_MS - 1000 });
    const text = await pill.text('exchange-card');
    expect(released).toBe(false);
    expect(text).toContain('Collapsed');
    await hold;
    await page.close();
    await asker.close();
  });
});

/** The text of `testId` in the pill's closed root. */
async function closedRootText(firefox: FirefoxExtension, page: FirefoxPage, testId: string): Promise<string | null> {
  const text = await inFirefoxPillRoot(firefox, page, '(root, selector) => root.querySelector(selector)?.textContent ?? null', `[data-testid="${testId}"]`);
  return (text as string | null | undefined) ?? null;
}

describe('the danger card from storage, in Firefox (issue 16)', () => {
  let firefox: FirefoxExtension;

  beforeAll(async () => {
    firefox = await firefoxOnExchanges({ 'ftx.com': 'FTX — stand-in' });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('the stored card is FTX’s alone, and the card opens by itself with the collapse in it', async () => {
    // The background stores the first paint and the card after install.
    const stored = await vi.waitFor(
      async () => {
        const cards = await firefox.inExtension<{ cards?: Record<string, { name: string }> } | null>(`browser.storage.local.get('firstPaintCards').then((items) => items.firstPaintCards ?? null)`);
        if (cards?.cards?.ftx === undefined) throw new Error('no FTX card stored yet');
        return cards;
      },
      { timeout: 15_000, interval: 200 },
    );
    // Only exchanges whose card opens by itself: the danger ones.
    expect(stored?.cards?.ftx?.name).toBe('FTX');
    expect(Object.keys(stored?.cards ?? {})).not.toContain('kraken');
    const page = await firefox.browser.newPage();
    // The background page shares its thread with the extension's other pages: busy there, busy here.
    let released = false;
    const hold = firefox.connection
      .send('script.evaluate', {
        expression: `(() => { const end = Date.now() + ${HOLD_MS}; while (Date.now() < end); })()`,
        target: { context: (firefox.welcome.mainFrame() as unknown as { _id: string })._id },
        awaitPromise: false,
      })
      .then(
        () => (released = true),
        () => (released = true),
      );
    await page.goto('https://ftx.com/');
    const card = await vi.waitFor(
      async () => {
        const text = await closedRootText(firefox, page, 'exchange-card');
        if (!text) throw new Error('no card drawn yet');
        return text;
      },
      { timeout: HOLD_MS - 1000, interval: 100 },
    );
    expect(released).toBe(false);
    expect(card).toContain('Collapsed');
    await hold;
    await page.close();
  });
});
