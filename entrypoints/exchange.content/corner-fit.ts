import type { Corner } from '@/components/Pill';
import { viewportSize } from './place-clear';

/**
 * Whether the pill's corner is already taken by something of the page's own that stays put on
 * screen (a support-chat launcher, a cookie bar, a fixed header), and which corner is free instead.
 *
 * The exchange's page is not trusted, so the look is bounded: a fixed grid of points per corner,
 * the top few elements the browser hit-tests at each point, a few ancestors of each, and an
 * overall budget of style reads. It only reads (no style or DOM writes between reads, so one
 * layout at most), and it only ever picks one of our own four corners, which our own styles place
 * inside the viewport: whatever the page does, the pill cannot end up off-screen or hidden by
 * this. When the budget runs out, or every corner is taken, the pill stays where it is.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** How the check sees the page: `documentProbe` in the browser, plain objects in the unit tests. */
export interface CornerProbe<E = Element> {
  viewport: { width: number; height: number };
  /** The elements hit at a point, topmost first (`document.elementsFromPoint`). */
  elementsAt(x: number, y: number): readonly E[];
  /** Our own element (the pill's host), and the root elements: never the page's widget. */
  ignored(element: E): boolean;
  /** The computed `position`. */
  positionOf(element: E): string;
  parentOf(element: E): E | null;
  boxOf(element: E): Box;
}

/** The pill's distance from the viewport's edges (style.css: `right: 16px; bottom: 16px`…). */
export const CORNER_MARGIN = 16;

/** When to look again for the page's own corner widgets: support chats load a little after the page. */
export const CORNER_LOOKS_MS = [1000, 3000, 8000] as const;

/** The bounds of one check. */
export const LIMITS = {
  /** Sample points across the pill's box: at most this many columns, 3 rows. */
  columns: 12,
  rows: 3,
  /** Elements looked at per point, from the top of the stack. */
  hitsPerPoint: 6,
  /** Ancestors looked at per element (the fixed wrapper of a launcher's icon). */
  ancestors: 8,
  /** Style reads over the whole check, every corner included. */
  styleReads: 2000,
} as const;

/** Corners to try, the preferred first: then the other side of the same edge, then the other edge. */
export function cornerOrder(preferred: Corner): Corner[] {
  const [vertical, horizontal] = preferred.split('-') as ['top' | 'bottom', 'left' | 'right'];
  const otherVertical = vertical === 'top' ? 'bottom' : 'top';
  const otherHorizontal = horizontal === 'left' ? 'right' : 'left';
  return [preferred, `${vertical}-${otherHorizontal}`, `${otherVertical}-${horizontal}`, `${otherVertical}-${otherHorizontal}`];
}

/** Where a box of `size` sits in `corner` of the viewport. */
export function boxInCorner(corner: Corner, size: { width: number; height: number }, viewport: { width: number; height: number }): Box {
  const left = corner.endsWith('left') ? CORNER_MARGIN : viewport.width - CORNER_MARGIN - size.width;
  const top = corner.startsWith('top') ? CORNER_MARGIN : viewport.height - CORNER_MARGIN - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

export interface FreeCornerParameters<E> {
  preferred: Corner;
  /** The collapsed pill's size (with the balance line when there is one). */
  size: { width: number; height: number };
  probe: CornerProbe<E>;
}

/**
 * The corner the pill should sit in: `preferred` when nothing of the page's own stays put there,
 * else the first free one in `cornerOrder`, else `preferred` (the page covers every corner, or it
 * was too costly to tell).
 */
export function freeCorner<E>({ preferred, size, probe }: FreeCornerParameters<E>): Corner {
  const budget = { styleReads: LIMITS.styleReads };
  // An element's answer is kept for the rest of the check: a launcher hit at many points is read once.
  const fixedAncestor = new Map<E, E | null>();
  for (const corner of cornerOrder(preferred)) {
    const taken = occupied(boxInCorner(corner, size, probe.viewport), probe, budget, fixedAncestor);
    if (taken === 'out-of-budget') return preferred;
    if (!taken) return corner;
  }
  return preferred;
}

function occupied<E>(box: Box, probe: CornerProbe<E>, budget: { styleReads: number }, fixedAncestor: Map<E, E | null>): boolean | 'out-of-budget' {
  const { viewport } = probe;
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  if (!(width > 0 && height > 0)) return false;
  const columns = Math.min(LIMITS.columns, Math.max(2, Math.ceil(width / 24) + 1));
  for (let row = 0; row < LIMITS.rows; row++) {
    const y = box.top + 3 + ((height - 6) * row) / (LIMITS.rows - 1);
    for (let column = 0; column < columns; column++) {
      const x = box.left + 3 + ((width - 6) * column) / (columns - 1);
      if (x < 0 || y < 0 || x >= viewport.width || y >= viewport.height) continue;
      const hits = probe.elementsAt(x, y);
      let looked = 0;
      for (const hit of hits) {
        if (looked >= LIMITS.hitsPerPoint) break;
        if (probe.ignored(hit)) continue;
        looked++;
        const fixed = fixedAncestorOf(hit, probe, budget, fixedAncestor);
        if (fixed === 'out-of-budget') return 'out-of-budget';
        if (fixed !== null && !coversPage(probe.boxOf(fixed), viewport)) return true;
      }
    }
  }
  return false;
}

/** The element itself or its nearest ancestor (within `LIMITS.ancestors`) that stays put on screen. */
function fixedAncestorOf<E>(element: E, probe: CornerProbe<E>, budget: { styleReads: number }, known: Map<E, E | null>): E | null | 'out-of-budget' {
  const walked: E[] = [];
  let found: E | null = null;
  let current: E | null = element;
  for (let step = 0; current !== null && step <= LIMITS.ancestors; step++) {
    if (known.has(current)) {
      found = known.get(current) ?? null;
      break;
    }
    if (probe.ignored(current)) break;
    if (budget.styleReads-- <= 0) return 'out-of-budget';
    walked.push(current);
    const position = probe.positionOf(current);
    if (position === 'fixed' || position === 'sticky') {
      found = current;
      break;
    }
    current = probe.parentOf(current);
  }
  for (const element of walked) known.set(element, found);
  return found;
}

/** A layer over (nearly) the whole viewport is the page's backdrop, not a widget in a corner: moving would not help. */
function coversPage(box: Box, viewport: { width: number; height: number }): boolean {
  return box.right - box.left >= viewport.width * 0.9 && box.bottom - box.top >= viewport.height * 0.9;
}

/** The live page, seen from the content script's own world (the page's scripts cannot change these functions there). */
export function documentProbe(host: Element): CornerProbe {
  const { documentElement, body } = document;
  return {
    viewport: viewportSize(),
    elementsAt: (x, y) => document.elementsFromPoint(x, y),
    ignored: (element) => element === host || element === documentElement || element === body,
    positionOf: (element) => getComputedStyle(element).position,
    parentOf: (element) => element.parentElement,
    boxOf: (element) => element.getBoundingClientRect(),
  };
}
