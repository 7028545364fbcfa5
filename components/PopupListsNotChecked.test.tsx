import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { popupPage, wordsIn } from './popup.testkit';
import { effectsOnNextTask, settle } from './test-dom';

/**
 * Warning lists Reserve Radar may not read (subscribed before it read each list with its host's
 * access, or the access taken away) are no longer checked: the popup, where users look, says how
 * many and opens the options page at the lists, where each can be allowed.
 */

const words = wordsIn('en');
const { t } = words;

let framesHeld = false;

/** Frames that come only when the test lets them: `next()` draws every frame asked for so far. */
function heldFrames() {
  framesHeld = true;
  let asked: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => asked.push(callback));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    asked[id - 1] = () => undefined;
  });
  return {
    next: () => {
      const now = asked;
      asked = [];
      for (const frame of now) frame();
    },
  };
}

function draw(load: () => Promise<number>, onOpenLists = () => undefined, loadHoldings?: () => Promise<null>) {
  const dom = popupPage(words, { ownFrames: framesHeld });
  dom.draw({ loadListsNotChecked: load, onOpenLists, ...(loadHoldings === undefined ? {} : { loadHoldings }) });
  return dom;
}

describe('the popup and warning lists that are not checked', () => {
  effectsOnNextTask();
  afterEach(() => {
    framesHeld = false;
  });

  test('says how many, and its button opens the lists in the options', async () => {
    const onOpenLists = vi.fn();
    const dom = draw(() => Promise.resolve(3), onOpenLists);
    await vi.waitFor(() => expect(dom.$('popup-lists-not-checked')?.querySelector('p')?.textContent).toBe(t('listsNotChecked', '3')));
    const open = dom.$('popup-lists-open');
    expect(open?.textContent).toBe(t('listsNotCheckedOpen'));
    open?.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    expect(onOpenLists).toHaveBeenCalledOnce();
    render(null, dom.root);
  });

  test('says nothing when every list is checked', async () => {
    const load = vi.fn(() => Promise.resolve(0));
    const dom = draw(load);
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    await settle();
    expect(dom.$('popup-lists-not-checked')).toBeNull();
    render(null, dom.root);
  });

  test("the lists and the holdings are asked only after the card's first frame, so they never hold it up", async () => {
    const frames = heldFrames();
    const load = vi.fn(() => Promise.resolve(2));
    const loadHoldings = vi.fn(() => Promise.resolve(null));
    const dom = draw(load, undefined, loadHoldings);
    await settle();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(loadHoldings).not.toHaveBeenCalled();
    frames.next();
    await vi.waitFor(() => expect(dom.$('popup-lists-not-checked')?.querySelector('p')?.textContent).toBe(t('listsNotChecked', '2')));
    await vi.waitFor(() => expect(loadHoldings).toHaveBeenCalled());
    render(null, dom.root);
  });
});
