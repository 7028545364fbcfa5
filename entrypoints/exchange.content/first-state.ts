import type { PageState } from '@/lib/view/page-state';
import type { Request } from '@/lib/messages';

/**
 * The page state asked for by `entrypoints/exchange-ask.ts`, which runs first in the same
 * isolated world; the page cannot see this global. Taken once: later questions (in-app
 * navigations) go to the background afresh.
 */
interface EarlyAsk {
  radarFirstPageState?: Promise<PageState | undefined>;
}

export const PAGE_STATE_REQUEST = { type: 'page-state' } as const satisfies Request;

export function askEarly(send: (request: Request) => Promise<unknown>): void {
  (globalThis as EarlyAsk).radarFirstPageState = send(PAGE_STATE_REQUEST) as Promise<PageState | undefined>;
}

/** The early answer if there is one; `undefined` when the early script did not run or got no answer. */
export function takeEarlyAnswer(): Promise<PageState | undefined> | undefined {
  const holder = globalThis as EarlyAsk;
  const asked = holder.radarFirstPageState;
  delete holder.radarFirstPageState;
  return asked;
}
