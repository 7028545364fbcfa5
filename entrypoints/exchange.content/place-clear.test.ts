import { describe, expect, test } from 'vitest';
import { placeClearOf } from './place-clear';

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

  test('never overlaps the field, for any field and viewport', () => {
    for (let viewportHeight = 300; viewportHeight <= 900; viewportHeight += 150) {
      for (let top = -100; top <= viewportHeight + 100; top += 17) {
        for (const fieldHeight of [30, 45, 120]) {
          for (const height of [120, 220, 400]) {
            const field = { top, bottom: top + fieldHeight };
            const placed = placeClearOf({ field, viewportHeight, height });
            const shown = Math.min(height, placed.maxHeight ?? height);
            expect(overlaps(placed.top, shown, field), JSON.stringify({ viewportHeight, field, height, placed })).toBe(false);
            expect(placed.top).toBeGreaterThanOrEqual(0);
            expect(placed.top + shown).toBeLessThanOrEqual(viewportHeight);
          }
        }
      }
    }
  });
});
