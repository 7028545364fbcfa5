import { listUrl } from './list-url';
import { sequenceFloor, type WarningSubscription } from './subscription';

/**
 * The stored subscriptions, each under its URL as the add path keeps it (`listUrl`), one per list.
 * A version before kept a URL with its fragment, so the same list could be held twice (`…#a` and
 * `…`). When two become one, the one kept must not lower what protects the user:
 *
 * - the one with the higher number held (its list, or the floor carried from a key change or a
 *   subscription before) is kept, so no list below the higher of the two is taken;
 * - with two maintainer addresses the number decides too. That is mostly the address the user
 *   confirmed last (lists only count up, and a confirmed key change keeps the number), but an old
 *   key that signed a higher number than the new one holds is kept over it. The other address's
 *   lists are then refused as from another signer, and the page offers the key change;
 * - on a tie (the same number held, or neither ever verified), the one whose latest check did not
 *   fail (a confirmed key change whose new list verified, against the old address that refused
 *   that list as from another signer); then the one carrying a floor at that number (a key change
 *   confirmed, not verified yet); then the one stored later. Storage order alone does not say which
 *   address the user chose last: a key change is made in place, where the list was first stored.
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

/** The one holding the higher number; on a tie the one not failing, then the one with a floor at it, then `later` (see `onePerList`). */
function stricter(earlier: WarningSubscription, later: WarningSubscription): WarningSubscription {
  const number = (state: WarningSubscription) => sequenceFloor(state)?.sequence ?? -1;
  if (number(earlier) !== number(later)) return number(earlier) > number(later) ? earlier : later;
  const tied = number(later);
  const rank = (state: WarningSubscription) => (state.lastError === undefined ? 2 : 0) + (state.floor?.sequence === tied ? 1 : 0);
  return rank(earlier) > rank(later) ? earlier : later;
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
