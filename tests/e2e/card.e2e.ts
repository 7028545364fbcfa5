/**
 * The card on the exchange's page, as a user meets it in Chromium with the built extension: it
 * reads in a few seconds (the verdict, three reasons at most, worst first, the Withdraw action in
 * view without scrolling, the rest behind a disclosure), its buttons keep their words on one line,
 * and the keyboard goes through it in the order it is drawn, then on to the page (beside the page's own buttons:
 * pill-corner.e2e.ts). Swedish is drawn by the same components and styles on a plain page
 * (tests/e2e/pill-entry.tsx), in Chromium too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { EXCHANGES, expectReadsAtAGlance, firstScreen, lineCount, lowContrast, openCard, VIEWPORTS, viewOf } from './card-screen';
import { fakeExchangeHtml, inShadow, launchChromium, pillAxeProblems, requireFile, root, routeSite, screenshotPath, shadowUi, type ChromiumExtension } from './harness';

describe('the card on the exchange page, Chromium with the built extension', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    for (const { id, origin } of EXCHANGES) await routeSite(browser.context, origin, fakeExchangeHtml(`${id} — stand-in`));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the verdict, three reasons at most (worst first), and Withdraw in view without scrolling, at 360×640 and 1280×720', async () => {
    for (const { id, origin } of EXCHANGES) {
      const view = viewOf(id);
      for (const viewport of VIEWPORTS) {
        const page = await browser.context.newPage();
        await openCard(page, origin, viewport);
        expectReadsAtAGlance(await firstScreen(page), view, `${id} at ${viewport.width}×${viewport.height}`);
        if (id === 'binance' && viewport.width === 360) await page.screenshot({ path: screenshotPath('card-narrow.png') });
        await page.close();
      }
    }
  });

  test('the rest is behind a disclosure: closed on every opening, opened by keyboard, every figure with its source and date', async () => {
    const page = await browser.context.newPage();
    await openCard(page, 'https://www.binance.com', { width: 1280, height: 720 });
    const pill = shadowUi(page);
    const drawn = (testId: string) => pill.evaluate((root, id) => root.querySelector(`[data-testid="${id}"]`)?.checkVisibility() === true, testId);
    expect(await drawn('card-por-section')).toBe(false);
    await pill.focus('card-details-toggle');
    await page.keyboard.press('Enter');
    expect(await pill.evaluate((root) => (root.querySelector('[data-testid="card-details"]') as HTMLDetailsElement).open, undefined)).toBe(true);
    for (const section of ['card-more-reasons', 'card-por-section', 'card-concentration', 'card-flows']) {
      expect(await drawn(section), section).toBe(true);
      // Each section names its sources (links whose name says "Source: <site>") and its dates, or says the figure is unknown.
      const sourced = await pill.evaluate((root, id) => {
        const section = root.querySelector(`[data-testid="${id}"]`)!;
        const sources = [...section.querySelectorAll('a[aria-label]')].filter((link) => /^Source: \S+$/.test(link.getAttribute('aria-label') ?? '') && link.checkVisibility());
        return { sources: sources.length, dated: /\d{4}-\d{2}-\d{2}|\b20\d\d\b/.test(section.textContent ?? ''), unknown: /Unknown|Nothing published/.test(section.textContent ?? '') };
      }, section);
      expect(((sourced?.sources ?? 0) > 0 && sourced?.dated === true) || sourced?.unknown === true, `${section}: ${JSON.stringify(sourced)}`).toBe(true);
    }
    expect(await pillAxeProblems(page)).toEqual([]);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('card-details.png') });
    await page.keyboard.press('Enter');
    expect(await drawn('card-por-section')).toBe(false);

    // Closed and opened again: the short first screen again.
    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    expect(await pill.evaluate((root) => (root.querySelector('[data-testid="card-details"]') as HTMLDetailsElement).open, undefined)).toBe(false);
    await page.close();
  });

  test('“Move to another corner” stays on one line at both sizes', async () => {
    for (const viewport of VIEWPORTS) {
      const page = await browser.context.newPage();
      await openCard(page, 'https://www.binance.com', viewport);
      const measured = await lineCount(page, 'move-corner');
      expect(measured.text).toBe(en.moveCorner.message);
      expect({ lines: measured.lines, overflows: measured.overflows }, `${viewport.width}×${viewport.height}`).toEqual({ lines: 1, overflows: false });
      await page.close();
    }
  });

  test('axe finds nothing, contrast included, on the open card; screenshot', async () => {
    const page = await browser.context.newPage();
    await openCard(page, 'https://www.binance.com', { width: 1280, height: 720 });
    expect(await pillAxeProblems(page)).toEqual([]);
    expect(await lowContrast(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('card-light.png') });
    await page.close();
  });
});

describe('the card in dark mode', () => {
  test('reads at a glance, passes axe and the contrast check, closed and open; screenshot', async () => {
    const browser = await launchChromium({ colorScheme: 'dark' });
    try {
      await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: 'dark' });
      await openCard(page, 'https://www.binance.com', { width: 1280, height: 720 });
      expectReadsAtAGlance(await firstScreen(page), viewOf('binance'), 'dark');
      expect(await pillAxeProblems(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('card-dark.png') });
      await shadowUi(page).click('card-details-toggle');
      expect(await pillAxeProblems(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe('the card and the keyboard', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in', '<label>Amount <input id="amount" type="text"></label>'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * What Tab should reach, in the order it is drawn: the card and the pill in the order they sit
   * on screen; inside each, top to bottom, then left to right, a control in the scrolling card at
   * its place in the card's content. Each is named by tag, test id and words, and numbered on the
   * element for `focused`.
   */
  const drawnOrder = (page: Page) =>
    inShadow(page, 'reserve-radar-pill', (root) => {
      const reachable = [...root.querySelectorAll<HTMLElement>('a[href], button, select, summary')].filter((element) => element.checkVisibility());
      const place = (element: HTMLElement) => {
        const box = element.getBoundingClientRect();
        const card = element.closest<HTMLElement>('[data-testid="nudge-panel"]');
        const group = (card ?? element.closest<HTMLElement>('.pill') ?? element).getBoundingClientRect().top;
        return { group, x: box.left + box.width / 2, y: box.top + box.height / 2 + (card?.scrollTop ?? 0) };
      };
      reachable.sort((a, b) => {
        const [one, two] = [place(a), place(b)];
        return one.group - two.group || (Math.abs(one.y - two.y) > 4 ? one.y - two.y : one.x - two.x);
      });
      return reachable.map((element, index) => {
        (element as HTMLElement & { drawnIndex?: number }).drawnIndex = index;
        return `${index}|${element.localName}|${element.getAttribute('data-testid') ?? ''}|${(element.textContent ?? '').trim().slice(0, 24)}`;
      });
    });
  const focused = (page: Page) =>
    inShadow(page, 'reserve-radar-pill', (root) => {
      const element = root.activeElement as (HTMLElement & { drawnIndex?: number }) | null;
      if (element === null) return null;
      return `${element.drawnIndex ?? '?'}|${element.localName}|${element.getAttribute('data-testid') ?? ''}|${(element.textContent ?? '').trim().slice(0, 24)}`;
    });
  /** Focus is still on our element, not somewhere on the exchange's page. */
  const focusInPill = (page: Page) => page.evaluate(() => document.activeElement?.localName === 'reserve-radar-pill');

  /** Focuses the control `drawnOrder` numbered `index`, by script (a starting point, not a user's step). */
  const focusDrawn = (page: Page, index: number) =>
    inShadow(
      page,
      'reserve-radar-pill',
      (root, wanted) => {
        const element = [...root.querySelectorAll<HTMLElement & { drawnIndex?: number }>('a[href], button, select, summary')].find((candidate) => candidate.drawnIndex === wanted);
        element?.focus();
        return element !== undefined;
      },
      index,
    );

  /**
   * From where focus is (a control, or the card itself: before the first), Tab goes through every
   * control of the card and the pill in the order drawn, then on out of our element, to the page
   * or beyond it (a non-modal panel: no trap); Shift+Tab goes back in the same order, and out
   * before the first.
   */
  async function goThrough(page: Page): Promise<void> {
    const order = (await drawnOrder(page)) ?? [];
    expect(order.length).toBeGreaterThan(4);
    expect(order.some((entry) => entry.includes('|withdraw|'))).toBe(true);
    expect(order.some((entry) => entry.includes('|pill-toggle|'))).toBe(true);
    const start = order.indexOf((await focused(page)) ?? '');
    const expected = order.slice(start + 1);
    const seen: (string | null)[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
      expect(await focusInPill(page), `after Tab ${i + 1}`).toBe(true);
    }
    // Every control once, in the order drawn, and the next Tab leaves for the page.
    expect(seen).toEqual(expected);
    await page.keyboard.press('Tab');
    // Our element is the document's last: Tab leaves it for the end of the document (the browser's
    // own controls; the page keeps no focus), and the next Tab starts the page again at its field.
    expect(await focusInPill(page), 'Tab after the last control').toBe(false);
    if ((await pageFocus(page)) !== 'amount') {
      await expect.poll(() => page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await pageFocus(page), 'the Tab after').toBe('amount');
    }
    expect(await focusDrawn(page, order.length - 1)).toBe(true);
    const back: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      back.push(await focused(page));
    }
    expect(back).toEqual([2, 3, 4].map((step) => order[order.length - step]));
    expect(await focusDrawn(page, 0)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await pageFocus(page), 'Shift+Tab before the first control').toBe('amount');
    expect(await pillPanelOpen(page)).toBe(true);
  }
  const pageFocus = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);
  const pillPanelOpen = (page: Page) => inShadow(page, 'reserve-radar-pill', (root) => root.querySelector('[data-testid="nudge-panel"]') !== null);

  /** A new tab on the stand-in exchange page, its card opened from the keyboard (Enter on the focused pill). */
  async function openByKeyboard(): Promise<{ page: Page; pill: ReturnType<typeof shadowUi> }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.binance.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    return { page, pill };
  }

  test('opening moves focus into the card; Tab goes through the card and the pill in the order drawn and on to the page; Escape in the card returns to the pill', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.binance.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const closedName = await pill.attribute('pill-toggle', 'aria-label');
    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    await expect.poll(() => pill.evaluate((root) => root.activeElement?.closest('[data-testid="nudge-panel"]') !== null && root.activeElement !== null, undefined)).toBe(true);
    // A disclosure: the open state is aria-expanded's to say; the name stays what the pill shows.
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    expect(await pill.attribute('pill-toggle', 'aria-label')).toBe(closedName);
    expect(closedName).not.toMatch(/details/i);
    await goThrough(page);

    // The disclosure opened from the keyboard: its links join the order, still as drawn.
    await pill.focus('card-details-toggle');
    await page.keyboard.press('Enter');
    await pill.focus('withdraw');
    await goThrough(page);

    // Escape is the card's when pressed in it (in the page's field it is the page's: below).
    await pill.focus('withdraw');
    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    expect(await pill.activeTestId()).toBe('pill-toggle');
    await page.close();
  });

  test("Escape in the exchange's own field is the page's: the card stays open and focus stays in the field", async () => {
    const { page, pill } = await openByKeyboard();
    await page.focus('#amount');
    await page.keyboard.press('Escape');
    expect(await pageFocus(page)).toBe('amount');
    expect(await pill.evaluate((root) => root.querySelector('[data-testid="nudge-panel"]') !== null, undefined)).toBe(true);
    await page.close();
  });

  test('in a top corner the card opens below the pill, and the order starts at the pill', async () => {
    const { page, pill } = await openByKeyboard();
    // "Move to another corner" by keyboard, twice: bottom-left, then top-left. Focus stays on the button.
    for (const corner of ['bottom-left', 'top-left']) {
      await pill.focus('move-corner');
      await page.keyboard.press('Enter');
      await pill.waitFor(`[data-corner="${corner}"]`);
      expect(await pill.activeTestId()).toBe('move-corner');
    }
    const order = (await drawnOrder(page)) ?? [];
    expect(order[0]).toMatch(/^0\|button\|pill-toggle\|/);
    await goThrough(page);
    await pill.focus('withdraw');
    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    expect(await pill.activeTestId()).toBe('pill-toggle');
    await page.close();
  });
});

