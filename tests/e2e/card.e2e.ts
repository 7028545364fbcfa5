/**
 * The card on the exchange's page, as a user meets it in Chromium with the built extension: it
 * reads in a few seconds (the verdict, three reasons at most, worst first, the Withdraw action in
 * view without scrolling, the rest behind a disclosure), its buttons keep their words on one line,
 * it gets out of the way of the page's own support-chat button, and the keyboard goes round it in
 * the order it is drawn. Swedish is drawn by the same components and styles on a plain page
 * (tests/e2e/pill-entry.tsx), in Chromium too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import preact from '@preact/preset-vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { fakeExchangeHtml, inShadow, launchChromium, requireFile, root, routeSite, screenshotPath, shadowUi, type ChromiumExtension } from './harness';

const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 720 },
] as const;

/** Exchanges whose bundled data gives the card different shapes: a caution among many unknowns, many unknowns, no reserve data. */
const EXCHANGES = [
  { id: 'binance', origin: 'https://www.binance.com' },
  { id: 'bybit', origin: 'https://www.bybit.com' },
  { id: 'kraken', origin: 'https://www.kraken.com' },
] as const;

const SEVERITY: Record<string, number> = { danger: 0, caution: 1, unknown: 2, info: 3 };

function viewOf(id: string): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now: new Date() });
}

/** The worst effect among a verdict's findings, which the card must lead with. */
function worstEffect(view: ExchangeView): string {
  const effects = view.verdict.reasons.filter((reason) => reason.effect !== 'ok' && !(reason.metric === 'status' && view.status.kind !== 'operating')).map((reason) => reason.effect);
  return effects.sort((a, b) => (SEVERITY[a] ?? 9) - (SEVERITY[b] ?? 9))[0] ?? 'none';
}

interface FirstScreen {
  verdict: string;
  effects: (string | null)[];
  detailsOpen: boolean | null;
  panelScrollTop: number;
  /** The Withdraw button: its box, the panel's visible box, the viewport, and whether a click on its middle reaches it. */
  withdraw: { top: number; bottom: number; left: number; right: number; hit: boolean } | null;
  panel: { top: number; bottom: number };
  viewport: { width: number; height: number };
}

/** The open card's first screen, as drawn: read through the DevTools protocol (the root is closed to the page). */
async function firstScreen(page: Page): Promise<FirstScreen> {
  const screen = await inShadow(page, 'reserve-radar-pill', (root) => {
    const panel = root.querySelector('[data-testid="nudge-panel"]') as HTMLElement;
    const withdraw = root.querySelector('[data-testid="withdraw"]') as HTMLElement | null;
    const box = withdraw?.getBoundingClientRect();
    const panelBox = panel.getBoundingClientRect();
    return {
      verdict: root.querySelector('[data-testid="card-verdict"]')?.textContent ?? '',
      effects: [...root.querySelectorAll('[data-testid="card-reasons"] > li')].map((item) => item.getAttribute('data-effect')),
      detailsOpen: (root.querySelector('[data-testid="card-details"]') as HTMLDetailsElement | null)?.open ?? null,
      panelScrollTop: panel.scrollTop,
      withdraw:
        box === undefined || withdraw === null
          ? null
          : {
              top: box.top,
              bottom: box.bottom,
              left: box.left,
              right: box.right,
              hit: root.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('[data-testid="withdraw"]') === withdraw,
            },
      panel: { top: panelBox.top, bottom: panelBox.bottom },
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
  if (screen === null) throw new Error('no pill on the page');
  return screen;
}

function expectReadsAtAGlance(screen: FirstScreen, view: ExchangeView, where: string): void {
  expect(screen.verdict.trim(), where).not.toBe('');
  expect(screen.effects.length, `${where}: reasons`).toBeGreaterThanOrEqual(1);
  expect(screen.effects.length, `${where}: reasons`).toBeLessThanOrEqual(3);
  expect(screen.effects[0], `${where}: the worst reason leads`).toBe(worstEffect(view));
  const ranks = screen.effects.map((effect) => SEVERITY[effect ?? ''] ?? 9);
  expect(ranks, `${where}: worst first`).toEqual([...ranks].sort((a, b) => a - b));
  expect(screen.detailsOpen, `${where}: the details start closed`).toBe(false);
  // The action is in view without scrolling anything: inside the viewport, inside the panel's visible part, not covered.
  const { withdraw, panel, viewport } = screen;
  expect(withdraw, `${where}: a Withdraw button`).not.toBeNull();
  if (withdraw === null) return;
  expect(screen.panelScrollTop, where).toBe(0);
  expect(withdraw.top, where).toBeGreaterThanOrEqual(Math.max(0, panel.top));
  expect(withdraw.bottom, where).toBeLessThanOrEqual(Math.min(viewport.height, panel.bottom));
  expect(withdraw.left, where).toBeGreaterThanOrEqual(0);
  expect(withdraw.right, where).toBeLessThanOrEqual(viewport.width);
  expect(withdraw.hit, `${where}: nothing covers it`).toBe(true);
}

/** How many lines the words of `testId` take, from the line boxes the browser laid out for them. */
async function lineCount(page: Page, testId: string): Promise<{ lines: number; overflows: boolean; text: string }> {
  const measured = await inShadow(
    page,
    'reserve-radar-pill',
    (root, id) => {
      const element = root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(element);
      const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom)));
      return { lines: lines.size, overflows: element.scrollWidth > element.clientWidth + 1, text: element.textContent ?? '' };
    },
    testId,
  );
  if (measured === null) throw new Error(`no ${testId}`);
  return measured;
}

