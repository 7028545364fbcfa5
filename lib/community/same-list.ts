import { listUrl } from './list-url';
import { sequenceFloor, type WarningSubscription } from './subscription';

/**
 * The stored subscriptions, each under its URL as the add path keeps it (`listUrl`), one per list.
 * A version before kept a URL with its fragment, so the same list could be held twice (`…#a` and
 * `…`). When two become one, the one kept must not lower what protects the user:
 *
 * - the one with the higher number held (its list, or the floor carried from a key change or a
 *   subscription before) is kept, so no list below the higher of the two is taken;
 * - with two maintainer addresses, that is also the address the user confirmed for the newer list
 *   (lists only count up, and a confirmed key change keeps the number), so it is the one in use
 *   now; the other address's lists are refused as from another signer, and the page offers the
 *   key change should the user want it back;
 * - on a tie (neither ever verified, say), the one stored later: the one the user subscribed to
 *   last, so the address typed most recently.
 *
 * The kept one stands where the first of the two stood. Plain data in, plain data out; never throws.
 */
export function onePerList(subscriptions: readonly WarningSubscription[]): WarningSubscription[] {
  const kept: WarningSubscription[] = [];
  for (const stored of subscriptions) {
    const url = listUrl(stored.url);
    const subscription = url === stored.url ? stored : { ...stored, url };
    const at = kept.findIndex((held) => held.url === url);
    if (at === -1) kept.push(subscription);
    else kept[at] = stricter(kept[at]!, subscription);
  }
  return kept;
}

/** `later` unless `earlier` holds the higher number (see `onePerList`). */
function stricter(earlier: WarningSubscription, later: WarningSubscription): WarningSubscription {
  const number = (state: WarningSubscription) => sequenceFloor(state)?.sequence ?? -1;
  return number(earlier) > number(later) ? earlier : later;
}

/**
 * Whether a stored value keeps a URL other than the add path's (a fragment, from a version before):
 * then the subscriptions' next turn writes what it read, so the stored value is the one every reader sees.
 */
export function keepsOtherUrls(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  return value.some((entry: unknown) => {
    const url = typeof entry === 'object' && entry !== null ? (entry as { url?: unknown }).url : undefined;
    return typeof url === 'string' && listUrl(url) !== url;
  });
}
