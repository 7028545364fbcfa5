import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn } from '@/utils/in-turn';
import { giveBackListHosts } from '@/utils/permissions';
import { WARNING_LISTS_NAME } from '@/utils/warning-lists-watch';
import type { WarningSubscription } from '@/lib/community/subscription';
import { parseKeptFloors, type KeptFloor } from '@/lib/community/sequence-floors';
import { keepsOtherUrls } from '@/lib/community/same-list';
import { checkedClears, checkStored, forgetChecked, rememberChecked } from './checked-subscriptions';
import { addingOrigins, giveBackUnused } from './warning-list-access';

/**
 * Community warning lists the user subscribed to: fetched on the shared schedule (never because
 * of a page visit), verified against the maintainer's key, last good list kept through failures.
 */
const subscriptionsItem = defineLazyItem<unknown>(`local:${WARNING_LISTS_NAME}`, { fallback: [], version: 1 });

/**
 * Each list's newest accepted number, kept after its subscription goes (lib/community/sequence-floors.ts),
 * so subscribing again does not take an older list back. Read and written in the subscriptions' turn only.
 */
const floorsItem = defineLazyItem<unknown>('local:warningListFloors', { fallback: [] });

/**
 * The kept floors; entries that do not read back are said in the log and left out. `stale` when the
 * stored value is not what was read (such entries, or a URL kept with its fragment by a version
 * before): every turn of the subscriptions writes them so (`changeSubscriptions`).
 */
async function readFloors(): Promise<{ floors: KeptFloor[]; stale: boolean }> {
  const value = await floorsItem.getValue();
  const { floors, dropped } = parseKeptFloors(value);
  if (dropped > 0) console.warn(`[reserve-radar] warning lists: ${dropped} stored numbers of lists left before did not read back and were dropped; the others are kept`);
  return { floors, stale: dropped > 0 || keepsOtherUrls(value) };
}

/**
 * The stored value parsed, its held lists verified again and one kept per list (see `checkStored`),
 * once per stored value: page-state answers read it on every exchange page, and the signature
 * check is the slow part. Dropped when storage changes, by us or by anything else.
 */
let held: Promise<WarningSubscription[]> | undefined;

/** Called once as the background starts: whatever was held before is read again. */
export function startWarnings(): void {
  held = undefined;
  subscriptionsItem.watch(() => {
    held = undefined;
  });
}

/**
 * Rejects when the held lists could not be checked at all (Chrome: no offscreen document): then
 * nothing is kept in memory, so the next read tries again, and nothing is written back.
 */
export function readSubscriptions(): Promise<WarningSubscription[]> {
  if (held !== undefined) return held;
  const cleared = checkedClears();
  const reading = subscriptionsItem.getValue().then((value) => checkStored(value, cleared));
  held = reading;
  reading.catch(() => {
    if (held === reading) held = undefined;
  });
  return reading;
}

/** The subscriptions, or undefined (logged) when their held lists could not be checked at all. */
export function readOrWarn(): Promise<WarningSubscription[] | undefined> {
  return readSubscriptions().catch((error: unknown) => {
    console.warn(`[reserve-radar] warning lists: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
}

/** `next` is checked already (each list by `checkSubscription`, or carried over from a checked read). */
async function writeSubscriptions(next: WarningSubscription[]): Promise<void> {
  held = Promise.resolve(next);
  await rememberChecked(next);
  await subscriptionsItem.setValue(next);
}

export type SubscriptionsChange<T> = { next?: WarningSubscription[]; answer: T; floors?: KeptFloor[] };

/**
 * The subscriptions as held, changed by `change` in their turn (utils/in-turn.ts): a subscribe, an
 * unsubscribe and the end of a check that overlap each keep their change. `undefined` writes nothing,
 * unless the stored value keeps a URL as a version before did (a fragment): then what was read
 * (one per list, see `onePerList`) is written, here, so no read outside the turn has to; the kept
 * floors likewise (see `readFloors`). `change` reads the floors through `kept`, once per turn.
 * `after` runs in the same turn, with what is then stored (the access given back). `floors`, when
 * given, is written first: an unsubscribe keeps its list's floor before the list goes.
 */
export function changeSubscriptions<T>(
  change: (current: WarningSubscription[], kept: () => ReturnType<typeof readFloors>) => Promise<SubscriptionsChange<T>> | SubscriptionsChange<T>,
  after?: (stored: WarningSubscription[], answer: T) => Promise<void>,
): Promise<T> {
  return inTurn(subscriptionsItem.key, async () => {
    const current = await readSubscriptions();
    let reading: ReturnType<typeof readFloors> | undefined;
    const kept = () => (reading ??= readFloors());
    const { next, answer, floors } = await change(current, kept);
    const floorsNext = floors ?? (await kept().then((read) => (read.stale ? read.floors : undefined)));
    if (floorsNext !== undefined) await floorsItem.setValue(floorsNext);
    if (next !== undefined) await writeSubscriptions(next);
    else if (keepsOtherUrls(await subscriptionsItem.getValue())) await writeSubscriptions(current);
    await after?.(next ?? current, answer);
    return answer;
  });
}

/** In the subscriptions' turn. When they cannot be read the access stays, as the lists that need it might. */
export function giveBackIfUnused(url: string): Promise<void> {
  return inTurn(subscriptionsItem.key, async () => {
    const held = await readOrWarn();
    if (held !== undefined) await giveBackUnused(url, held);
  });
}

/**
 * Reset and Delete everything: no subscription, checked copy or floor kept, and then, in the same turn, no list host held (see
 * giveBackListHosts; logged when the browser keeps one), but for the hosts of subscribes under way.
 * A subscribe from another tab comes wholly before (cleared with its access) or after (kept with it). Nothing held is read first: lists that
 * cannot be checked now (Chrome: no offscreen document) go all the same.
 */
export function clearSubscriptions(): Promise<void> {
  return inTurn(subscriptionsItem.key, async () => {
    held = Promise.resolve([]);
    // Asked for in the step that counts the clear: a checked copy written before is removed, and one read before is not written after.
    await Promise.all([subscriptionsItem.setValue([]), forgetChecked()]);
    await floorsItem.removeValue();
    await giveBackListHosts(addingOrigins());
  });
}