/**
 * Text whose colour does not stand out enough from what is behind it (WCAG AA: 4.5:1, 3:1 for
 * large text), checked on every drawn text in the pill's root: backgrounds composited up to the
 * first opaque one; text over nothing opaque of ours counts as a failure too.
 */
async function lowContrast(page: Page): Promise<string[]> {
  const found = await inShadow(page, 'reserve-radar-pill', (root) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba | null => {
      const match = /rgba?\(([^)]+)\)/.exec(value);
      if (match === null) return null;
      const [r = 0, g = 0, b = 0, a = 1] = (match[1] ?? '')
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const linear = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const background = (element: Element): Rgba | null => {
      const layers: Rgba[] = [];
      for (let node: Element | null = element; node !== null; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour !== null && colour[3] > 0) {
          layers.push(colour);
          if (colour[3] >= 1) break;
        }
      }
      const opaque = layers.at(-1);
      if (opaque === undefined || opaque[3] < 1) return null;
      return layers.slice(0, -1).reduceRight<Rgba>((below, layer) => over(layer, below), opaque);
    };
    const problems: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      const drawnText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') || element.localName === 'select';
      if (!drawnText || !element.checkVisibility() || element.closest('.visually-hidden, option, style') !== null) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const text = parse(style.color);
      const behind = background(element);
      const label = `${element.localName}.${element.className} “${(element.textContent ?? '').trim().slice(0, 40)}”`;
      if (text === null || behind === null) {
        problems.push(`${label}: no opaque background of ours behind it`);
        continue;
      }
      const shown = over(text, behind);
      const [light, dark] = [luminance(shown), luminance(behind)].sort((a, b) => b - a) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`${label}: ${ratio.toFixed(2)}:1`);
    }
    return problems;
  });
  return found ?? ['no pill on the page'];
}

/**
 * axe reads open shadow roots only: a copy of the pill's closed root (same nodes, same styles) goes
 * into an open root, and what the closed root draws is hidden meanwhile, so axe sees the copy alone
 * and not two stacked. The copy hangs off <body>: axe decides contrast only for what its layout
 * grid holds, which it builds from <body> down (off <html>, every contrast comes back "incomplete").
 */
async function openCopy(page: Page): Promise<string> {
  const copied = await inShadow(page, 'reserve-radar-pill', (root) => {
    const copy = document.createElement('axe-open-copy');
    copy.setAttribute('style', 'position: fixed; inset: 0; width: 0; height: 0; display: block; overflow: visible;');
    const open = copy.attachShadow({ mode: 'open' });
    for (const node of root.childNodes) open.append(node.cloneNode(true));
    document.body.append(copy);
    root.querySelector<HTMLElement>(':scope > div')?.style.setProperty('visibility', 'hidden');
    return true;
  });
  if (copied !== true) throw new Error('no pill to copy');
  return 'axe-open-copy';
}

async function closeCopy(page: Page): Promise<void> {
  await inShadow(page, 'reserve-radar-pill', (root) => root.querySelector<HTMLElement>(':scope > div')?.style.removeProperty('visibility'));
  await page.evaluate(() => document.querySelector('axe-open-copy')?.remove());
}

/** axe over the open copy of the pill; its violations, and contrast it could not decide, all count. */
async function axeProblems(page: Page): Promise<string[]> {
  const copy = await openCopy(page);
  try {
    const results = await new AxeBuilder({ page }).include(copy).analyze();
    return [
      ...results.violations.map((rule) => `${rule.id}: ${rule.help} (${rule.nodes.map((node) => node.target.join(' ')).join(', ')})`),
      ...results.incomplete
        .filter((rule) => rule.id.startsWith('color-contrast'))
        .map((rule) => `incomplete ${rule.id}: ${rule.nodes.map((node) => `${node.target.join(' ')} ${node.any.map((check) => check.message).join(' ')}`).join('; ')}`),
    ];
  } finally {
    await closeCopy(page);
  }
}

