import { defineLazyItem } from '@/utils/lazy-item';
import { onePerList } from '@/lib/community/same-list';
import type { WarningSubscription } from '@/lib/community/subscription';
import { chainWork } from './chain-work';

/**
 * The subscriptions as last checked, beside the SHA-256 of the stored value they were read from:
 * a service worker that wakes up takes them as they are while that value is unchanged, instead of
 * checking every signature again (in Chrome that would make the offscreen document at each
 * wake-up). Any other value, whoever wrote it, is checked in full. Session storage is open to our
 * own pages and worker only (content scripts, which can write `storage.local` in Chrome, cannot
 * reach it) and is gone when the browser closes.
 */
const checkedItem = defineLazyItem<{ digest: string; subscriptions: WarningSubscription[] } | null>('session:checkedSubscriptions', { fallback: null });

async function digestOf(value: unknown): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value) ?? ''));
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Clears of the subscriptions (Reset, "Delete everything"), counted in the step that asks to remove the record (`forgetChecked`). */
let clears = 0;

/** The count to hand `checkStored`, taken before the stored value is read. */
export function checkedClears(): number {
  return clears;
}

/** Counts a clear and asks, in the same step, to remove the record: one read before it is not written after. */
export function forgetChecked(): Promise<void> {
  clears++;
  return checkedItem.removeValue();
}

/**
 * The stored value `value` as every reader takes it: each entry checked (`parseStoredSubscriptions`,
 * which answers each entry under its URL as stored, so the offscreen checker's answer can be matched
 * to it), then one per list under the URL the add path keeps (`onePerList`: a version before kept
 * fragments). Rejects when the held lists could not be checked at all. Writes the session record only,
 * and not when a clear came since `cleared` (`checkedClears`) was taken.
 */
export async function checkStored(value: unknown, cleared: number): Promise<WarningSubscription[]> {
  // Nothing subscribed (most users): nothing to check or remember.
  if (!Array.isArray(value) || value.length === 0) return [];
  const [digest, checked] = await Promise.all([digestOf(value), checkedItem.getValue()]);
  // Taken through `onePerList` too: a record kept by a version before holds the URLs as stored.
  if (checked !== null && checked.digest === digest) return onePerList(checked.subscriptions);
  const subscriptions = onePerList(await chainWork().parseStoredSubscriptions(value));
  if (cleared === clears) await checkedItem.setValue({ digest, subscriptions });
  return subscriptions;
}

/** Remembers `subscriptions`, checked already, as what their stored value reads back to. */
export async function rememberChecked(subscriptions: WarningSubscription[]): Promise<void> {
  await checkedItem.setValue({ digest: await digestOf(subscriptions), subscriptions });
}
