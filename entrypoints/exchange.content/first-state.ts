import type { PageState } from '@/lib/view/page-state';
import type { SendRequest } from '@/utils/messaging';
import { FIRST_PAINT_KEY } from '@/lib/view/first-paint-view';

/**
 * The page state asked for by `entrypoints/exchange-ask.ts`, which runs first in the same
 * isolated world; the page cannot see this global. Taken once: later questions (in-app
 * navigations) go to the background afresh.
 */
interface EarlyAsk {
  radarFirstPageState?: Promise<PageState | undefined>;
  /** The stored first paint, as `storage.local` holds it (checked by the page script). */
  radarStoredView?: Promise<unknown>;
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

/** Reads the stored first paint (issue 16) beside the question, so the pill need not wait for a sleeping worker. */
export function readStoredEarly(get: (key: string) => Promise<Record<string, unknown>>): void {
  (globalThis as EarlyAsk).radarStoredView = readStored(get);
}

export function readStored(get: (key: string) => Promise<Record<string, unknown>>, key = FIRST_PAINT_KEY): Promise<unknown> {
  return get(key).then(
    (items) => items[key],
    () => undefined,
  );
}

/** The early read if there is one. */
export function takeStoredView(): Promise<unknown> | undefined {
  const holder = globalThis as EarlyAsk;
  const read = holder.radarStoredView;
  delete holder.radarStoredView;
  return read;
}
