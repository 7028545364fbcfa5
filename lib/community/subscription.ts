import * as v from 'valibot';
import { getAddress, isAddress, isAddressEqual, type Address, type Hex } from 'viem';
import { signerOf, verifyWarningList, type HeldWarningList, type VerifyWarningListReturnType, type WarningListFailure, type WarningListRejection } from './verify-warning-list';
import { HeldFloorSchema, higherFloor } from './sequence-floors';
import { isListUrl, listUrl } from './list-url';
import { hashWarningList, WARNING_LIST_LIMITS, WarningListSchema, type WarningList } from './warning-list';
import type { SubscribedList } from './active-warnings';
import type { FetchFailure } from '../reserves/fetch-source';

/**
 * What the background keeps per warning-list subscription. Plain JSON (no Dates, no
 * undefined-valued keys), so it goes into `storage` and across the message channel as is.
 */
export interface WarningSubscription {
  url: string;
  /** Checksummed maintainer address the user subscribed with. */
  expectedSigner: Address;
  /** The newest list that verified; kept through every later failure. */
  lastGood?: HeldSubscriptionList;
  /** ISO moment of the last fetch attempt, good or bad; null before the first. */
  lastCheck: string | null;
  /** The latest attempt's failure; absent when the latest attempt succeeded. */
  lastError?: SubscriptionError;
  /**
   * The newest list accepted from this URL before this signer or this subscription (the maintainer's
   * key changed; the user left the list and came back): no list may go back from it.
   */
  floor?: HeldWarningList;
}

/** Also fits `verifyWarningList`'s `held` parameter. */
export interface HeldSubscriptionList {
  list: WarningList;
  hash: Hex;
  sequence: number;
  signer: Address;
  /** The maintainer's signature, so the stored copy is verified again each time it is read back. */
  signature: Hex;
  /** ISO moment it was fetched and verified. */
  verifiedAt: string;
}

/** `unchecked`: the list was fetched but the check itself could not be run (Chrome: no usable answer from the offscreen document). */
export type SubscriptionErrorCode = WarningListRejection | 'unreachable' | 'unchecked';

/**
 * Why a check failed, as a code and figures (worded by lib/words/warning-list-words.ts). An
 * `unreachable` failure carries the fetch's own code and figures alongside (flat, so it stores as
 * one record); `why` is the check channel's own account, for the line's end.
 */
export type SubscriptionFailure = WarningListFailure | ({ code: 'unreachable' } & FetchFailure) | { code: 'unchecked'; why: string };

export interface SubscriptionError {
  code: SubscriptionErrorCode;
  /** Absent when the stored record carries none that reads back: then the code alone is worded. */
  failure?: SubscriptionFailure;
  /** ISO moment of the failed attempt. */
  at: string;
}

/** The outcome of one fetch: a verification result, or the fetch itself failed (network, HTTP status, timeout). */
export type WarningListFetchResult = VerifyWarningListReturnType | { ok: false; code: 'unreachable'; failure: Extract<SubscriptionFailure, { code: 'unreachable' }> };

export interface CreateSubscriptionParameters {
  url: string;
  expectedSigner: string;
}
/**
 * Why a subscription was not added (worded by lib/words/warning-list-words.ts):
 * `signer-unchecked` when the check could not run just now, `already-subscribed` for a repeat,
 * `too-many` when `MAX_SUBSCRIPTIONS` are held already (more would be dropped when read back).
 */
export const SUBSCRIBE_FAILURE_CODES = [
  'not-a-url',
  'not-https',
  'credentials',
  'url-too-long',
  'signer-not-address',
  'signer-checksum',
  'signer-unchecked',
  'already-subscribed',
  'too-many',
] as const;
export type SubscribeFailureCode = (typeof SUBSCRIBE_FAILURE_CODES)[number];
export type CreateSubscriptionReturnType = { ok: true; subscription: WarningSubscription } | { ok: false; code: SubscribeFailureCode };

