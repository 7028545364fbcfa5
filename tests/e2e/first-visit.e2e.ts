import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumOnExchanges, isolatedWorld, pageSnoozes, pillPlaceThenServe, pillText, root, shadowUi, stopServiceWorker, type ChromiumExtension } from './harness';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const swedish = JSON.parse(readFileSync(join(root, 'public/_locales/sv/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** What the exchange-page script's own world (not the page) reads from the extension's storage. */
async function storedInContentWorld(page: Page, extensionId: string): Promise<unknown> {
  const { cdp, contextId } = await isolatedWorld(page, extensionId);
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId,
    expression: `chrome.storage.local.get('firstPaint').then((items) => items.firstPaint ?? null)`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
}

/** Waits until the stored first paint says what `check` wants, read from an extension page (the worker may be asleep). */
async function storedView(page: Page, check: (view: { settings?: { language?: string } } | null) => boolean): Promise<void> {
  await vi.waitFor(
    async () => {
      const view = (await page.evaluate(() => chrome.storage.local.get('firstPaint').then((items) => items.firstPaint ?? null))) as { settings?: { language?: string } } | null;
      if (!check(view)) throw new Error(`stored first paint not as expected: ${JSON.stringify(view?.settings)}`);
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('the first visit in Chromium, with the service worker asleep (issue 16)', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await chromiumOnExchanges({ 'https://www.kraken.com': 'Kraken — stand-in' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the pill draws with the right words while the worker sleeps; a setting and a snooze hold on the next load', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const awake = await pillText(page);
    expect(awake?.name).toBe('Kraken');
    // The content script's own world reads the view (storage.local; storage.session it could not), figure-free.
    const seen = (await storedInContentWorld(page, browser.extensionId)) as { exchanges?: Record<string, { name: string }> } | null;
    expect(seen?.exchanges?.kraken?.name).toBe('Kraken');

    // Asleep: the same pill, same words.
    await stopServiceWorker(page);
    await page.reload();
    await pill.waitFor('pill-toggle');
    expect(await pillText(page)).toEqual(awake);

    // A setting changed in the options page, then the worker sleeps again: the next load is in Swedish.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-sv').check();
    await storedView(options, (view) => view?.settings?.language === 'sv');
    await stopServiceWorker(page);
    await page.reload();
    await pill.waitFor('pill-toggle');
    const level = await pill.evaluate((shadow) => shadow.querySelector('.pill')?.getAttribute('data-level') ?? null, undefined);
    const status = await pill.text('pill-status');
    expect(status).toContain(swedish[`level_${level}`]?.message);
    expect(await pill.attribute('pill-close', 'aria-label')).toBe(swedish.close?.message);
    // And still Swedish once the woken background has answered and the pill was drawn again from it.
    await page.waitForTimeout(1500);
    expect(await pill.text('pill-status')).toBe(status);

    // Snoozed from the pill (the worker wakes to store it), then asleep again: no pill on the next load.
    await pill.click('pill-toggle');
    await pill.waitFor('snooze');
    await pill.click('snooze-apply');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    await stopServiceWorker(page);
    await page.reload();
    await page.waitForLoadState('load');
    // The woken worker has answered this page, with the snooze: the page's script asked first (at document start),
    // so the answer it decides from has come back too, and any pill it would draw from it is there.
    expect(await pageSnoozes(page, browser.extensionId)).toHaveProperty('kraken');
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();

    // The snooze lifted in the options page, the worker asleep: the pill is back.
    await options.reload();
    await options.getByRole('button', { name: /Kraken/ }).click();
    await options.getByText(swedish.snoozesEmpty?.message ?? '').waitFor();
    await storedView(options, (view) => view !== null && JSON.stringify(view).includes('"kraken"') && !JSON.stringify(view).includes('"snooze"'));
    await stopServiceWorker(page);
    await page.reload();
    await pill.waitFor('pill-toggle');
    await options.close();
    await page.close();
  });
  test('a click on the pill drawn from storage, before the sleeping worker has answered, still opens the card', async () => {
    // Holds the page's main thread the moment the pill's element appears, so the click waits in
    // the input queue and meets the stored first paint before the background's answer is handled.
    const holdingPage = `<!doctype html><html lang="en"><head><script>
      new MutationObserver((records, observer) => {
        if (!document.querySelector('reserve-radar-pill')) return;
        observer.disconnect();
        fetch('/pill-appeared');
        const end = performance.now() + 1000;
        while (performance.now() < end);
      }).observe(document.documentElement, { childList: true });
    </script><meta charset="utf-8"><title>Early click</title></head><body><p>Stand-in page.</p></body></html>`;
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    const { box, pillAppeared } = await pillPlaceThenServe(browser.context, page, 'https://www.bitstamp.net', holdingPage);
    await stopServiceWorker(page);
    const loaded = page.goto('https://www.bitstamp.net/');
    await pillAppeared;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await loaded;
    const pill = shadowUi(page);
    await pill.waitFor('nudge-panel', { timeout: 5000 });
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    await page.close();
  });
});
