/**
 * Keeping the mismatch warning off the field it warns about: the user must see both the warning
 * and what they typed. The warning sits at the viewport's top edge, or at its bottom edge when
 * the field is up there, and follows the page as it scrolls or changes size.
 */

/** A box in the viewport, in CSS pixels. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PlaceClearOfParameters {
  /** The field's top and bottom in the viewport, in CSS pixels (either may lie outside it). */
  field: { top: number; bottom: number };
  viewportHeight: number;
  /** The warning's full height. */
  height: number;
  /** Space kept from the viewport's edges and from the field. */
  margin?: number;
  /** Our own pill and its open card: kept clear of as well, where the warning's columns meet them. */
  ours?: readonly Box[];
  /** The warning's columns as drawn (centred) and the viewport's width, so it may step aside from `ours`. */
  across?: { left: number; right: number; viewportWidth: number };
}

export interface PlaceClearOfReturnType {
  top: number;
  /** Set when the warning fits on neither side: it scrolls inside this height. */
  maxHeight: number | undefined;
  /** Set when the warning steps aside from our card: its left edge. */
  left?: number;
  /** Set when no readable room was left beside our card: the warning goes over it. */
  overOurs?: true;
}

/**
 * Below this height a warning that scrolls inside itself is not read. Rather than that it goes
 * over our own card (which Escape closes), and when even the field leaves no such room (a field as
 * tall as the window), over the field: a warning the user cannot see is worse than a covered field.
 */
export const READABLE_HEIGHT = 120;

/**
 * Where the warning goes: inside the viewport and at least readable (`READABLE_HEIGHT`, or its
 * whole height when less) always; clear of the field and of our own pill and card when there is
 * room. It tries its centred place, then a place beside our card; in each, the top edge, the bottom
 * edge, then any gap where it fits whole. Failing that, centred in the largest gap, scrolling inside
 * itself; when that gap is too small to read, it keeps clear of the field alone; when that too is
 * too small, it goes over the field.
 */
export function placeClearOf({ field, viewportHeight, height, margin = 12, ours = [], across }: PlaceClearOfParameters): PlaceClearOfReturnType {
  const readable = Math.min(height, READABLE_HEIGHT);
  const isReadable = (placed: PlaceClearOfReturnType) => placed.maxHeight === undefined || placed.maxHeight >= readable;
  const inColumns = (left: number, right: number) => ours.filter((box) => box.left < right && left < box.right);
  const centred = across === undefined ? ours : inColumns(across.left, across.right);
  if (across !== undefined && centred.length > 0) {
    const width = across.right - across.left;
    const asides = centred.flatMap((box) => [box.left - margin - width, box.right + margin]).filter((left) => left >= margin && left + width <= across.viewportWidth - margin);
    for (const left of [across.left, ...asides]) {
      const placed = vertical([field, ...inColumns(left, left + width)], viewportHeight, height, margin);
      if (placed.maxHeight === undefined) return left === across.left ? placed : { ...placed, left };
    }
  }
  const placed = vertical([field, ...centred], viewportHeight, height, margin);
  if (isReadable(placed)) return placed;
  const overOurs = centred.length > 0 ? ({ overOurs: true } as const) : {};
  const clear = vertical([field], viewportHeight, height, margin);
  if (isReadable(clear)) return { ...clear, ...overOurs };
  // No readable room anywhere: over the field, from the largest gap's top, still inside the viewport.
  const top = Math.max(0, Math.min(clear.top, viewportHeight - margin - readable));
  return { top, maxHeight: Math.min(Math.max(clear.maxHeight ?? 0, readable), viewportHeight - top), ...overOurs };
}

/** The top edge, else the bottom edge, else the first gap between `blocked` it fits in whole, else the largest gap (the higher on a tie), scrolling inside it. */
function vertical(blocked: { top: number; bottom: number }[], viewportHeight: number, height: number, margin: number): PlaceClearOfReturnType {
  // The free stretches of the viewport, top to bottom: what lies outside it blocks nothing, so a
  // field scrolled out of view leaves the whole viewport free.
  const gaps: [number, number][] = [];
  let from = 0;
  for (const { top, bottom } of blocked.sort((a, b) => a.top - b.top)) {
    if (bottom <= 0 || top >= viewportHeight) continue;
    if (top > from) gaps.push([from, top]);
    from = Math.max(from, bottom);
  }
  if (from < viewportHeight) gaps.push([from, viewportHeight]);
  const room = ([top, bottom]: [number, number]) => bottom - top - 2 * margin;
  const whole = gaps.filter((gap) => room(gap) >= height);
  const first = whole[0];
  if (first?.[0] === 0) return { top: margin, maxHeight: undefined };
  if (whole.at(-1)?.[1] === viewportHeight) return { top: viewportHeight - margin - height, maxHeight: undefined };
  if (first !== undefined) return { top: first[0] + margin, maxHeight: undefined };
  const largest = gaps.reduce((best, gap) => (room(gap) > room(best) ? gap : best), [0, 0]);
  return { top: largest[0] + margin, maxHeight: Math.max(room(largest), 0) };
}

