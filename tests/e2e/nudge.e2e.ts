import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  activeTabId,
  axeProblems,
  builtContentScripts,
  fakeExchangeHtml,
  launchChromium,
  pageSnoozes,
  pillAxeProblems,
  pillPlaceThenServe,
  routeSite,
  screenshotPath,
  shadowUi,
  type ChromiumExtension,
} from './harness';

/** A page that rebuilds itself constantly, as exchange front ends do, and even sweeps foreign nodes. */
const churningPage = fakeExchangeHtml(
  'Churning exchange',
  `<script>
    let n = 0;
    const start = performance.now();
    setInterval(() => {
      document.body.innerHTML = '<header>Tick ' + (++n) + '</header><p>re-rendered</p>';
      // Once, 600 ms in and with the pill there: the page takes it away, and says so (to the test, through its own page).
      const pill = document.querySelector('reserve-radar-pill');
      if (window.tookPillAt === undefined && performance.now() - start >= 600 && pill !== null) {
        pill.remove();
        window.tookPillAt = n;
      }
    }, 30);
  </script>`,
);

/** Host CSS that would wreck an unisolated widget, and page elements that share our class names. */
const hostilePage = fakeExchangeHtml(
  'Hostile styles',
  `<style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important; } button { display: none !important; }</style>
   <div class="card" id="page-card">page's own .card</div><span class="chip" id="page-chip">page's own .chip</span>`,
);

/**
 * Holds the page's main thread the moment the pill's element appears (the page can see the
 * element, not what is in it), so no frame runs and Preact has not taken the first-paint nodes
 * over; it tells the test by a request, and the test's real click waits in the input queue
 * until the thread is free: the first thing the pill meets is that click.
 */
const earlyClickPage = `<!doctype html><html lang="en"><head><script>
  new MutationObserver((records, observer) => {
    if (!document.querySelector('reserve-radar-pill')) return;
    observer.disconnect();
    fetch('/pill-appeared');
    const end = performance.now() + 1500;
    while (performance.now() < end);
  }).observe(document.documentElement, { childList: true });
</script><meta charset="utf-8"><title>Early click</title></head><body><p>Stand-in page served by the test.</p></body></html>`;

