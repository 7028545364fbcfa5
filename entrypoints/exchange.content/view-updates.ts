import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import type { ExchangeView } from '@/lib/view/exchange-view';
import { isViewChanged } from '@/lib/view/tab-push';
import { send } from './page-requests';

/**
 * The background says this exchange's view changed (a run alert started, ended or was snoozed;
 * new data). Only our own extension's background can reach this listener (`tabs.sendMessage`;
 * a web page cannot), and the notice carries nothing: `changed` asks for the page's state again
 * through `page-state`, as on load.
 */
export function onViewChanged(ctx: ContentScriptContext, changed: () => void): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (ctx.isValid && isViewChanged(message, sender.id, browser.runtime.id)) changed();
    // No answer: the background waits for none.
    return undefined;
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
