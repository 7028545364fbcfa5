import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn } from '@/utils/in-turn';
import { activeWarnings, type ActiveWarning } from '@/lib/community/active-warnings';
import { goodLists, MAX_SUBSCRIPTIONS, subscriptionHealth, type SubscribeFailureCode, type SubscriptionFailure, type SubscriptionHealth, type WarningSubscription } from '@/lib/community/subscription';
import { WARNING_LIST_LIMITS } from '@/lib/community/warning-list';
import { fetchSource, type FetchFailure } from '@/lib/reserves/fetch-source';
import { subscribeFailureText, subscriptionLine } from '@/lib/words/warning-list-words';
import { getSettings } from '@/utils/settings';
import { chainWork } from './chain-work';
import { i18nFor } from './words';

/**
 * Community warning lists the user subscribed to: fetched on the shared schedule (never because
 * of a page visit), verified against the maintainer's key, last good list kept through failures.
 */
const subscriptionsItem = defineLazyItem<unknown>('local:warningSubscriptions', { fallback: [], version: 1 });

/**
 * The stored value parsed and its held lists verified again (see `parseStoredSubscriptions`),
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

async function checkStored(value: unknown): Promise<WarningSubscription[]> {
  // Nothing subscribed (most users): nothing to check or remember.
  if (!Array.isArray(value) || value.length === 0) return [];
  const [digest, checked] = await Promise.all([digestOf(value), checkedItem.getValue()]);
  if (checked !== null && checked.digest === digest) return checked.subscriptions;
  const subscriptions = await chainWork().parseStoredSubscriptions(value);
  await checkedItem.setValue({ digest, subscriptions });
  return subscriptions;
}

/**
 * Rejects when the held lists could not be checked at all (Chrome: no offscreen document): then
 * nothing is kept in memory, so the next read tries again, and nothing is written back.
 */
function readSubscriptions(): Promise<WarningSubscription[]> {
  if (held !== undefined) return held;
  const reading = subscriptionsItem.getValue().then(checkStored);
  held = reading;
  reading.catch(() => {
    if (held === reading) held = undefined;
  });
  return reading;
}

