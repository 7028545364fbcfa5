import type { parseHTML } from 'linkedom';
import { settle } from './test-dom';

/**
 * Puts the focus on `target` (an entry's control), then `redraw`s the list without that entry, as storage draws it
 * after a change made on another page, and answers what holds the focus then: its test id, id, or else tag and text, or 'body' when the
 * focus fell to the page. Call recordFocus(window) first.
 */
export async function focusAfterRemovedElsewhere(window: ReturnType<typeof parseHTML>['window'], target: Element | null | undefined, redraw: () => void) {
  if (target === null || target === undefined) throw new Error('no entry control to focus');
  (target as HTMLElement).focus();
  redraw();
  await settle();
  const active = window.document.activeElement as HTMLElement | null;
  if (active === null || active === window.document.body) return 'body';
  return active.getAttribute('data-testid') ?? (active.id || `${active.tagName.toLowerCase()}: ${active.textContent}`);
}