async function openCard(page: Page, origin: string, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.goto(`${origin}/`);
  const pill = shadowUi(page);
  await pill.click('pill-toggle');
  await pill.waitFor('nudge-panel');
}

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
    expect(await axeProblems(page)).toEqual([]);
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
    expect(await axeProblems(page)).toEqual([]);
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
      expect(await axeProblems(page)).toEqual([]);
      expect(await lowContrast(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('card-dark.png') });
      await shadowUi(page).click('card-details-toggle');
      expect(await axeProblems(page)).toEqual([]);
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
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
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

  /** From where focus is (a control, or the card itself: before the first), Tab once round and one more; then Shift+Tab back. */
  async function goRound(page: Page): Promise<void> {
    const order = (await drawnOrder(page)) ?? [];
    expect(order.length).toBeGreaterThan(4);
    expect(order.some((entry) => entry.includes('|withdraw|'))).toBe(true);
    expect(order.some((entry) => entry.includes('|pill-toggle|'))).toBe(true);
    const start = order.indexOf((await focused(page)) ?? '');
    const expected = Array.from({ length: order.length + 1 }, (_, i) => order[(start + 1 + i) % order.length]);
    const seen: (string | null)[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
      expect(await focusInPill(page), `after Tab ${i + 1}`).toBe(true);
    }
    // Every control once, in the order drawn, and round again.
    expect(seen).toEqual(expected);
    const back: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      back.push(await focused(page));
    }
    expect(back).toEqual([1, 2, 3].map((step) => expected[expected.length - 1 - step]));
  }

  test('opening moves focus into the card; Tab goes round the card and the pill in the order drawn; Escape returns to the pill', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.binance.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    expect(await pill.evaluate((root) => root.activeElement?.closest('[data-testid="nudge-panel"]') !== null && root.activeElement !== null, undefined)).toBe(true);
    await goRound(page);

    // The disclosure opened from the keyboard: its links join the round, still in the order drawn.
    await pill.focus('card-details-toggle');
    await page.keyboard.press('Enter');
    await pill.focus('withdraw');
    await goRound(page);

    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    expect(await pill.activeTestId()).toBe('pill-toggle');
    await page.close();
  });

  test('in a top corner the card opens below the pill, and the round starts at the pill', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.binance.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    // "Move to another corner" by keyboard, twice: bottom-left, then top-left. Focus stays on the button.
    for (const corner of ['bottom-left', 'top-left']) {
      await pill.focus('move-corner');
      await page.keyboard.press('Enter');
      await pill.waitFor(`[data-corner="${corner}"]`);
      expect(await pill.activeTestId()).toBe('move-corner');
    }
    const order = (await drawnOrder(page)) ?? [];
    expect(order[0]).toMatch(/^0\|button\|pill-toggle\|/);
    await goRound(page);
    await page.keyboard.press('Escape');
    await pill.waitFor('nudge-panel', { state: 'detached' });
    expect(await pill.activeTestId()).toBe('pill-toggle');
    await page.close();
  });
});

/** A support-chat launcher as the widgets draw theirs: a round button fixed 20 px from the bottom-right corner. */
const LAUNCHER = `<button id="chat" type="button" aria-label="Chat with support" style="position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;background:#0b57d0;color:#fff;z-index:2147483000">?</button>`;