/** Checks what the user typed into the options page; never throws. */
export function createSubscription({ url, expectedSigner }: CreateSubscriptionParameters): CreateSubscriptionReturnType {
  const trimmedUrl = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmedUrl);
  } catch {
    return { ok: false, code: 'not-a-url' };
  }
  if (parsed.protocol !== 'https:') return { ok: false, code: 'not-https' };
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, code: 'credentials' };
  }
  if (trimmedUrl.length > WARNING_LIST_LIMITS.maxUrlLength) return { ok: false, code: 'url-too-long' };
  const signer = expectedSigner.trim();
  if (!isAddress(signer, { strict: false })) {
    return { ok: false, code: 'signer-not-address' };
  }
  if (/[A-F]/.test(signer.slice(2)) && /[a-f]/.test(signer.slice(2)) && !isAddress(signer, { strict: true })) {
    // Mixed case is an EIP-55 checksum; a wrong one means a mistyped address.
    return { ok: false, code: 'signer-checksum' };
  }
  // The browser never sends a fragment: with one the same list would escape its floor and the duplicate check.
  return { ok: true, subscription: { url: listUrl(parsed), expectedSigner: getAddress(signer), lastCheck: null } };
}

/**
 * A list held at `url` with the maintainer address `current`, asked to be held with `next` instead
 * (its key changed, or a typo): the user confirms before the new key replaces the old.
 */
export interface SignerChange {
  url: string;
  /** The address the list is held with now. */
  current: string;
  /** The address typed, checksummed. */
  next: string;
}

/** What came of a subscribe: added, refused in plain words, or a signer change for the user to confirm. */
export type SubscribeResult = { ok: true } | { ok: false; reason: string } | { ok: false; confirmSignerChange: SignerChange };

export interface ApplyFetchResultParameters {
  state: WarningSubscription;
  result: WarningListFetchResult;
  now: Date;
}

/**
 * The next state after one fetch. Only a verified list signed by the subscription's own
 * signer replaces `lastGood`; any failure records `lastError` and keeps `lastGood`.
 */
export function applyFetchResult({ state, result, now }: ApplyFetchResultParameters): WarningSubscription {
  const at = now.toISOString();
  const { lastError: _previousError, ...rest } = state;
  if (result.ok) {
    if (!isAddressEqual(result.signer, state.expectedSigner)) {
      // A result verified against some other address must not slip in as this subscription's list.
      return failed(state, at, { code: 'wrong-signer', expected: state.expectedSigner, got: result.signer });
    }
    const floor = sequenceFloor(state);
    if (floor !== undefined && (result.list.sequence < floor.sequence || (result.list.sequence === floor.sequence && result.hash.toLowerCase() !== floor.hash.toLowerCase()))) {
      return failed(state, at, { code: 'rollback', sequence: result.list.sequence, held: floor.sequence });
    }
    if (result.unchanged && state.lastGood !== undefined && state.lastGood.sequence === result.list.sequence) return { ...rest, lastCheck: at };
    return {
      ...rest,
      lastCheck: at,
      lastGood: { list: result.list, hash: result.hash, sequence: result.list.sequence, signer: result.signer, signature: result.signature, verifiedAt: at },
    };
  }
  return failed(state, at, result.failure);
}

/** The list no new one may go back from: the one held, or the floor carried from before when it is higher (or none is held). */
export function sequenceFloor(state: Pick<WarningSubscription, 'lastGood' | 'floor'>): HeldWarningList | undefined {
  const good = state.lastGood === undefined ? undefined : { sequence: state.lastGood.sequence, hash: state.lastGood.hash };
  return higherFloor(good, state.floor);
}

export interface ReplaceSignerParameters {
  state: WarningSubscription;
  /** The maintainer address the user confirmed, checked and checksummed (see `createSubscription`). */
  expectedSigner: Address;
}

/**
 * The subscription at the same URL under the maintainer's new key, once the user confirmed it. The
 * list held goes (it is the old key's, and would not verify again); its number stays as the floor,
 * so a list older than it is refused whoever signed it. Checked afresh from here.
 */