/**
 * The viewport's size in CSS pixels, without scrollbars where that can be told. In standards mode
 * the root element's client size is the viewport's and no page style changes it; in quirks mode
 * (no doctype) it is the <html> element's own size, which the page sets, so the window's inner size
 * (scrollbars included) stands in. Never more than the window either way.
 */
export function viewportSize(): { width: number; height: number } {
  const { innerWidth: width, innerHeight: height } = window;
  const { compatMode, documentElement: root } = document;
  return compatMode === 'CSS1Compat' ? { width: Math.min(root.clientWidth, width), height: Math.min(root.clientHeight, height) } : { width, height };
}

export interface OursToKeepClearOf {
  /** What is on screen of ours now (the pill's column, with its card when open). */
  elements: () => readonly Element[];
  /** Asked when ours leave the warning no readable room (a narrow window with the card open): ours may give way. */
  makeRoom?: () => void;
}

/**
 * Places `box` (position: fixed) clear of `field`, and of `ours` (our pill and card), now and
 * again whenever the page scrolls (any scroller), the window resizes, either element or one of
 * ours changes size, or one of ours moves to another corner, until `signal` aborts. One
 * placement per frame at most. Only the first placement, and only when it follows the user's own
 * input (`afterInput`), may ask ours to make room: every later one is set off by the page (a
 * scroll, a field that grows), and the page must not close our card.
 */
export function keepClearOf(field: Element, box: HTMLElement, signal: AbortSignal, ours: OursToKeepClearOf = { elements: () => [] }, { afterInput = false } = {}): void {
  let frame: number | undefined;
  const watched = new WeakSet<Element>();
  const place = (mayMakeRoom = false) => {
    frame = undefined;
    const rect = field.getBoundingClientRect();
    // The full height, whatever height it was held to last time.
    const height = box.scrollHeight + box.offsetHeight - box.clientHeight;
    const { width: viewportWidth, height: viewportHeight } = viewportSize();
    const width = box.offsetWidth;
    const boxes: Box[] = [];
    for (const element of ours.elements()) {
      if (!watched.has(element)) {
        watched.add(element);
        resized.observe(element);
        // A move to another corner (class) or a drag (style) changes no size.
        moved.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
      }
      const { top, bottom, left, right, width: w, height: h } = element.getBoundingClientRect();
      if (w > 0 && h > 0) boxes.push({ top, bottom, left, right });
    }
    const across = { left: (viewportWidth - width) / 2, right: (viewportWidth + width) / 2, viewportWidth };
    const { top, maxHeight, left, overOurs } = placeClearOf({ field: rect, viewportHeight, height, ours: boxes, across });
    if (overOurs === true && mayMakeRoom && ours.makeRoom !== undefined) {
      // Once: a card the user opens again while the warning shows stays open (the warning goes over it).
      ours.makeRoom();
      soon();
    }
    box.style.top = `${top}px`;
    box.style.maxHeight = maxHeight === undefined ? '' : `${maxHeight}px`;
    // Centred by the style sheet unless it steps aside from our card.
    box.style.left = left === undefined ? '' : `${left}px`;
    box.style.transform = left === undefined ? '' : 'none';
  };
  const soon = () => {
    frame ??= requestAnimationFrame(() => place());
  };
  const resized = new ResizeObserver(soon);
  const moved = new MutationObserver(soon);
  place(afterInput);
  window.addEventListener('scroll', soon, { capture: true, passive: true, signal });
  window.addEventListener('resize', soon, { passive: true, signal });
  resized.observe(field);
  resized.observe(box);
  signal.addEventListener('abort', () => {
    resized.disconnect();
    moved.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  });
}