describe('the pill and the page’s own support-chat button', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.okx.com', fakeExchangeHtml('OKX — stand-in', LAUNCHER));
    await routeSite(
      browser.context,
      'https://www.kraken.com',
      fakeExchangeHtml('Kraken — stand-in', `<script>setTimeout(() => document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(LAUNCHER)}), 1500);</script>`),
    );
    // Something fixed in every corner: a header bar and a bottom bar the width of the page.
    await routeSite(
      browser.context,
      'https://www.bybit.com',
      fakeExchangeHtml(
        'Bybit — stand-in',
        `<div style="position:fixed;left:0;right:0;top:0;height:70px;background:#222"></div><div style="position:fixed;left:0;right:0;bottom:0;height:70px;background:#222"></div>`,
      ),
    );
    // A page that looks for our element (its box answers hit tests) and keeps putting a fixed box of its own on it.
    await routeSite(
      browser.context,
      'https://www.gate.io',
      fakeExchangeHtml(
        'Gate — stand-in',
        `<div id="deep"></div><script>
          // A big page: 20 000 elements, some of them 60 levels deep (deeper, and the DevTools protocol the test reads through gives up first).
          let node = document.getElementById('deep');
          for (let i = 0; i < 60; i++) { const child = document.createElement('div'); node.append(child); node = child; }
          for (let i = 0; i < 20000; i++) document.body.append(document.createElement('span'));
          const chaser = document.createElement('div');
          chaser.style.cssText = 'position:fixed;width:120px;height:60px;background:#c00;z-index:10';
          node.append(chaser);
          // Where the pill can be: along the top and bottom edges.
          const probes = [];
          for (const y of [30, innerHeight - 30]) for (let x = 20; x < innerWidth; x += 40) probes.push([x, y]);
          setInterval(() => {
            for (const [x, y] of probes) {
              if (document.elementFromPoint(x, y)?.localName === 'reserve-radar-pill') { chaser.style.left = (x - 60) + 'px'; chaser.style.top = (y - 30) + 'px'; return; }
            }
          }, 100);
        </script>`,
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const launcherBox = (page: Page) =>
    page.evaluate(() => {
      const box = document.getElementById('chat')!.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
  /** The page's own button still gets a click at its middle: nothing of ours is on top of it. */
  const launcherReachable = (page: Page) =>
    page.evaluate(() => {
      const chat = document.getElementById('chat')!;
      const box = chat.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === chat;
    });
  const inViewport = async (page: Page) => {
    const box = await shadowUi(page).box('.pill');
    const size = page.viewportSize()!;
    return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height && box.width > 0;
  };

  test('the default corner gives way to a support-chat button there, at once or when it loads later', async () => {
    for (const origin of ['https://www.okx.com', 'https://www.kraken.com']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${origin}/`);
      const pill = shadowUi(page);
      await pill.waitFor('pill-toggle');
      await expect.poll(() => pill.attribute('nudge', 'data-corner'), { timeout: 12_000 }).toBe('bottom-left');
      expect(overlap(await pill.box('.pill'), await launcherBox(page)), origin).toBe(false);
      expect(await launcherReachable(page), origin).toBe(true);
      expect(await inViewport(page)).toBe(true);
      await page.close();
    }
  });

  test('the page cannot push the pill off-screen or make it hop: every corner taken, or a page chasing it', async () => {
    const taken = await browser.context.newPage();
    await taken.setViewportSize({ width: 1280, height: 720 });
    await taken.goto('https://www.bybit.com/');
    await shadowUi(taken).waitFor('pill-toggle');
    await taken.waitForTimeout(1500);
    expect(await shadowUi(taken).attribute('nudge', 'data-corner')).toBe('bottom-right');
    expect(await inViewport(taken)).toBe(true);
    await taken.close();

    const chased = await browser.context.newPage();
    await chased.setViewportSize({ width: 1280, height: 720 });
    await chased.goto('https://www.gate.io/');
    const pill = shadowUi(chased);
    await pill.waitFor('pill-toggle');
    const corners = new Set<string | null>();
    const deadline = Date.now() + 9000;
    while (Date.now() < deadline) {
      corners.add(await pill.attribute('nudge', 'data-corner'));
      expect(await inViewport(chased)).toBe(true);
      await chased.waitForTimeout(250);
    }
    // At most one move, from the default corner to one other: never round and round after the page's box.
    expect(corners.size).toBeLessThanOrEqual(2);
    await chased.close();
  });

  test('a corner the user chose wins over the page’s button', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.okx.com/');
    const pill = shadowUi(page);
    await expect.poll(() => pill.attribute('nudge', 'data-corner'), { timeout: 12_000 }).toBe('bottom-left');
    await pill.click('pill-toggle');
    for (const corner of ['top-left', 'top-right', 'bottom-right']) {
      await pill.click('move-corner');
      await pill.waitFor(`[data-corner="${corner}"]`);
    }
    await page.reload();
    await pill.waitFor('pill-toggle');
    // Looked at after the first frame and again after a second: a default corner would have moved by now.
    await page.waitForTimeout(1800);
    expect(await pill.attribute('nudge', 'data-corner')).toBe('bottom-right');
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
      expect(await axeProblems(page), colorScheme).toEqual([]);
      expect(await lowContrast(page), colorScheme).toEqual([]);
      await page.screenshot({ path: screenshotPath(colorScheme === 'light' ? 'card-sv.png' : 'card-sv-dark.png') });
      await context.close();
    }
  });
});
