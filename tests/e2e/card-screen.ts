/**
 * What the tests of the card read from the pill's closed shadow root: the open card's first
 * screen and whether it reads at a glance, how many lines a label takes, the contrast of every
 * drawn text; and the exchanges and sizes they are checked at.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import { inShadow, shadowUi } from './harness';

export const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 720 },
] as const;

/** Exchanges whose bundled data gives the card different shapes: a caution among many unknowns, many unknowns, no reserve data. */
export const EXCHANGES = [
  { id: 'binance', origin: 'https://www.binance.com' },
  { id: 'bybit', origin: 'https://www.bybit.com' },
  { id: 'kraken', origin: 'https://www.kraken.com' },
] as const;

const SEVERITY: Record<string, number> = { danger: 0, caution: 1, unknown: 2, info: 3 };

export function viewOf(id: string): ExchangeView {
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
export async function firstScreen(page: Page): Promise<FirstScreen> {
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

export function expectReadsAtAGlance(screen: FirstScreen, view: ExchangeView, where: string): void {
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
export async function lineCount(page: Page, testId: string): Promise<{ lines: number; overflows: boolean; text: string }> {
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
export async function lowContrast(page: Page): Promise<string[]> {
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

export async function openCard(page: Page, origin: string, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.goto(`${origin}/`);
  const pill = shadowUi(page);
  await pill.click('pill-toggle');
  await pill.waitFor('nudge-panel');
}
