/**
 * The card's words after the first answer (issue 16), in Chromium with the built extension: the
 * page's first answer carries the pill's words and the view, not the card's worded reasons; the
 * page asks for those next (`page-card`). The card opened from the pill shows every reason as the
 * model words it, and a card opened before they came says it is loading, in the user's language,
 * and then shows them.
 */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { cardReasons } from '../../lib/view/card-reasons';
import { reasonText } from '../../lib/words/reason-text';
import { translateFrom, type Messages } from '../../lib/words/translate-from';
import { viewOf } from './card-screen';
import { chromiumOnExchanges, extensionWorker, firefoxOnExchanges, inFirefoxPillRoot, isolatedWorld, shadowUi, stopServiceWorker, type ChromiumExtension, type FirefoxExtension } from './harness';

/** How long the worker is held before it answers `page-card`, in the loading test. */
const HOLD_MS = 4000;

/** The card's reasons in the order drawn (lead, then the details' rest), as the model words them in English. */
function expectedReasons(id: string): string[] {
  const view = viewOf(id);
  const t = translateFrom(en as Messages);
  const { lead, rest } = cardReasons({ view });
  return [...lead, ...rest].flatMap((item) => (item.kind === 'reason' ? [reasonText(item.reason, t, 'en', new Date())] : []));
}

/** Each drawn reason's sentence (its first text node: the source link follows it). */
async function drawnReasons(page: Page): Promise<string[]> {
  return (await shadowUi(page).evaluate((root) => [...root.querySelectorAll('li[data-metric]')].map((item) => item.firstChild?.textContent ?? ''), undefined)) ?? [];
}

describe('the card’s words after the first answer, Chromium (issue 16)', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await chromiumOnExchanges({ 'https://www.binance.com': 'binance — stand-in', 'https://www.bybit.com': 'bybit — stand-in' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the first answer carries no reason words, page-card all of them; the card opened from the pill shows every reason as the model words it', async () => {
    for (const [id, origin] of [
      ['binance', 'https://www.binance.com'],
      ['bybit', 'https://www.bybit.com'],
    ] as const) {
      const asker = await browser.context.newPage();
      await asker.goto(`${origin}/`);
      await shadowUi(asker).waitFor('pill-toggle');
      // The two questions as the page's script asks them, from its own world, the worker stopped first.
      await stopServiceWorker(asker);
      const { cdp, contextId } = await isolatedWorld(asker, browser.extensionId);
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `(async () => { const state = await chrome.runtime.sendMessage({ type: 'page-state' }); const card = await chrome.runtime.sendMessage({ type: 'page-card' }); return [state.view.reasonWords ?? null, Object.keys(card.reasonWords ?? {}).length, state.view.verdict.reasons.length]; })()`,
        awaitPromise: true,
        returnByValue: true,
      });
      await cdp.detach();
      const [answerWords, cardWords, reasons] = result.value as [unknown, number, number];
      expect(answerWords).toBeNull();
      expect(cardWords).toBe(reasons);
      await asker.close();
      const page = await browser.context.newPage();
      await page.goto(`${origin}/`);
      const pill = shadowUi(page);
      await pill.click('pill-toggle');
      await pill.waitFor('nudge-panel');
      await pill.click('card-details-toggle');
      await pill.waitFor('card-reasons-wait', { state: 'detached' });
      const expected = expectedReasons(id);
      expect(expected.length).toBeGreaterThan(0);
      const drawn = await drawnReasons(page);
      expect(drawn).toEqual(expected);
      // Each finding once: a sentence drawn twice would also count twice in "More reasons (N)".
      expect(drawn.filter((text, index) => drawn.indexOf(text) !== index)).toEqual([]);
      await page.close();
    }
  });

  test('opened before the words came: “Loading the reasons…” where they go, then the same reasons', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/');
    await shadowUi(page).waitFor('pill-toggle');
    // The worker answers page-card only after a hold: a listener of the test's, beside the extension's.
    await extensionWorker(browser).evaluate((ms) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } } } }).chrome.runtime;
      runtime.onMessage.addListener((message) => {
        if ((message as { type?: string } | null)?.type !== 'page-card') return undefined;
        const end = Date.now() + ms;
        while (Date.now() < end);
        return undefined;
      });
    }, HOLD_MS);
    const held = await browser.context.newPage();
    const asked = Date.now();
    await held.goto('https://www.binance.com/');
    const pill = shadowUi(held);
    await pill.click('pill-toggle');
    await pill.waitFor('nudge-panel');
    expect(await pill.text('card-reasons-wait')).toBe(en.cardReasonsLoading.message);
    expect(Date.now() - asked).toBeLessThan(HOLD_MS);
    expect(await drawnReasons(held)).toEqual([]);
    await pill.waitFor('card-reasons-wait', { state: 'detached', timeout: HOLD_MS + 5000 });
    await pill.click('card-details-toggle');
    expect(await drawnReasons(held)).toEqual(expectedReasons('binance'));
    // The test's listener goes with the worker.
    await stopServiceWorker(held);
    await held.close();
    await page.close();
  });
});

/** Calls `body(root, testId)` on the pill's closed root and returns its answer, carried as JSON. */
async function inFirefoxRoot(firefox: FirefoxExtension, page: FirefoxPage, body: string, testId = ''): Promise<unknown> {
  const value = await inFirefoxPillRoot(firefox, page, `(root, testId) => JSON.stringify((${body})(root, testId))`, testId);
  return typeof value === 'string' ? JSON.parse(value) : null;
}

const CENTER = `(root, testId) => { const r = root.querySelector('[data-testid="' + testId + '"]')?.getBoundingClientRect(); return r === undefined ? null : { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }`;
const REASONS = `(root) => root.querySelector('[data-testid="card-reasons-wait"]') !== null ? null : [...root.querySelectorAll('li[data-metric]')].map((item) => item.firstChild?.textContent ?? '')`;

describe('the card’s words after the first answer, Firefox (issue 16)', () => {
  let firefox: FirefoxExtension;

  beforeAll(async () => {
    firefox = await firefoxOnExchanges({ 'www.binance.com': 'binance — stand-in' });
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('the card opened from the pill shows every reason as the model words it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('https://www.binance.com/');
    /** Clicks `testId` with the real mouse once it is drawn. */
    const click = async (testId: string) => {
      const center = await vi.waitFor(
        async () => {
          const drawn = (await inFirefoxRoot(firefox, page, CENTER, testId)) as { x: number; y: number } | null;
          if (drawn === null) throw new Error(`no ${testId} in the pill`);
          return drawn;
        },
        { timeout: 20_000, interval: 200 },
      );
      await page.mouse.click(center.x, center.y);
    };
    await click('pill-toggle');
    await click('card-details-toggle');
    // The reasons as first drawn (null while the card still waits for their words).
    const reasons = await vi.waitFor(
      async () => {
        const drawn = await inFirefoxRoot(firefox, page, REASONS);
        if (drawn === null) throw new Error('the card still waits for its reasons');
        return drawn;
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(reasons).toEqual(expectedReasons('binance'));
    await page.close();
  });
});
