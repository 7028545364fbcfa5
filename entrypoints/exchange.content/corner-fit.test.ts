import { describe, expect, test } from 'vitest';
import { LIMITS, boxInCorner, cornerOrder, freeCorner, type Box, type CornerProbe } from './corner-fit';

/** A page element as the probe sees it: its box, its position, its parent. */
interface Fake {
  name: string;
  box: Box;
  position: string;
  parent: Fake | null;
}

const viewport = { width: 1280, height: 720 };
const pill = { width: 250, height: 36 };
const root: Fake = { name: 'html', box: { left: 0, top: 0, right: 1280, bottom: 720 }, position: 'static', parent: null };
const body: Fake = { name: 'body', box: root.box, position: 'static', parent: root };
const el = (name: string, box: Box, position = 'static', parent: Fake = body): Fake => ({ name, box, position, parent });
const inside = (box: Box, x: number, y: number) => x >= box.left && x < box.right && y >= box.top && y < box.bottom;

/** A probe over `elements`, topmost first, counting what it is asked. */
function probeOf(elements: Fake[], extra: Partial<CornerProbe<Fake>> = {}) {
  const counts = { points: 0, styleReads: 0 };
  const probe: CornerProbe<Fake> = {
    viewport,
    elementsAt(x, y) {
      counts.points++;
      return [...elements.filter((element) => inside(element.box, x, y)), body, root];
    },
    ignored: (element) => element === root || element === body,
    positionOf(element) {
      counts.styleReads++;
      return element.position;
    },
    parentOf: (element) => element.parent,
    boxOf: (element) => element.box,
    ...extra,
  };
  return { probe, counts };
}

/** A 60 px chat launcher 20 px from the bottom-right corner, as support widgets place theirs. */
const launcherBox = { left: 1280 - 80, top: 720 - 80, right: 1280 - 20, bottom: 720 - 20 };

describe('freeCorner', () => {
  test('the corners in order: the preferred, the other side of its edge, the other edge', () => {
    expect(cornerOrder('bottom-right')).toEqual(['bottom-right', 'bottom-left', 'top-right', 'top-left']);
    expect(cornerOrder('top-left')).toEqual(['top-left', 'top-right', 'bottom-left', 'bottom-right']);
    expect(boxInCorner('bottom-right', pill, viewport)).toEqual({ left: 1014, top: 668, right: 1264, bottom: 704 });
  });

  test('nothing of the page’s own in the corner: the pill stays', () => {
    const { probe } = probeOf([el('content', { left: 0, top: 0, right: 1280, bottom: 2000 })]);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-right');
  });

  test('a fixed support-chat launcher in the corner: the pill moves to the other side of the same edge', () => {
    const { probe } = probeOf([el('launcher', launcherBox, 'fixed')]);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-left');
  });

  test('the launcher’s icon is what the browser hits: its fixed wrapper a few levels up counts', () => {
    const wrapper = el('wrapper', launcherBox, 'fixed');
    const frame = el('frame', launcherBox, 'static', wrapper);
    const icon = el('icon', launcherBox, 'static', el('span', launcherBox, 'static', frame));
    const { probe } = probeOf([icon]);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-left');
  });

  test('a fixed element that only scrolls past (absolute, static) or a backdrop over the whole page does not count', () => {
    const { probe } = probeOf([el('absolute', launcherBox, 'absolute'), el('backdrop', { left: 0, top: 0, right: 1280, bottom: 720 }, 'fixed')]);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-right');
  });

  test('a full-width fixed bar along the bottom: the pill goes up, to the same side', () => {
    const { probe } = probeOf([el('cookie bar', { left: 0, top: 640, right: 1280, bottom: 720 }, 'fixed')]);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('top-right');
  });

  test('every corner taken: the pill stays in the preferred one (our own styles keep it on screen)', () => {
    const corners = (['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const).map((corner) => el(corner, boxInCorner(corner, pill, viewport), 'fixed'));
    const { probe } = probeOf(corners);
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-right');
    expect(freeCorner({ preferred: 'top-left', size: pill, probe })).toBe('top-left');
  });

  test('bounded against a hostile page: thousands of elements at every point and endless ancestor chains', () => {
    // Every point hits 2 000 elements, each the bottom of an ancestor chain that never ends and is never fixed.
    let made = 0;
    const endless = (depth: number): Fake =>
      ({
        name: `deep${made++}`,
        box: launcherBox,
        position: 'static',
        get parent() {
          return depth > 100_000 ? null : endless(depth + 1);
        },
      }) as Fake;
    const { probe, counts } = probeOf([], { elementsAt: () => Array.from({ length: 2_000 }, () => endless(0)) });
    const elementsAt = probe.elementsAt;
    probe.elementsAt = (x, y) => {
      counts.points++;
      return elementsAt(x, y);
    };
    expect(freeCorner({ preferred: 'bottom-right', size: pill, probe })).toBe('bottom-right');
    expect(counts.styleReads).toBeLessThanOrEqual(LIMITS.styleReads);
    expect(counts.points).toBeLessThanOrEqual(4 * LIMITS.columns * LIMITS.rows);
  });

  test('a launcher hit at many points is read once', () => {
    const { probe, counts } = probeOf([el('launcher', launcherBox, 'fixed')]);
    freeCorner({ preferred: 'bottom-right', size: pill, probe });
    // The launcher once; html and body are never read.
    expect(counts.styleReads).toBe(1);
  });

  test('a pill of no size (not drawn yet) is never moved', () => {
    const { probe } = probeOf([el('launcher', launcherBox, 'fixed')]);
    expect(freeCorner({ preferred: 'bottom-right', size: { width: 0, height: 0 }, probe })).toBe('bottom-right');
  });
});
