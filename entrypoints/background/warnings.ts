import { browser } from 'wxt/browser';
import { defineLazyItem } from '@/utils/lazy-item';
import { inTurn } from '@/utils/in-turn';
import { giveBackListHosts, listAccess, meetsRequiredAccess } from '@/utils/permissions';
import { activeWarnings, type ActiveWarning } from '@/lib/community/active-warnings';
import {
  goodLists,
  LIST_CHECK_EVERY_HOURS,
  MAX_SUBSCRIPTIONS,
  needsCheckAgain,
  replaceSigner,
  sequenceFloor,
  subscriptionHealth,
  type SignerChange,
  type SubscribeFailureCode,
  type SubscribeResult,
  type SubscriptionFailure,
  type SubscriptionHealth,
  type WarningSubscription,
} from '@/lib/community/subscription';
import { keepFloor, keptFloor, parseKeptFloors, type KeptFloor } from '@/lib/community/sequence-floors';
import { keepsOtherUrls } from '@/lib/community/same-list';
import { listUrl } from '@/lib/community/list-url';
import { WARNING_LIST_LIMITS } from '@/lib/community/warning-list';
import { fetchSource, type FetchFailure } from '@/lib/reserves/fetch-source';
import { subscribeFailureText, subscriptionLineMarked } from '@/lib/words/warning-list-words';
import { gapAfter } from '@/lib/words/punctuation';
import { getSettings } from '@/utils/settings';
import { chainWork } from './chain-work';
import { checkedClears, checkStored, forgetChecked, rememberChecked } from './checked-subscriptions';
import { i18nFor } from './words';

/**
 * Community warning lists the user subscribed to: fetched on the shared schedule (never because
 * of a page visit), verified against the maintainer's key, last good list kept through failures.
 */