/** The subscriptions, or undefined (logged) when their held lists could not be checked at all. */
function readOrWarn(): Promise<WarningSubscription[] | undefined> {
  return readSubscriptions().catch((error: unknown) => {
    console.warn(`[reserve-radar] warning lists: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
}

/** `next` is checked already (each list by `checkSubscription`, or carried over from a checked read). */
async function writeSubscriptions(next: WarningSubscription[]): Promise<void> {
  held = Promise.resolve(next);
  await checkedItem.setValue({ digest: await digestOf(next), subscriptions: next });
  await subscriptionsItem.setValue(next);
}

async function userWords() {
  return i18nFor((await getSettings()).language);
}

const CHECK_EVERY_MS = 6 * 60 * 60_000;
const TIMEOUT_MS = 20_000;

export interface SubscriptionView {
  url: string;
  expectedSigner: string;
  health: SubscriptionHealth;
  message: string;
  /** The name of the list in use, once one verified. */
  listName?: string;
  /** The latest check's refusal, when it read back, for its technical text (`warningListFailureDetail`). */
  lastFailure?: SubscriptionFailure;
}

/** Each subscription with the line under it, in the user's language. */
export async function subscriptionViews(now = new Date()): Promise<SubscriptionView[]> {
  const [subscriptions, { t, locale }] = await Promise.all([readSubscriptions(), userWords()]);
  return subscriptions.map((state) => ({
    url: state.url,
    expectedSigner: state.expectedSigner,
    health: subscriptionHealth({ state, now }),
    message: subscriptionLine({ state, now, locale }, t),
    ...(state.lastGood === undefined ? {} : { listName: state.lastGood.list.name }),
    ...(state.lastError?.failure === undefined ? {} : { lastFailure: state.lastError.failure }),
  }));
}

/**
 * Reads the held lists once and answers for any exchange, for building views: its warnings, or
 * `'unread'` when the held lists could not be checked at all (Chrome: the offscreen document
 * failed). That is no "no entry": a list alert must not end on it, nor a card say nothing is
 * listed. The lists stay stored for the next read.
 */
export async function warningLookup(now: Date): Promise<(exchangeId: string) => ActiveWarning[] | 'unread'> {
  const subscriptions = await readOrWarn();
  if (subscriptions === undefined) return () => 'unread';
  const lists = goodLists({ subscriptions });
  return (exchangeId) => (lists.length === 0 ? [] : activeWarnings({ lists, exchangeId, now }));
}

/**
 * The subscriptions as held, changed by `change` in their turn (utils/in-turn.ts): a subscribe, an
 * unsubscribe and the end of a check that overlap each keep their change. `undefined` writes nothing.
 */
function changeSubscriptions<T>(change: (current: WarningSubscription[]) => { next?: WarningSubscription[]; answer: T }): Promise<T> {
  return inTurn(subscriptionsItem.key, async () => {
    const { next, answer } = change(await readSubscriptions());
    if (next !== undefined) await writeSubscriptions(next);
    return answer;
  });
}

/** Adds a subscription and checks it at once. A plain-words reason when the input is wrong. */
export async function subscribe(url: string, expectedSigner: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const created = await chainWork().createSubscription({ url, expectedSigner });
  if (!created.ok) return { ok: false, reason: subscribeFailureText(created.code, (await userWords()).t) };
  const refused = await changeSubscriptions((current): { next?: WarningSubscription[]; answer: SubscribeFailureCode | undefined } => {
    if (current.some((subscription) => subscription.url === created.subscription.url)) return { answer: 'already-subscribed' };
    // More would be held until the next read from storage, which keeps the first MAX_SUBSCRIPTIONS only.
    if (current.length >= MAX_SUBSCRIPTIONS) return { answer: 'too-many' };
    return { next: [...current, created.subscription], answer: undefined };
  });
  if (refused !== undefined) return { ok: false, reason: subscribeFailureText(refused, (await userWords()).t) };
  await checkSubscriptions({ force: true });
  return { ok: true };
}

export async function unsubscribe(url: string): Promise<void> {
  await changeSubscriptions((current) => ({ next: current.filter((subscription) => subscription.url !== url), answer: undefined }));
}

export async function clearSubscriptions(): Promise<void> {
  await changeSubscriptions(() => ({ next: [], answer: undefined }));
}

async function fetchList(url: string): Promise<{ ok: true; body: string } | { ok: false; failure: FetchFailure }> {
  // The same guarded GET as the reserve data: no cookies, a deadline over the whole body, a size cap while streaming.
  const fetched = await fetchSource({ url, fetch: (input, init) => fetch(input, init), timeoutMs: TIMEOUT_MS, maxBytes: WARNING_LIST_LIMITS.maxBytes });
  return fetched.ok ? { ok: true, body: JSON.stringify(fetched.body) } : { ok: false, failure: fetched.failure };
}

/** Checks every subscription that is due (all of them when forced), one at a time. */
export async function checkSubscriptions({ force = false }: { force?: boolean } = {}): Promise<void> {
  // Held lists that cannot be checked now are left as stored, for the next run.
  const states = await readOrWarn();
  if (states === undefined) return;
  const checked: { before: WarningSubscription; after: WarningSubscription }[] = [];
  for (const state of states) {
    const due = force || state.lastCheck === null || Date.now() - Date.parse(state.lastCheck) >= CHECK_EVERY_MS;
    if (due) checked.push({ before: state, after: await chainWork().checkSubscription({ state, fetched: await fetchList(state.url), now: Date.now() }) });
  }
  if (checked.length === 0) return;
  // The fetches took their time (up to TIMEOUT_MS each): the results go onto the subscriptions as
  // they stand now. One added meanwhile is kept, one removed stays removed, and one that changed
  // meanwhile (checked by an overlapping run, or removed and added again) keeps that change: a
  // result from the older state must not roll its held list back.
  await changeSubscriptions((current) => {
    const next = current.map(
      (state) => checked.find(({ before }) => before.url === state.url && before.lastCheck === state.lastCheck && before.expectedSigner === state.expectedSigner)?.after ?? state,
    );
    return next.some((state, index) => state !== current[index]) ? { next, answer: undefined } : { answer: undefined };
  }).catch((error: unknown) => console.warn(`[reserve-radar] warning lists: ${error instanceof Error ? error.message : String(error)}`));
}
