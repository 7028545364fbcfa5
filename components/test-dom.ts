// Shared setup for the component tests that draw into linkedom: not a test file itself (vitest runs *.test.ts(x) only).
import { parseHTML } from 'linkedom';
import { options } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Lets queued promises and zero-delay timers run: a few turns of the task queue. It does NOT reach Preact's effects
 * (useEffect) on its own: without requestAnimationFrame Preact runs them 35 ms after render, unless an earlier test
 * left a flush queued, so a test that waits with settle() for something an effect draws passes in its file and
 * fails alone. Either call effectsOnNextTask() for the file (effects then run on the next task, inside these turns)
 * or wait for what the user sees with vi.waitFor / expect.poll.
 */
export const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Effects (where focus moves) run on the next task, as after a paint in a browser, not 35 ms later.
 * Call at the top of a test file or describe block; it also undoes the stubs and spies after each test.
 */
export function effectsOnNextTask() {
  beforeEach(() => {
    options.requestAnimationFrame = (callback) => setTimeout(callback, 0);
  });
  afterEach(() => {
    delete options.requestAnimationFrame;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

/** A fresh page with `document` stubbed to it, and the element to render into. */
export function page() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  const press = (testId: string) => $(testId)?.dispatchEvent(new window.Event('click', { bubbles: true }));
  return { document, window, root, $, press };
}

/** Controls a browser focuses without a tabindex (while not disabled), as a link does with an href. */
const FOCUSABLE_CONTROLS = new Set(['button', 'input', 'select', 'textarea', 'summary']);

/** Whether a browser lets `element.focus()` take the focus: a heading or a paragraph needs a tabindex. */
function focusable(element: HTMLElement) {
  if (!element.isConnected) return false;
  // linkedom keeps the case Preact writes the attribute in (tabIndex).
  if (element.hasAttribute('tabindex') || element.hasAttribute('tabIndex') || element.getAttribute('contenteditable') === 'true') return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'a' || tag === 'area') return element.hasAttribute('href');
  return FOCUSABLE_CONTROLS.has(tag) && !element.hasAttribute('disabled');
}

/**
 * Records what gets the focus, by test id (or id), in order. `document.activeElement` follows it (linkedom has
 * none): the last element focused while it is in the page, else the body, as a browser does when it is removed.
 * As in a browser, focus() on an element that cannot take the focus (out of the page, or a heading without a
 * tabindex) does nothing and is not recorded.
 */
export function recordFocus(window: ReturnType<typeof parseHTML>['window']) {
  const focused: (string | null)[] = [];
  let last: HTMLElement | undefined;
  vi.spyOn(window.HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
    if (!focusable(this)) return;
    last = this;
    focused.push(this.getAttribute('data-testid') ?? this.id);
  });
  Object.defineProperty(window.document, 'activeElement', { configurable: true, get: () => (last?.isConnected ? last : window.document.body) });
  return focused;
}

/**
 * Presses Escape on `target`. Send it to the element that listens (the question's group): linkedom runs a bubbling
 * event's listeners with `this` set to the target, which Preact's handlers cannot take.
 */
export function pressEscape(window: ReturnType<typeof parseHTML>['window'], target: Element | null) {
  const escapeKey = new window.Event('keydown', { bubbles: true, cancelable: true });
  Object.defineProperty(escapeKey, 'key', { value: 'Escape' });
  target?.dispatchEvent(escapeKey);
}
