import type { WarningEntry, WarningList, WarningSeverity } from './warning-list';

/** A warning ready to show: the entry plus which list it came from. Plain data for the message channel. */
export interface ActiveWarning extends WarningEntry {
  /** The list's `name`, as its signer chose it: shown only beside `listHost`. */
  listName: string;
  /** The host of the URL the user subscribed to the list at (see `goodLists`). */
  listHost: string;
  listSequence: number;
  /** The list's `lang`: the language its name, titles and bodies are in; absent when the list does not say. */
  listLang?: string;
}

/** A verified list and the host of the URL it was subscribed at. */
export interface SubscribedList {
  list: WarningList;
  host: string;
}

export interface ActiveWarningsParameters {
  /** Verified lists only (a subscription's `lastGood.list`, with its host); see `goodLists` in subscription.ts. */
  lists: readonly SubscribedList[];
  exchangeId: string;
  now: Date;
}

const SEVERITY_ORDER: Readonly<Record<WarningSeverity, number>> = { danger: 0, caution: 1, info: 2 };

/**
 * Warnings for one exchange that are in date now: the entry's own window
 * (`published ≤ now < expires`) inside a list that has not expired. Danger first, then
 * caution, then info; newest first within a severity.
 */
export function activeWarnings({ lists, exchangeId, now }: ActiveWarningsParameters): ActiveWarning[] {
  const nowMs = now.getTime();
  const active: ActiveWarning[] = [];
  for (const { list, host } of lists) {
    // The list's expiry is the horizon its maintainer vouches for; past it, a held copy stops speaking.
    if (Date.parse(list.expires) <= nowMs) continue;
    for (const entry of list.entries) {
      if (entry.exchange !== exchangeId) continue;
      if (Date.parse(entry.published) > nowMs || Date.parse(entry.expires) <= nowMs) continue;
      active.push({ ...entry, sources: [...entry.sources], listName: list.name, listHost: host, listSequence: list.sequence, ...(list.lang === undefined ? {} : { listLang: list.lang }) });
    }
  }
  return active.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(b.published, a.published) ||
      compareText(a.listName, b.listName) ||
      compareText(a.listHost, b.listHost) ||
      compareText(a.title, b.title),
  );
}

/** Code-unit order, so the result does not depend on the runtime's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