export function replaceSigner({ state, expectedSigner }: ReplaceSignerParameters): WarningSubscription {
  const floor = sequenceFloor(state);
  return { url: state.url, expectedSigner, lastCheck: null, ...(floor === undefined ? {} : { floor }) };
}

function failed(state: WarningSubscription, at: string, failure: SubscriptionFailure): WarningSubscription {
  return { ...state, lastCheck: at, lastError: { code: failure.code, failure, at } };
}

export interface CheckSubscriptionParameters {
  state: WarningSubscription;
  /** What the fetch gave: the body text, or the fetch's own account of why there was none. */
  fetched: { ok: true; body: string } | { ok: false; failure: FetchFailure };
  now: Date;
}

/** Verify-then-apply in one step: what the background runs after each scheduled fetch. Never throws. */
export async function checkSubscription({ state, fetched, now }: CheckSubscriptionParameters): Promise<WarningSubscription> {
  const result: WarningListFetchResult = fetched.ok
    ? await verifyWarningList({ body: fetched.body, expectedSigner: state.expectedSigner, held: sequenceFloor(state), now })
    : { ok: false, code: 'unreachable', failure: { code: 'unreachable', ...fetched.failure } };
  return applyFetchResult({ state, result, now });
}

export interface GoodListsParameters {
  subscriptions: readonly WarningSubscription[];
}

/**
 * The lists to show warnings from: each subscription's last good list, with the host the user
 * subscribed to it at. The list's `name` is whatever its signer chose ("Reserve Radar Official"
 * from anyone); the host is the part of its attribution the signer cannot choose.
 */
export function goodLists({ subscriptions }: GoodListsParameters): SubscribedList[] {
  return subscriptions.flatMap((subscription) => (subscription.lastGood === undefined ? [] : [{ list: subscription.lastGood.list, host: hostOf(subscription.url) }]));
}

/** The URL's host (port included when it is not the default), as the URL parser writes it: an internationalised name in its ASCII (punycode) form, so look-alike letters show as what they are. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // Stored subscriptions are checked to start with https:// only; a URL that does not parse is shown whole.
    return url;
  }
}

/** How often a held list is fetched again (the background wakes every few minutes; a list is due once this long has passed). More than one. */
export const LIST_CHECK_EVERY_HOURS = 6;

/**
 * Whether subscribing again to a list already held checks it again at once: it is not fine now (its latest
 * check failed, no copy of it verified yet, or the copy held expired), so the user fixed the host, or wants
 * to know now. A fine list waits its turn.
 */
export function needsCheckAgain({ state, now }: SubscriptionHealthParameters): boolean {
  return subscriptionHealth({ state, now }) !== 'ok';
}

export type SubscriptionHealth = 'never-checked' | 'ok' | 'failing' | 'expired';

export interface SubscriptionHealthParameters {
  state: WarningSubscription;
  now: Date;
}

/** How a subscription stands; lib/words/warning-list-words.ts words the line under it. */
export function subscriptionHealth({ state, now }: SubscriptionHealthParameters): SubscriptionHealth {
  const good = state.lastGood;
  if (good !== undefined && Date.parse(good.list.expires) <= now.getTime()) return 'expired';
  if (state.lastError !== undefined) return 'failing';
  if (state.lastCheck === null) return 'never-checked';
  return good === undefined ? 'failing' : 'ok';
}

const IsoMoment = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
/** Figures of a stored failure: short text or numbers under the same code, or none. */
const StoredFailureSchema = v.record(v.pipe(v.string(), v.maxLength(20)), v.union([v.pipe(v.string(), v.maxLength(2000)), v.number(), v.literal(true)]));

function readError({ code, failure, at }: { code: string; failure?: unknown; at: string }): SubscriptionError {
  const figures = v.safeParse(StoredFailureSchema, failure);
  const fits = figures.success && figures.output.code === code && Object.keys(figures.output).length <= 6;
  return { code: code as SubscriptionErrorCode, ...(fits ? { failure: figures.output as SubscriptionFailure } : {}), at };
}

