import type { PageState } from '@/lib/view/page-state';
import type { SendRequest } from '@/utils/messaging';

/**
 * The page state asked for by `entrypoints/exchange-ask.ts`, which runs first in the same
 * isolated world; the page cannot see this global. Taken once: later questions (in-app
 * navigations) go to the background afresh.
 */
interface EarlyAsk {
  radarFirstPageState?: Promise<PageState | undefined>;
}

/** Asks once; a failure (the background was starting) is an answer of `undefined`, and the page script asks again. */
export function askEarly(send: SendRequest): void {
  (globalThis as EarlyAsk).radarFirstPageState = send({ type: 'page-state' }).catch(() => undefined);
}

/** The early answer if there is one; `undefined` when the early script did not run or got no answer. */
export function takeEarlyAnswer(): Promise<PageState | undefined> | undefined {
  const holder = globalThis as EarlyAsk;
  const asked = holder.radarFirstPageState;
  delete holder.radarFirstPageState;
  return asked;
}