describe('the card in Swedish and English, drawn by the same components and styles on a plain page', () => {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const ORIGIN = 'https://www.binance.com';
  let plain: Browser;
  let bundle: string;
  let outDir: string;

  beforeAll(async () => {
    requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
    outDir = mkdtempSync(join(tmpdir(), 'radar-pill-'));
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: [preact()],
      resolve: { alias: { '@': root } },
      define: { 'process.env.NODE_ENV': '"production"' },
      publicDir: false,
      build: { outDir, emptyOutDir: true, lib: { entry: join(root, 'tests/e2e/pill-entry.tsx'), formats: ['iife'], name: 'PillHarness', fileName: () => 'pill.js' } },
    });
    bundle = readFileSync(join(outDir, 'pill.js'), 'utf8');
    plain = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--headless=new', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  async function drawn(language: 'en' | 'sv', viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') {
    const context = await plain.newContext({ viewport, colorScheme });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === ORIGIN && url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: fakeExchangeHtml('Binance — stand-in', '<script src="/pill.js"></script>') });
      if (url.origin === ORIGIN && url.pathname === '/pill.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(([view, lang]) => (globalThis as unknown as { pillHarness: { mount: (...args: unknown[]) => void } }).pillHarness.mount(view, lang, 'bottom-right'), [
      viewOf('binance'),
      language,
    ] as const);
    await shadowUi(page).waitFor('nudge-panel');
    return { context, page };
  }

  test('“Flytta till ett annat hörn” and “Move to another corner” each stay on one line, and Withdraw is in view, at both sizes', async () => {
    for (const language of ['sv', 'en'] as const) {
      for (const viewport of VIEWPORTS) {
        const { context, page } = await drawn(language, viewport);
        const where = `${language} at ${viewport.width}×${viewport.height}`;
        const measured = await lineCount(page, 'move-corner');
        expect(measured.text, where).toBe((language === 'sv' ? sv : en).moveCorner.message);
        expect({ lines: measured.lines, overflows: measured.overflows }, where).toEqual({ lines: 1, overflows: false });
        expectReadsAtAGlance(await firstScreen(page), viewOf('binance'), where);
        expect(await shadowUi(page).text('withdraw'), where).toBe((language === 'sv' ? sv : en).withdrawAction.message);
        await context.close();
      }
    }
  });

  test('Swedish passes axe and the contrast check, light and dark; screenshots', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await drawn('sv', { width: 1280, height: 720 }, colorScheme);
      expect(await pillAxeProblems(page), colorScheme).toEqual([]);
      expect(await lowContrast(page), colorScheme).toEqual([]);
      await page.screenshot({ path: screenshotPath(colorScheme === 'light' ? 'card-sv.png' : 'card-sv-dark.png') });
      await context.close();
    }
  });
});