describe('the nudge in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    await routeSite(browser.context, 'https://www.okx.com', churningPage);
    await routeSite(browser.context, 'https://ftx.com', fakeExchangeHtml('FTX — stand-in'));
    await routeSite(browser.context, 'https://www.gemini.com', hostilePage);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('opens into the sourced card by click and by keyboard, closes with Escape, and passes axe', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    expect(await pill.text('pill-name')).toBe('Kraken');
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('false');

    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    expect(await pill.text('[data-testid="exchange-card"] h2')).toBe('Kraken');
    // Every section says where its figures come from, or that they are unknown.
    // Source links show their site; their accessible name says "Source: <site>".
    for (const section of ['card-por-section', 'card-concentration', 'card-flows']) {
      const named = await pill.evaluate(
        (root, id) => [...root.querySelectorAll(`[data-testid="${id}"] a[aria-label]`)].filter((link) => /^Source: \S+$/.test(link.getAttribute('aria-label') ?? '')).length,
        section,
      );
      expect((named ?? 0) > 0 || /Unknown|Nothing published/.test((await pill.text(section)) ?? ''), section).toBe(true);
    }
    expect(await pillAxeProblems(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    expect(await pill.activeTestId()).toBe('pill-toggle');
    await page.close();
  });

  test('asks the background once per page load, from the small script listed first', async () => {
    // The question leaves from exchange-ask.js, before the larger page script is evaluated.
    expect(builtContentScripts().map((entry) => [entry.run_at, entry.js])).toEqual([['document_start', ['exchange-ask.js', 'content-scripts/exchange.js']]]);
    // A second listener in the background notes the questions in order; it answers none of them.
    await browser.worker.evaluate(() => {
      const scope = globalThis as unknown as { pageQuestions: string[]; chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => undefined): void } } } };
      scope.pageQuestions = [];
      scope.chrome.runtime.onMessage.addListener((message) => {
        scope.pageQuestions.push(String((message as { type?: unknown } | null)?.type));
        return undefined;
      });
    });
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await shadowUi(page).waitFor('pill-name');
    // The page script took the early answer instead of asking again. Looked at once it has asked for the card's words,
    // which it does when it draws from the answer: a question of its own for its state would have come before.
    const questions = () => browser.worker.evaluate(() => (globalThis as unknown as { pageQuestions: string[] }).pageQuestions);
    await expect.poll(questions).toContain('page-card');
    expect((await questions()).filter((type) => type === 'page-state')).toEqual(['page-state']);
    // And after the draw: two frames on, still the one question.
    await page.evaluate(async () => {
      for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect((await questions()).filter((type) => type === 'page-state')).toEqual(['page-state']);
    await page.close();
  });

  test('a click on the first-paint pill, before Preact has taken it over, still opens the card', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    // Where the collapsed pill sits on this page, learned from an ordinary load first.
    const { box, pillAppeared } = await pillPlaceThenServe(browser.context, page, 'https://www.bitstamp.net', earlyClickPage);
    const loaded = page.goto('https://www.bitstamp.net/');
    await pillAppeared;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await loaded;
    const pill = shadowUi(page);
    await pill.waitFor('nudge-panel', { timeout: 5000 });
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    await page.close();
  });

  test('moves to another corner by dragging, and remembers it', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    expect(await pill.attribute('nudge', 'data-corner')).toBe('bottom-right');
    const box = await pill.box('pill-toggle');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(300, 200, { steps: 8 });
    await page.mouse.move(60, 60, { steps: 8 });
    await page.mouse.up();
    await pill.waitFor('[data-corner="top-left"]');
    await page.reload();
    await pill.waitFor('pill-toggle');
    expect(await pill.attribute('nudge', 'data-corner')).toBe('top-left');
    // Put it back for the other tests and the screenshots.
    await pill.click('pill-toggle');
    for (let i = 0; i < 2; i++) await pill.click('move-corner');
    expect(await pill.attribute('nudge', 'data-corner')).toBe('bottom-right');
    await page.close();
  });

  test('styles are isolated both ways: the page cannot restyle the pill, the pill cannot restyle the page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.gemini.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    const inside = await pill.style('pill-toggle', ['display', 'font-size', 'color']);
    expect(inside).not.toBeNull();
    expect(inside?.display).toBe('flex');
    expect(inside?.['font-size']).toBe('13px');
    expect(inside?.color).not.toBe('rgb(255, 0, 0)');
    const outside = await page.evaluate(() => {
      const card = getComputedStyle(document.getElementById('page-card') as HTMLElement);
      const chip = getComputedStyle(document.getElementById('page-chip') as HTMLElement);
      return { cardDisplay: card.display, cardGap: card.gap, chipRadius: chip.borderRadius, chipPadding: chip.padding };
    });
    expect(outside).toEqual({ cardDisplay: 'block', cardGap: 'normal', chipRadius: '0px', chipPadding: '0px' });
    await page.close();
  });

  test('causes no layout shift', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: number; shifted: string[] };
      w.shifts = 0;
      w.shifted = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node }[] }[]) {
          // As in Cumulative Layout Shift: movement right after the user's own input is expected.
          if (entry.hadRecentInput) continue;
          w.shifts += entry.value;
          for (const source of entry.sources) w.shifted.push(source.node?.nodeName ?? '?');
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('https://www.kraken.com/');
    await shadowUi(page).click('pill-toggle');
    await shadowUi(page).waitFor('nudge-panel');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shifted: string[] }).shifted)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
    await page.close();
  });

  test('survives a page that rebuilds its DOM: exactly one pill, never none', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.okx.com/');
    await shadowUi(page).waitFor('pill-toggle');
    // Looked at once the page has taken the pill away: our watch puts it back in the same task (a mutation
    // observer's callback runs before the page's next timer), so from the next tick on it is there again, once.
    // The tick is compared as a minimum: the header moves on every 30 ms, and the test may first look several ticks later.
    const tookAt = await page.waitForFunction(() => (window as unknown as { tookPillAt?: number }).tookPillAt);
    await page.waitForFunction((tick) => Number(document.querySelector('header')?.textContent?.replace('Tick ', '')) >= Number(tick) + 2, await tookAt.jsonValue());
    expect(await page.evaluate(() => document.querySelectorAll('reserve-radar-pill').length)).toBe(1);
    expect(await shadowUi(page).text('pill-name')).toBe('OKX');
    await page.close();
  });

  test('a collapsed exchange opens its card by itself, in danger colours', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://ftx.com/');
    const pill = shadowUi(page);
    await pill.waitFor('nudge-panel');
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('true');
    expect(await pill.attribute('level-chip', 'data-level')).toBe('danger');
    expect(await pill.text('exchange-card')).toContain('Collapsed');
    await page.close();
  });

  test('snoozing hides the pill on the next visit', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.click('pill-toggle');
    await pill.waitFor('snooze');
    // The list starts at "1 day"; the Snooze button beside it applies the choice (a trusted click).
    await pill.click('snooze-apply');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    await page.reload();
    // The worker has answered this page with the snooze, so the answer the pill is decided from is in too.
    expect(await pageSnoozes(page, browser.extensionId)).toHaveProperty('kraken');
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill'))).toBeNull();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('snoozes').waitFor();
    await expect.poll(() => options.getByTestId('snoozes').textContent()).toContain('Kraken');
    await options.getByRole('button', { name: /Kraken/ }).click();
    await options.getByText('No card is hidden on an exchange page.').waitFor();
    await page.reload();
    await shadowUi(page).waitFor('pill-toggle');
    await options.close();
    await page.close();
  });

  test('popup: the tab’s card, and elsewhere a searchable, sortable list; both pass axe', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    await shadowUi(page).waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('exchange-card').waitFor();
    expect(await axeProblems(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('popup.png'), fullPage: true });

    // Share: the text summary with dated figures and a PNG drawn here, no upload.
    await popup.getByTestId('share-toggle').click();
    await popup.getByTestId('share-panel').waitFor();
    const summary = await popup.getByTestId('share-text').inputValue();
    expect(summary).toContain('Kraken');
    // Dates written as the card writes them in the reader's language ("Mar 31, 2025"), not ISO.
    expect(summary).toMatch(/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/);
    expect(summary).not.toMatch(/utm_|fbclid|gclid/);
    await popup.getByTestId('share-download').waitFor();
    await expect.poll(() => popup.getByTestId('share-download').getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    expect(await axeProblems(popup)).toEqual([]);

    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=999999`);
    await popup.getByTestId('popup-not-exchange').waitFor();
    await popup.getByTestId('exchange-row').first().waitFor();
    expect(await popup.getByTestId('exchange-row').count()).toBeGreaterThanOrEqual(55);
    await popup.getByTestId('search').fill('bit');
    const names = await popup.locator('.list__name').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name.toLowerCase()).toContain('bit');
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('sort').selectOption('coverage');
    // The polite status is in the page before the search, and says the settled result once typing stops.
    await expect.poll(() => popup.getByTestId('search-status').getAttribute('role')).toBe('status');
    await popup.getByTestId('search').pressSequentially('zzzz-no-such');
    await popup
      .getByText(/No exchange matches/)
      .first()
      .waitFor();
    await expect.poll(() => popup.getByTestId('search-status').textContent()).toBe('No exchange matches “zzzz-no-such”.');
    await popup.getByTestId('search').fill('');
    expect(await axeProblems(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('popup-list.png') });
    await popup.close();
    await page.close();
  });

  test('options page passes axe and works by keyboard', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sources').waitFor();
    expect(await axeProblems(options)).toEqual([]);
    await options.getByRole('radio', { name: 'Once a day per exchange' }).focus();
    await options.keyboard.press('ArrowDown');
    await expect.poll(() => options.getByRole('radio', { name: /caution or worse/ }).isChecked()).toBe(true);
    await options.getByRole('radio', { name: 'Every visit' }).check();
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
    await options.close();
  });
});

describe('the nudge in dark mode', () => {
  test('the expanded card follows the system theme', async () => {
    const browser = await launchChromium({ colorScheme: 'dark' });
    try {
      await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto('https://www.binance.com/');
      const pill = shadowUi(page);
      await pill.click('pill-toggle');
      await pill.waitFor('nudge-panel');
      expect((await pill.style('.panel', ['background-color']))?.['background-color']).toBe('rgb(27, 27, 31)');
      expect(await pillAxeProblems(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
