import { browser } from 'wxt/browser';
import type { PageContext } from './page-context';
import type { ExchangeView } from '@/lib/view/exchange-view';
import { isReportAsk, isViewChanged } from '@/lib/view/tab-push';
import { send } from './page-requests';
import { drawCollapsedPill, type DrawCollapsedPillParameters } from './first-paint';
import { cardReasonKey } from '@/lib/view/card-order';
import type { TabBalanceNudge } from './decide';

/**
 * The background says this exchange's view changed (a run alert started, ended or was snoozed;
 * new data). Only our own extension's background can reach this listener (`tabs.sendMessage`;
 * a web page cannot), and the notice carries nothing: the handler given to `ready` asks for the
 * page's state again through `page-state`, as on load. Listened to from the script's start; a
 * notice that comes before the pill is drawn is kept (one for several) and acted on at `ready`. A page back from the
 * back-forward cache needs no listener of its own: its tab is told again by the background (tests/e2e/back-forward.e2e.ts),
 * and a `pageshow` the page itself can fake is no notice.
 */
export function onViewChanged(ctx: PageContext): { ready(changed: () => void): void } {
  let handler: (() => void) | undefined;
  let missed = false;
  const listener = (message: unknown, sender: { id?: string }) => {
    if (ctx.isValid && isViewChanged(message, sender.id, browser.runtime.id)) {
      if (handler === undefined) missed = true;
      else handler();
    }
    // No answer: the background waits for none.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  return {
    ready(changed) {
      handler = changed;
      if (missed) changed();
      missed = false;
    },
  };
}

/**
 * The background asks where this tab is (it forgot the open tabs' addresses with "Delete everything"): the
 * script reports its page through `page-here`, whose address the browser sets, and answers once that is
 * done (`sendResponse`, which the browser's own API object takes in Chromium and Firefox alike). The page
 * learns nothing and can ask nothing: only our background reaches this listener.
 */
export function reportWhenAsked(ctx: PageContext): void {
  const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer?: unknown) => void) => {
    if (!ctx.isValid || !isReportAsk(message, sender.id, browser.runtime.id)) return undefined;
    void send({ type: 'page-here' }).then(() => sendResponse(true));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * The card's reasons, worded by the background: the answer leaves them out unless the card opens at
 * once with it, so they are asked for as soon as that answer is drawn, long before a click. Asked
 * twice at most: a worker stopped while answering leaves the first question without an answer.
 */
export function askCardWords(mounted: { reasons(asked: Promise<ExchangeView | undefined>): void }, view: ExchangeView): void {
  if (view.reasonWords === undefined) mounted.reasons(send({ type: 'page-card' }).then((worded) => worded ?? send({ type: 'page-card' })));
}

/**
 * What a view and the balance line above it put on screen, to tell a changed answer from the same one answered again
 * (a change of the user's holdings alters the line alone): every answer is computed afresh, so the moments it was
 * computed at (`computedAt`, the view's and its run alert's) are left out.
 */
export function onScreen(view: ExchangeView | undefined, balance?: TabBalanceNudge): string {
  return JSON.stringify([view, balance], (key, value: unknown) => (key === 'computedAt' ? undefined : value));
}

/**
 * A changed view's reasons, while their new words are on the way: the words already on screen
 * stay when they word every reason the new view has (no "loading" line read out by screen readers
 * every hour, and focus on a source link in a reason is kept); else `undefined` (the card waits).
 */
export function keptWords(words: Record<string, string> | undefined, next: ExchangeView): Record<string, string> | undefined {
  if (words === undefined) return undefined;
  // The card's lines (`cardOrder`): a negative entry is a warning, which needs no words; one that is no reason of the view keeps nothing.
  const { reasons } = next.verdict;
  return next.cardOrder.every((at) => at < 0 || (reasons[at] !== undefined && Object.hasOwn(words, cardReasonKey(reasons[at])))) ? words : undefined;
}

/**
 * The first paint's plain nodes, drawn again for a changed view before Preact takes them over:
 * Preact's `hydrate` keeps the attributes it finds (the level's class, the accessible name), so
 * nodes drawn for the old view would keep them under the new view's text.
 */
export function redrawPlain(container: HTMLElement, parameters: DrawCollapsedPillParameters): void {
  container.replaceChildren();
  drawCollapsedPill(container, parameters);
}