/** A subscription's failure as stored or as answered by the checker: its figures kept only when they read back. */
export const SubscriptionErrorSchema = v.pipe(v.object({ code: v.pipe(v.string(), v.maxLength(40)), failure: v.optional(v.unknown()), at: IsoMoment }), v.transform(readError));

const StoredSubscriptionSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(WARNING_LIST_LIMITS.maxUrlLength), v.startsWith('https://'), v.check(isListUrl)),
  expectedSigner: v.pipe(
    v.string(),
    v.check((text) => isAddress(text, { strict: false })),
    v.transform((text) => getAddress(text)),
  ),
  lastGood: v.optional(v.unknown()),
  lastCheck: v.nullable(IsoMoment),
  lastError: v.optional(SubscriptionErrorSchema),
  floor: v.optional(v.unknown()),
});
const StoredListSchema = v.object({
  list: WarningListSchema,
  hash: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/)),
  sequence: v.number(),
  signer: v.string(),
  signature: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{130}$/)),
  verifiedAt: IsoMoment,
});

export const MAX_SUBSCRIPTIONS = 50;

/**
 * The subscriptions as read back from storage, validated like anything else that comes in: an
 * entry that is not a subscription is dropped, and each held list is verified again (shape,
 * hash, signature by the subscription's own signer, low-s) before any warning is shown from it.
 * A held list that fails goes, with a reason on the subscription; the next check fetches it
 * again. Never throws.
 */
export async function parseStoredSubscriptions(value: unknown): Promise<WarningSubscription[]> {
  if (!Array.isArray(value)) return [];
  const parsed: WarningSubscription[] = [];
  let dropped = 0;
  for (const entry of value.slice(0, MAX_SUBSCRIPTIONS)) {
    const result = v.safeParse(StoredSubscriptionSchema, entry);
    if (!result.success) dropped += 1;
    if (!result.success || parsed.some((held) => held.url === result.output.url)) continue;
    const { lastGood, lastError, floor, ...rest } = result.output;
    const subscription: WarningSubscription = { ...rest, ...(lastError === undefined ? {} : { lastError }) };
    if (floor !== undefined) {
      const readFloor = v.safeParse(HeldFloorSchema, floor);
      // Without it an older list would be taken again: said in the log; the subscription and its list stay.
      if (readFloor.success) subscription.floor = readFloor.output;
      else console.warn(`[reserve-radar] warning list ${rest.url}: the stored number of the newest list accepted before did not read back and was dropped`);
    }
    if (lastGood !== undefined) {
      const held = await reverifyHeld(lastGood, subscription.expectedSigner);
      if (held !== undefined) subscription.lastGood = held;
      else subscription.lastError = { code: 'bad-signature', failure: { code: 'bad-signature', stored: true }, at: rest.lastCheck ?? new Date(0).toISOString() };
    }
    parsed.push(subscription);
  }
  if (dropped > 0) console.warn(`[reserve-radar] warning lists: ${dropped} stored subscriptions did not read back (a URL that is not an https address, say) and were dropped; the others are kept`);
  return parsed;
}

async function reverifyHeld(value: unknown, expectedSigner: Address): Promise<HeldSubscriptionList | undefined> {
  const result = v.safeParse(StoredListSchema, value);
  if (!result.success) return undefined;
  const { list, signature, verifiedAt } = result.output;
  try {
    const hash = hashWarningList(list);
    if (hash.toLowerCase() !== result.output.hash.toLowerCase()) return undefined;
    const signer = await signerOf(hash, signature as Hex);
    if (signer === undefined || !isAddressEqual(signer, expectedSigner)) return undefined;
    return { list, hash, sequence: list.sequence, signer, signature: signature as Hex, verifiedAt };
  } catch {
    return undefined;
  }
}