const subscriptionsItem = defineLazyItem<unknown>('local:warningSubscriptions', { fallback: [], version: 1 });

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
function readSubscriptions(): Promise<WarningSubscription[]> {
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
function readOrWarn(): Promise<WarningSubscription[] | undefined> {
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

async function userWords() {
  return i18nFor((await getSettings()).language);
}

const CHECK_EVERY_MS = LIST_CHECK_EVERY_HOURS * 60 * 60_000;
const TIMEOUT_MS = 20_000;

export interface SubscriptionView {
  url: string;
  expectedSigner: string;
  health: SubscriptionHealth;
  message: string;
  /** The name of the list in use, once one verified. */
  listName?: string;
  /** The list's `lang`, when it says one. */
  listLang?: string;
  /** Where `listName` starts in `message`, when the line names the list. */
  nameAt?: number;
  /** The list's host, when Reserve Radar may not read it (not granted, or taken away): the list is not fetched. */
  needsAccess?: string;
  /** The latest check's refusal, when it read back, as figures and codes (the page words it in `message`). */
  lastFailure?: SubscriptionFailure;
}

/** Each subscription with the line under it, in the user's language. */
export async function subscriptionViews(now = new Date()): Promise<SubscriptionView[]> {
  const [subscriptions, { t, locale }] = await Promise.all([readSubscriptions(), userWords()]);
  const readable = await Promise.all(subscriptions.map((state) => mayRead(state.url)));
  return subscriptions.map((state, index) => {
    const { message: line, nameAt } = subscriptionLineMarked({ state, now, locale }, t);
    const host = new URL(state.url).hostname;
    const message = readable[index] ? line : noAccessLine(state, host, line, { t, locale });
    return {
      url: state.url,
      expectedSigner: state.expectedSigner,
      ...(readable[index] ? { health: subscriptionHealth({ state, now }), message } : { health: 'failing' as const, message, needsAccess: host }),
      // The line may follow a sentence of its own (no access): the name moves with it.
      ...(nameAt === undefined || !message.endsWith(line) ? {} : { nameAt: message.length - line.length + nameAt }),
      ...(state.lastGood === undefined ? {} : { listName: state.lastGood.list.name }),
      ...(state.lastGood?.list.lang === undefined ? {} : { listLang: state.lastGood.list.lang }),
      ...(state.lastError?.failure === undefined ? {} : { lastFailure: state.lastError.failure }),
    };
  });
}

/** Not read for want of access: the held copy stays in use, said only when there is one (its line follows). */
function noAccessLine(state: WarningSubscription, host: string, line: string, { t, locale }: Awaited<ReturnType<typeof userWords>>): string {
  if (state.lastGood === undefined) return t('listsStateNoAccessNever', host);
  const said = t('listsStateNoAccess', host);
  return `${said}${gapAfter(said, locale)}${line}`;
}

/** Whether the browser lets us read the list's host as our own request (see `listAccess`). */
async function mayRead(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains(listAccess(url));
  } catch {
    return false;
  }
}

/**
 * The list hosts of the subscribes under way, each counted from the moment the background is asked
 * until that subscribe's turn ends: its page asked the browser for the host at the click, so an
 * unsubscribe or a clear whose turn comes in between must not give it back.
 */
const adding = new Map<string, number>();

/** Counts `url`'s host as wanted by a subscribe under way; answers the release (once is enough, more do nothing). */
function markAdding(url: string): () => void {
  let origin: string;
  try {
    [origin] = listAccess(url).origins;
  } catch {
    return () => undefined;
  }
  adding.set(origin, (adding.get(origin) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (adding.get(origin) ?? 1) - 1;
    if (left > 0) adding.set(origin, left);
    else adding.delete(origin);
  };
}

/**
 * Least privilege: the access asked for a list goes back once no subscription in `held` reads that
 * host, unless a required access meets it (the feed's own host, say: Chromium would withhold it; a
 * site under a content script's match: Chromium refuses).
 * Narrower than a grant of all sites, it leaves that grant in place. Called in the subscriptions'
 * turn, with `held` as stored: a subscription written meanwhile cannot lose its access, nor one
 * being added (see `adding`).
 */
async function giveBackUnused(url: string, held: readonly WarningSubscription[]): Promise<void> {
  let access: ReturnType<typeof listAccess>;
  try {
    access = listAccess(url);
  } catch {
    return;
  }
  const [origin] = access.origins;
  if (meetsRequiredAccess(origin) || adding.has(origin) || held.some((state) => listAccess(state.url).origins[0] === origin)) return;
  await browser.permissions.remove(access).catch((error: unknown) => console.warn('[reserve-radar] list access not given back:', error));
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

type SubscriptionsChange<T> = { next?: WarningSubscription[]; answer: T; floors?: KeptFloor[] };

/**
 * The subscriptions as held, changed by `change` in their turn (utils/in-turn.ts): a subscribe, an
 * unsubscribe and the end of a check that overlap each keep their change. `undefined` writes nothing,
 * unless the stored value keeps a URL as a version before did (a fragment): then what was read
 * (one per list, see `onePerList`) is written, here, so no read outside the turn has to; the kept
 * floors likewise (see `readFloors`). `change` reads the floors through `kept`, once per turn.
 * `after` runs in the same turn, with what is then stored (the access given back). `floors`, when
 * given, is written first: an unsubscribe keeps its list's floor before the list goes.
 */
function changeSubscriptions<T>(
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
function giveBackIfUnused(url: string): Promise<void> {
  return inTurn(subscriptionsItem.key, async () => {
    const held = await readOrWarn();
    if (held !== undefined) await giveBackUnused(url, held);
  });
}

/** `check-again`: held already, and due a check at the user's asking (see `needsCheckAgain`). */
type Refusal = SubscribeFailureCode | 'no-access' | 'check-again';

/** Both checksummed or not: addresses compared as the same 20 bytes. */
const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Adds a subscription and checks it at once. A plain-words reason when the input is wrong or the
 * options page got no access to the list's host; a refusal gives back the access asked for it.
 * The access is checked, and given back, in the turn that writes the subscription: an unsubscribe
 * of another list on that host, at the same moment, cannot take it away from this one.
 */
export async function subscribe(url: string, expectedSigner: string, replaces?: string): Promise<SubscribeResult> {
  // Before anything is awaited: a turn that gives hosts back may come before this one's.
  const added = markAdding(url);
  try {
    return await subscribeMarked({ url, expectedSigner, replaces }, added);
  } finally {
    added();
  }
}

/** `replaces`: the address the user confirmed replacing (see `SignerChange`); without it, or another one held by now, the answer asks to confirm. */
type SubscribeRequest = { url: string; expectedSigner: string; replaces: string | undefined };

/**
 * `subscribe` once its host is marked as wanted; `release` unmarks it, in the turn that writes or refuses.
 * A new list starts from the floor kept for its URL; a confirmed new key keeps the list's own.
 */
async function subscribeMarked({ url, expectedSigner, replaces }: SubscribeRequest, release: () => void): Promise<SubscribeResult> {
  const created = await chainWork().createSubscription({ url, expectedSigner });
  if (!created.ok) {
    release();
    await giveBackIfUnused(url);
    return { ok: false, reason: subscribeFailureText(created.code, (await userWords()).t) };
  }
  const added = created.subscription;
  const outcome = await changeSubscriptions(
    async (current, kept): Promise<SubscriptionsChange<Refusal | SignerChange | undefined>> => {
      if (!(await mayRead(added.url))) return { answer: 'no-access' };
      const held = current.find((subscription) => subscription.url === added.url);
      if (held !== undefined) {
        if (sameAddress(held.expectedSigner, added.expectedSigner)) return { answer: needsCheckAgain({ state: held, now: new Date() }) ? 'check-again' : 'already-subscribed' };
        if (replaces === undefined || !sameAddress(replaces, held.expectedSigner)) return { answer: { url: held.url, current: held.expectedSigner, next: added.expectedSigner } };
        const moved = replaceSigner({ state: held, expectedSigner: added.expectedSigner });
        return { next: current.map((subscription) => (subscription === held ? moved : subscription)), answer: undefined };
      }
      // More would be held until the next read from storage, which keeps the first MAX_SUBSCRIPTIONS only.
      if (current.length >= MAX_SUBSCRIPTIONS) return { answer: 'too-many' };
      const floor = keptFloor((await kept()).floors, added.url);
      // The floor stays kept too: the subscription's own is never lower, and an unsubscribe keeps the higher.
      return { next: [...current, floor === undefined ? added : { ...added, floor }], answer: undefined };
    },
    async (stored, answer) => {
      // Stored with it, or refused: from here the list itself holds the host, or nothing does.
      release();
      if (typeof answer === 'string') await giveBackUnused(added.url, stored);
    },
  );
  if (typeof outcome === 'object') return { ok: false, confirmSignerChange: outcome };
  if (outcome === 'check-again') {
    await checkSubscriptions({ force: true, only: added.url });
    // Fine now: answered as a subscribe is. Still not fine: the form keeps the address and says the row's new line,
    // as the row itself is not read out when it changes.
    const row = (await subscriptionViews()).find((view) => view.url === added.url);
    return row === undefined || row.health === 'ok' ? { ok: true } : { ok: false, reason: row.message };
  }
  const refused = outcome;
  if (refused !== undefined) {
    const { t } = await userWords();
    return { ok: false, reason: refused === 'no-access' ? t('listsAccessDeclined', new URL(added.url).hostname) : subscribeFailureText(refused, t) };
  }
  await checkSubscriptions({ force: true });
  return { ok: true };
}

/** The list goes; the newest number accepted from its URL is kept (see `floorsItem`). `asked`: its URL, fragment or not. */
export async function unsubscribe(asked: string): Promise<void> {
  const url = listUrl(asked);
  await changeSubscriptions(
    async (current, kept) => {
      const leaving = current.find((subscription) => subscription.url === url);
      const floor = leaving === undefined ? undefined : sequenceFloor(leaving);
      const floors = floor === undefined ? undefined : keepFloor((await kept()).floors, url, floor);
      return { next: current.filter((subscription) => subscription !== leaving), answer: undefined, ...(floors === undefined ? {} : { floors }) };
    },
    (stored) => giveBackUnused(url, stored),
  );
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
    await giveBackListHosts([...adding.keys()]);
  });
}

async function fetchList(url: string): Promise<{ ok: true; body: string } | { ok: false; failure: FetchFailure }> {
  // The same guarded GET as the reserve data: no cookies, a deadline over the whole body, a size cap while streaming.
  const fetched = await fetchSource({ url, fetch: (input, init) => fetch(input, init), timeoutMs: TIMEOUT_MS, maxBytes: WARNING_LIST_LIMITS.maxBytes });
  return fetched.ok ? { ok: true, body: JSON.stringify(fetched.body) } : { ok: false, failure: fetched.failure };
}

/** Checks every subscription that is due (all of them when forced; `only` that list), one at a time. */
export async function checkSubscriptions({ force = false, only }: { force?: boolean; only?: string } = {}): Promise<void> {
  // Held lists that cannot be checked now are left as stored, for the next run.
  const states = await readOrWarn();
  if (states === undefined) return;
  const checked: { before: WarningSubscription; after: WarningSubscription }[] = [];
  for (const state of states) {
    if (only !== undefined && state.url !== only) continue;
    const due = force || state.lastCheck === null || Date.now() - Date.parse(state.lastCheck) >= CHECK_EVERY_MS;
    // Without the access the host would be asked with an Origin header (Firefox: a per-install id) and
    // under CORS: not asked at all. The last good list stays; the options page says how to allow it.
    if (due && (await mayRead(state.url))) checked.push({ before: state, after: await chainWork().checkSubscription({ state, fetched: await fetchList(state.url), now: Date.now() }) });
  }
  if (checked.length === 0) return;
  // The fetches took their time (up to TIMEOUT_MS each): the results go onto the subscriptions as
  // they stand now. One added meanwhile is kept, one removed stays removed, and one that changed
  // meanwhile (checked by an overlapping run, or removed and added again) keeps that change: a
  // result from the older state must not roll its held list back.
  await changeSubscriptions((current) => {
    const next = current.map(
      (state) =>
        checked.find(
          ({ before }) => before.url === state.url && before.lastCheck === state.lastCheck && before.expectedSigner === state.expectedSigner && before.floor?.sequence === state.floor?.sequence,
        )?.after ?? state,
    );
    return next.some((state, index) => state !== current[index]) ? { next, answer: undefined } : { answer: undefined };
  }).catch((error: unknown) => console.warn(`[reserve-radar] warning lists: ${error instanceof Error ? error.message : String(error)}`));
}
