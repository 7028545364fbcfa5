import { afterEach, describe, expect, test, vi } from 'vitest';
import { keepClearOf, placeClearOf, READABLE_HEIGHT, type Box } from './place-clear';

const overlaps = (top: number, height: number, field: { top: number; bottom: number }) => top < field.bottom && field.top < top + height;

describe('placeClearOf', () => {
  test('at the top edge when the field is lower down', () => {
    expect(placeClearOf({ field: { top: 400, bottom: 445 }, viewportHeight: 720, height: 220 })).toEqual({ top: 12, maxHeight: undefined });
  });

  test('at the bottom edge when the field is near the top', () => {
    expect(placeClearOf({ field: { top: 0, bottom: 45 }, viewportHeight: 720, height: 220 })).toEqual({ top: 720 - 12 - 220, maxHeight: undefined });
  });

  test('a field scrolled out of view leaves the top edge free', () => {
    expect(placeClearOf({ field: { top: -300, bottom: -255 }, viewportHeight: 720, height: 220 }).top).toBe(12);
    expect(placeClearOf({ field: { top: 900, bottom: 945 }, viewportHeight: 720, height: 220 }).top).toBe(12);
  });

  test('fitting on neither side, it takes the larger gap and scrolls inside it', () => {
    expect(placeClearOf({ field: { top: 200, bottom: 250 }, viewportHeight: 480, height: 300 })).toEqual({ top: 262, maxHeight: 206 });
    expect(placeClearOf({ field: { top: 250, bottom: 300 }, viewportHeight: 480, height: 300 })).toEqual({ top: 12, maxHeight: 226 });
  });

  test('a field as tall as the window: the warning goes over it, readable, rather than shrink to nothing', () => {
    expect(placeClearOf({ field: { top: 0, bottom: 720 }, viewportHeight: 720, height: 220 })).toEqual({ top: 12, maxHeight: 120 });
    const across = { left: 360, right: 920, viewportWidth: 1280 };
    const card = { top: 150, bottom: 704, left: 884, right: 1264 };
    const placed = placeClearOf({ field: { top: 0, bottom: 720 }, viewportHeight: 720, height: 220, ours: [card], across });
    expect(placed.maxHeight ?? 220).toBeGreaterThanOrEqual(READABLE_HEIGHT);
  });

  test('for any field and viewport: inside the viewport and readable; over the field only when no gap clear of it is readable', () => {
    for (let viewportHeight = 300; viewportHeight <= 900; viewportHeight += 150) {
      for (let top = -100; top <= viewportHeight + 100; top += 17) {
        for (const fieldHeight of [30, 45, 120, viewportHeight / 2, viewportHeight, 2 * viewportHeight]) {
          for (const height of [80, 120, 220, 400]) {
            const field = { top, bottom: top + fieldHeight };
            const placed = placeClearOf({ field, viewportHeight, height });
            const shown = Math.min(height, placed.maxHeight ?? height);
            const what = JSON.stringify({ viewportHeight, field, height, placed });
            expect(placed.top, what).toBeGreaterThanOrEqual(0);
            expect(placed.top + shown, what).toBeLessThanOrEqual(viewportHeight);
            expect(shown, what).toBeGreaterThanOrEqual(Math.min(height, READABLE_HEIGHT));
            const above = Math.min(field.top, viewportHeight) - 24;
            const below = viewportHeight - Math.max(field.bottom, 0) - 24;
            if (Math.max(above, below) >= Math.min(height, READABLE_HEIGHT)) expect(overlaps(placed.top, shown, field), what).toBe(false);
          }
        }
      }
    }
  });

  describe('clear of our own pill and card too', () => {
    /** The tallest stretch of the viewport that none of `blocked` covers. */
    const largestGap = (blocked: { top: number; bottom: number }[], viewportHeight: number) => {
      const spans = blocked.map((box) => [Math.max(box.top, 0), Math.min(box.bottom, viewportHeight)] as const).filter(([top, bottom]) => bottom > top);
      const edges = [0, ...spans.flat(), viewportHeight];
      let best = 0;
      for (let y = 0; y < viewportHeight; y++) {
        if (spans.some(([top, bottom]) => y >= top && y < bottom)) continue;
        const next = Math.min(...edges.filter((edge) => edge > y));
        best = Math.max(best, next - y);
      }
      return best;
    };
    const hits = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    /** The warning's box where it was placed: centred unless it stepped aside. */
    const drawn = (placed: ReturnType<typeof placeClearOf>, across: { left: number; right: number }, height: number): Box => {
      const width = across.right - across.left;
      const left = placed.left ?? across.left;
      return { top: placed.top, bottom: placed.top + Math.min(height, placed.maxHeight ?? height), left, right: left + width };
    };

    test('1280×720, the card open in the bottom-right corner: the warning steps aside from it, at the top, clear of the field', () => {
      const card = { top: 150, bottom: 704, left: 884, right: 1264 };
      const field = { top: 400, bottom: 445, left: 200, right: 1000 };
      const across = { left: 360, right: 920, viewportWidth: 1280 };
      const placed = placeClearOf({ field, viewportHeight: 720, height: 220, ours: [card], across });
      const box = drawn(placed, across, 220);
      expect(hits(box, card), JSON.stringify(box)).toBe(false);
      expect(hits(box, field), JSON.stringify(box)).toBe(false);
      expect(placed.maxHeight).toBeUndefined();
      expect(box.left).toBeGreaterThanOrEqual(12);
    });

    test('360 px wide, no room beside the card: the warning takes the gap between the field and the card', () => {
      const card = { top: 300, bottom: 624, left: 16, right: 344 };
      const field = { top: 40, bottom: 85, left: 0, right: 360 };
      const across = { left: 16, right: 344, viewportWidth: 360 };
      const placed = placeClearOf({ field, viewportHeight: 640, height: 200, ours: [card], across });
      const box = drawn(placed, across, 200);
      expect(hits(box, card), JSON.stringify(box)).toBe(false);
      expect(hits(box, field), JSON.stringify(box)).toBe(false);
      expect(placed).toEqual({ top: 97, maxHeight: 191 });
    });

    test('a card that leaves no readable room: the warning goes over the card, never over the field', () => {
      const card = { top: 16, bottom: 624, left: 16, right: 344 };
      const field = { top: 300, bottom: 345, left: 0, right: 360 };
      const across = { left: 16, right: 344, viewportWidth: 360 };
      const placed = placeClearOf({ field, viewportHeight: 640, height: 200, ours: [card], across });
      expect(hits(drawn(placed, across, 200), field)).toBe(false);
      expect(placed.maxHeight ?? 200).toBeGreaterThanOrEqual(120);
      // Said, so our card can give way.
      expect(placed.overOurs).toBe(true);
    });

    test('for any field and card: inside the viewport and readable; over the card, or the field, only when no readable room is left beside it', () => {
      for (const [viewportWidth, viewportHeight] of [
        [1280, 720],
        [360, 640],
        [800, 480],
      ] as const) {
        const width = Math.min(560, viewportWidth - 32);
        const across = { left: (viewportWidth - width) / 2, right: (viewportWidth + width) / 2, viewportWidth };
        for (let fieldTop = -60; fieldTop <= viewportHeight; fieldTop += 37) {
          for (const cardHeight of [40, 200, 420, viewportHeight - 32]) {
            for (const corner of ['top', 'bottom'] as const) {
              const cardWidth = Math.min(380, viewportWidth - 32);
              const card = {
                left: viewportWidth - 16 - cardWidth,
                right: viewportWidth - 16,
                ...(corner === 'top' ? { top: 16, bottom: 16 + cardHeight } : { top: viewportHeight - 16 - cardHeight, bottom: viewportHeight - 16 }),
              };
              for (const fieldHeight of [45, viewportHeight / 2, viewportHeight + 120]) {
                const field = { top: fieldTop, bottom: fieldTop + fieldHeight, left: 0, right: viewportWidth };
                for (const height of [100, 160, 260]) {
                  const placed = placeClearOf({ field, viewportHeight, height, ours: [card], across });
                  const box = drawn(placed, across, height);
                  const what = JSON.stringify({ viewportWidth, viewportHeight, field, card, height, placed });
                  expect(box.bottom - box.top, what).toBeGreaterThanOrEqual(Math.min(height, READABLE_HEIGHT));
                  // Over the field only when the field leaves no gap a warning can be read in.
                  if (hits(box, field)) expect(largestGap([field], viewportHeight) - 24, what).toBeLessThan(Math.min(height, READABLE_HEIGHT));
                  expect(box.top, what).toBeGreaterThanOrEqual(0);
                  expect(box.bottom, what).toBeLessThanOrEqual(viewportHeight);
                  expect(box.left, what).toBeGreaterThanOrEqual(0);
                  expect(box.right, what).toBeLessThanOrEqual(viewportWidth);
                  if (hits(box, card)) {
                    // Over the card only when the field and the card leave no gap a warning can be read in.
                    expect(largestGap([field, card], viewportHeight) - 24, what).toBeLessThan(Math.min(height, READABLE_HEIGHT));
                  }
                }
              }
            }
          }
        }
      }
    });
  });
});

