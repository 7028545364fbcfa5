/**
 * The card's proof-of-reserves trend on the exchange's page, in Chromium with the built extension:
 * each row's date links its own report, the keyboard reaches the links row by row after their
 * disclosure, and axe finds nothing on the card with every trend opened, light and dark
 * (violations and "incomplete" results alike, not only contrast). Some of Gate's addresses serve
 * whichever report is newest, so only the newest row using an address links it (`TrendPoint.source`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate, sourceSite } from '../../lib/words/format';
import { lowContrast, openCard, viewOf } from './card-screen';
import { fakeExchangeHtml, inShadow, launchChromium, openCopyForAxe, removeOpenCopy, routeSite, shadowUi, type ChromiumExtension } from './harness';

const ORIGIN = 'https://www.gate.io';

/** The focused element in the pill's closed root: its tag, address and accessible name. */
const focused = (page: Page) =>
  inShadow(page, 'reserve-radar-pill', (root) => {
    const element = root.activeElement;
    return element === null ? null : { tag: element.localName, href: element.getAttribute('href'), name: element.getAttribute('aria-label'), text: element.textContent };
  });

/** Every axe violation and every "incomplete" result on an open copy of the pill's root, in the scheme emulated now. */
async function allAxeFindings(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  const copy = await openCopyForAxe(page, 'reserve-radar-pill');
  const hide = (hidden: boolean) =>
    inShadow(page, 'reserve-radar-pill', (root, on) => root.querySelector<HTMLElement>(':scope > div')?.style[on ? 'setProperty' : 'removeProperty']('visibility', 'hidden'), hidden);
  await hide(true);
  try {
    const results = await new AxeBuilder({ page }).include(copy).analyze();
    const lines = (kind: string, rules: typeof results.violations) => rules.map((rule) => `${colorScheme} ${kind} ${rule.id}: ${rule.nodes.map((node) => node.target.join(' ')).join('; ')}`);
    return [...lines('violation', results.violations), ...lines('incomplete', results.incomplete)];
  } finally {
    await hide(false);
    await removeOpenCopy(page);
  }
}

describe('the card’s trend links each report, Chromium with the built extension', () => {
  let browser: ChromiumExtension;
  const trend = viewOf('gate').porTrend;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, ORIGIN, fakeExchangeHtml('Gate — stand-in'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('Tab goes from each opened trend to its rows’ links, newest first, each to its own report and named by its site; axe finds nothing, light and dark', async () => {
    expect(trend?.series.length ?? 0).toBeGreaterThan(0);
    const page = await browser.context.newPage();
    await openCard(page, ORIGIN, { width: 1280, height: 720 });
    const pill = shadowUi(page);
    await pill.focus('card-details-toggle');
    await page.keyboard.press('Enter');
    const seen: string[] = [];
    for (const [index, { asset, points }] of (trend?.series ?? []).entries()) {
      await pill.focus(`[data-testid="card-por-trend"] [data-asset="${asset}"] summary`);
      expect((await focused(page))?.tag, asset).toBe('summary');
      await page.keyboard.press('Enter');
      for (const point of [...points].reverse()) {
        if (point.source === undefined) continue;
        await page.keyboard.press('Tab');
        const date = formatDate(point.asOf, 'en');
        expect(await focused(page), `${asset} ${date}`).toEqual({ tag: 'a', href: point.source, name: `Source: ${sourceSite(point.source)}`, text: sourceSite(point.source) });
        seen.push(point.source);
      }
      // After the last row, on to the next trend's disclosure.
      await page.keyboard.press('Tab');
      if (index < (trend?.series.length ?? 0) - 1) expect((await focused(page))?.tag, `after ${asset}`).toBe('summary');
    }
    // Every link opens a different address: none stands for a report it does not serve.
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(new Set(trend?.series.flatMap((entry) => entry.points.map((point) => point.asOf).filter((_, i) => entry.points[i]?.source !== undefined))).size);
    const opened = await pill.evaluate(
      (root) => [...root.querySelectorAll('[data-testid="card-por-trend"] a')].map((link) => [link.getAttribute('target'), link.getAttribute('rel'), link.checkVisibility()].join(' ')),
      undefined,
    );
    expect(new Set(opened)).toEqual(new Set(['_blank noreferrer noopener true']));
    for (const colorScheme of ['light', 'dark'] as const) {
      expect(await allAxeFindings(page, colorScheme)).toEqual([]);
      expect(await lowContrast(page), colorScheme).toEqual([]);
    }
    await page.close();
  });

  test('a row’s link opens its report in a new tab that has no hold on the exchange’s page and is not told where it came from', async () => {
    const page = await browser.context.newPage();
    await openCard(page, ORIGIN, { width: 1280, height: 720 });
    const pill = shadowUi(page);
    await pill.click('card-details-toggle');
    const first = trend?.series[0];
    if (first === undefined) throw new Error('no trend in Gate’s bundled record');
    const { asset, points } = first;
    await pill.click(`[data-testid="card-por-trend"] [data-asset="${asset}"] summary`);
    const newest = points.at(-1);
    expect(newest?.source?.startsWith(`${ORIGIN}/`)).toBe(true);
    await pill.focus(`[data-testid="card-por-trend"] [data-asset="${asset}"] a[href="${newest?.source}"]`);
    const [report] = await Promise.all([browser.context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await report.waitForLoadState('domcontentloaded');
    expect(report.url()).toBe(newest?.source);
    expect(await report.evaluate(() => ({ opener: window.opener === null, referrer: document.referrer }))).toEqual({ opener: true, referrer: '' });
    await report.close();
    await page.close();
  });
});
