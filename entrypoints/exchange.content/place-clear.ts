/**
 * Keeping the mismatch warning off the field it warns about: the user must see both the warning
 * and what they typed. The warning sits at the viewport's top edge, or at its bottom edge when
 * the field is up there, and follows the page as it scrolls or changes size.
 */

export interface PlaceClearOfParameters {
  /** The field's top and bottom in the viewport, in CSS pixels (either may lie outside it). */
  field: { top: number; bottom: number };
  viewportHeight: number;
  /** The warning's full height. */
  height: number;
  /** Space kept from the viewport's edges and from the field. */
  margin?: number;
}

export interface PlaceClearOfReturnType {
  top: number;
  /** Set when the warning fits on neither side: it scrolls inside this height. */
  maxHeight: number | undefined;
}

/**
 * Where the warning goes: the top edge when it fits above the field, else the bottom edge when
 * it fits below, else the larger of the two gaps, scrolling inside itself. It never overlaps
 * the field.
 */
export function placeClearOf({ field, viewportHeight, height, margin = 12 }: PlaceClearOfParameters): PlaceClearOfReturnType {
  const clamp = (value: number) => Math.min(Math.max(value, 0), viewportHeight);
  // A field scrolled out of view above leaves the whole viewport free, the top edge too.
  const gapAbove = field.bottom <= 0 ? viewportHeight : clamp(field.top);
  const gapBelow = viewportHeight - clamp(field.bottom);
  const needed = height + 2 * margin;
  if (gapAbove >= needed) return { top: margin, maxHeight: undefined };
  if (gapBelow >= needed) return { top: viewportHeight - margin - height, maxHeight: undefined };
  if (gapAbove >= gapBelow) return { top: margin, maxHeight: Math.max(gapAbove - 2 * margin, 0) };
  return { top: clamp(field.bottom) + margin, maxHeight: Math.max(gapBelow - 2 * margin, 0) };
}

/**
 * Places `box` (position: fixed) clear of `field` now and again whenever the page scrolls
 * (any scroller), the window resizes, or either element changes size, until `signal` aborts.
 * One placement per frame at most.
 */
export function keepClearOf(field: Element, box: HTMLElement, signal: AbortSignal): void {
  let frame: number | undefined;
  const place = () => {
    frame = undefined;
    const rect = field.getBoundingClientRect();
    // The full height, whatever height it was held to last time.
    const height = box.scrollHeight + box.offsetHeight - box.clientHeight;
    const { top, maxHeight } = placeClearOf({ field: rect, viewportHeight: document.documentElement.clientHeight, height });
    box.style.top = `${top}px`;
    box.style.maxHeight = maxHeight === undefined ? '' : `${maxHeight}px`;
  };
  const soon = () => {
    frame ??= requestAnimationFrame(place);
  };
  place();
  window.addEventListener('scroll', soon, { capture: true, passive: true, signal });
  window.addEventListener('resize', soon, { passive: true, signal });
  const resized = new ResizeObserver(soon);
  resized.observe(field);
  resized.observe(box);
  signal.addEventListener('abort', () => {
    resized.disconnect();
    if (frame !== undefined) cancelAnimationFrame(frame);
  });
}
