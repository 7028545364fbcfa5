import { browser } from 'wxt/browser';
import { dropEarlyReads } from '@/utils/early-reads';
import { dropMemoizedReads } from '@/utils/memo-item';

/**
 * How many times this worker has asked storage to clear everything ("Delete everything"). Work that
 * reads what the user keeps, waits (the network, the user's RPC, a permission check) and then writes
 * what it learned, takes the count before it reads and writes only while `deletedSince` says no:
 * the price table and status and the address readings (holdings.ts, checked in their turns, which the
 * delete takes too), the reminder alarm (holdings.ts), the first paint (first-paint.ts) and the pill's
 * words kept for the session (words.ts, with the count its caller took before reading the language).
 * The public data a run fetches (data.ts: reserve snapshots, source states with their last check, the
 * feed, the known-bad hosts, the own-token prices) checks it too, beside the Reset count: an answer
 * asked for before a clear and heard after it is not stored, not even in the moment between the clear
 * and the Reset the delete does next. The source stays due and the next run stores it as any answer.
 * The count moves in the same step as the clear is asked for, and storage answers in the order it
 * is asked: a write asked before the clear is cleared by it, and a read asked after it finds nothing.
 * The check and the write share one step only through plain items (utils/lazy-item.ts: no `migrations` or `init`);
 * WXT's item with migrations awaits them before it writes, so an item written this way must not get one.
 */
let deletes = 0;

/** The count to take before reading; see `deletes`. */
export function deleteMark(): number {
  return deletes;
}

/** Whether everything was cleared since `mark` was taken: then nothing read before may be written back. */
export function deletedSince(mark: number): boolean {
  return mark !== deletes;
}

/**
 * Clears all of `storage.local` and `storage.session`, counted (see `deletes`). The caller holds the turns of the values changed
 * by read-merge-write. Session storage goes too: it holds the addresses of the open exchange tabs, each tab's state and badge
 * meaning (which tab is on which exchange, the balance line from the holdings) and the exchanges a run alert is on for where
 * the user keeps money; the rest of it (words, checked lists) is made again on use. What a wake-up read early
 * (utils/early-reads.ts) and the settings and holdings held in memory for the pill (utils/memo-item.ts) are dropped in the
 * same step: the clear writes no key through an item and its change events come later, so a read asked after it would
 * otherwise be handed a deleted value.
 */
export function clearEverything(): Promise<void> {
  deletes++;
  dropEarlyReads();
  dropMemoizedReads();
  // Every browser the manifests allow has the session area; a missing one (words.ts) must not stop the local clear.
  const session = (browser.storage as Partial<typeof browser.storage>).session;
  return Promise.all([browser.storage.local.clear(), session?.clear()]).then(() => undefined);
}