describe('keepClearOf, reading the live page', () => {
  /** The page as the content script reads it: stubs for what keepClearOf touches, a frame queue run by hand. */
  const page = ({ html, window: size, quirks = false }: { html: { width: number; height: number }; window: { width: number; height: number }; quirks?: boolean }) => {
    const frames: (() => void)[] = [];
    const resized: (() => void)[] = [];
    vi.stubGlobal('document', { compatMode: quirks ? 'BackCompat' : 'CSS1Compat', documentElement: { clientWidth: html.width, clientHeight: html.height } });
    vi.stubGlobal('window', { innerWidth: size.width, innerHeight: size.height, addEventListener: () => {} });
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(run: () => void) {
          resized.push(run);
        }
        observe() {}
        disconnect() {}
      },
    );
    vi.stubGlobal(
      'MutationObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    /** The page changes a size: the observers fire and the next frame places the warning again. */
    const resize = () => {
      for (const run of resized) run();
      for (const run of frames.splice(0)) run();
    };
    return { resize };
  };
  const element = (box: Box) => ({ getBoundingClientRect: () => ({ ...box, width: box.right - box.left, height: box.bottom - box.top }) }) as unknown as Element;
  const warning = () => ({ scrollHeight: 220, offsetHeight: 220, clientHeight: 220, offsetWidth: 560, style: {} as Record<string, string> });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('a page without a doctype (quirks mode, <html> 20000 px tall): the warning stays in the window', () => {
    page({ html: { width: 1280, height: 20000 }, window: { width: 1280, height: 720 }, quirks: true });
    const box = warning();
    keepClearOf(element({ top: 100, bottom: 145, left: 0, right: 1280 }), box as unknown as HTMLElement, new AbortController().signal);
    expect(Number.parseFloat(box.style.top ?? '') + 220).toBeLessThanOrEqual(720);
    expect(box.style.top).toBe(`${720 - 12 - 220}px`);
  });

  describe("our open card gives way only to the user's own typing", () => {
    // 360×640: the card fills the column over the lower half; the field starts near the top.
    const card = { top: 200, bottom: 624, left: 16, right: 344 };
    const size = { width: 360, height: 640 };

    test('a page that grows its field after the warning is up does not close the card', () => {
      const { resize } = page({ html: size, window: size });
      const field = { top: 20, bottom: 45, left: 0, right: 360 };
      const makeRoom = vi.fn();
      const box = warning();
      keepClearOf(element(field), box as unknown as HTMLElement, new AbortController().signal, { elements: () => [element(card)], makeRoom }, { afterInput: true });
      expect(makeRoom).not.toHaveBeenCalled();
      // The page makes its field as tall as the gap above the card: no readable room is left beside the card.
      field.bottom = 190;
      resize();
      expect(makeRoom).not.toHaveBeenCalled();
    });

    test("the placement that follows the user's input may close it, once", () => {
      const { resize } = page({ html: size, window: size });
      const field = { top: 20, bottom: 190, left: 0, right: 360 };
      const makeRoom = vi.fn();
      keepClearOf(element(field), warning() as unknown as HTMLElement, new AbortController().signal, { elements: () => [element(card)], makeRoom }, { afterInput: true });
      expect(makeRoom).toHaveBeenCalledTimes(1);
      resize();
      expect(makeRoom).toHaveBeenCalledTimes(1);
    });

    test('a warning shown again without new input (the guide changed) does not close it', () => {
      page({ html: size, window: size });
      const makeRoom = vi.fn();
      keepClearOf(
        element({ top: 20, bottom: 190, left: 0, right: 360 }),
        warning() as unknown as HTMLElement,
        new AbortController().signal,
        { elements: () => [element(card)], makeRoom },
        { afterInput: false },
      );
      expect(makeRoom).not.toHaveBeenCalled();
    });
  });
});
