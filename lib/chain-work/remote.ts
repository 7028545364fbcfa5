import * as v from 'valibot';
import type { Address, Hex } from 'viem';
import { FeedHeaderSchema } from '../feed/format';
import { FeedFailureSchema, type FeedFailure, type FeedRejection, type VerifyFeedReturnType } from '../feed/verify-feed';
import { SnapshotSchema } from '../reserves/schema';
import { WarningListSchema } from '../community/warning-list';
import { MAX_SUBSCRIPTIONS, SUBSCRIBE_FAILURE_CODES, SubscriptionErrorSchema, type WarningSubscription } from '../community/subscription';
import { HeldFloorSchema } from '../community/sequence-floors';
import { isListUrl } from '../community/list-url';
import { ChainReadingSchema, NO_READER_ANSWER, type ChainReading } from '../holdings/address-readings';
import type { ChainWork, ChainWorkOp, ChainWorkRequest, CheckSubscriptionWork, VerifyFeedWork } from './chain-work';

/**
 * The chain work asked of somebody else (Chrome: the offscreen document), with no viem here.
 * Every answer is checked before it is used: its shape by schema, and that it fits the question
 * (a pinned signer, no step back from what is held, the same subscription). No answer, a late
 * one or a wrong one fails closed exactly like a bad document: the feed counts as unverified and
 * the last good figures stay, a list check records a failure and keeps its last good list, a
 * balance reading is incomplete, and stored lists are not shown until they can be checked.
 */
export type AskChainWork = (request: ChainWorkRequest) => Promise<unknown>;

export function createRemoteChainWork(ask: AskChainWork): ChainWork {
  const request = async <Op extends ChainWorkOp>(op: Op, work: ChainWorkRequest<Op>['work']): Promise<{ ok: true; answer: unknown } | { ok: false; why: string }> => {
    try {
      return { ok: true, answer: await ask({ target: 'chain-work', op, work } as ChainWorkRequest) };
    } catch (error) {
      return { ok: false, why: error instanceof Error ? (error.message.split('\n')[0] ?? 'no answer') : String(error) };
    }
  };
  return {
    async verifyFeed(work) {
      const asked = await request('verifyFeed', work);
      const checked = asked.ok ? acceptFeedAnswer(asked.answer, work) : { ok: false as const, why: asked.why };
      if (checked.ok) return checked.result;
      return warnClosed('feed', checked.why, { ok: false, code: 'unchecked', failure: { code: 'unchecked', why: checked.why } });
    },
    async createSubscription(work) {
      const asked = await request('createSubscription', work);
      const parsed = asked.ok ? v.safeParse(CreateAnswerSchema, asked.answer) : undefined;
      if (parsed?.success === true)
        return parsed.output.ok ? { ok: true, subscription: { ...parsed.output.subscription, expectedSigner: parsed.output.subscription.expectedSigner as Address } } : parsed.output;
      return warnClosed('subscription', asked.ok ? 'a malformed answer' : asked.why, { ok: false, code: 'signer-unchecked' });
    },
    async checkSubscription(work) {
      const asked = await request('checkSubscription', work);
      const checked = asked.ok ? acceptCheckedSubscription(asked.answer, work.state) : { ok: false as const, why: asked.why };
      if (checked.ok) return checked.subscription;
      return warnClosed('warning list', checked.why, uncheckedSubscription(work, checked.why));
    },
    async parseStoredSubscriptions(value) {
      // Nothing stored: nothing to check, and no document to start.
      if (!Array.isArray(value) || value.length === 0) return [];
      const asked = await request('parseStoredSubscriptions', value);
      const parsed = asked.ok ? v.safeParse(StoredAnswerSchema, asked.answer) : undefined;
      if (
        parsed?.success === true &&
        parsed.output.length <= Math.min(value.length, MAX_SUBSCRIPTIONS) &&
        parsed.output.every((entry, index) => heldFitsSigner(entry) && fitsStored(entry, index, parsed.output, value))
      )
        return parsed.output as WarningSubscription[];
      throw new Error(`The stored warning lists could not be checked (${asked.ok ? 'a malformed answer' : asked.why}).`);
    },
    async readChain(work) {
      const asked = await request('readChain', work);
      const parsed = asked.ok ? v.safeParse(ChainReadingSchema, asked.answer) : undefined;
      if (parsed?.success === true && parsed.output.chainId === work.chainId) return parsed.output;
      const why = asked.ok ? 'a malformed answer' : asked.why;
      return warnClosed('balances', why, { chainId: work.chainId, complete: false, positions: [], error: NO_READER_ANSWER } satisfies ChainReading);
    },
  };
}

function warnClosed<T>(what: string, why: string, value: T): T {
  console.warn(`[reserve-radar] ${what}: no usable answer from the checker (${why}); failing closed.`);
  return value;
}

const Hex64 = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/));
const Signature = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{130}$/));
const AddressText = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/));
const IsoMoment = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
/** As stored (lib/community/subscription.ts): an answer is matched to its entry by this text exactly. */
const ListUrlText = v.pipe(v.string(), v.maxLength(2048), v.startsWith('https://'), v.check(isListUrl));

const FEED_REJECTIONS = ['unreadable', 'too-large', 'malformed', 'tampered', 'bad-signature', 'wrong-signer', 'not-yet-valid', 'expired', 'rollback'] as const satisfies readonly FeedRejection[];

const FeedAnswerSchema = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    envelope: v.object({ feed: FeedHeaderSchema, snapshot: SnapshotSchema, signature: Signature }),
    signer: AddressText,
    hash: Hex64,
    unchanged: v.boolean(),
  }),
  v.object({ ok: v.literal(false), code: v.picklist(FEED_REJECTIONS), failure: FeedFailureSchema }),
]);

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The checker's verdict on a feed, taken only when it is well formed and fits the question. */
function acceptFeedAnswer(answer: unknown, work: VerifyFeedWork): { ok: true; result: VerifyFeedReturnType } | { ok: false; why: string } {
  const parsed = v.safeParse(FeedAnswerSchema, answer);
  if (!parsed.success) return { ok: false, why: 'a malformed answer' };
  const result = parsed.output;
  if (!result.ok)
    return result.failure.code === result.code ? { ok: true, result: { ok: false, code: result.code, failure: result.failure as FeedFailure } } : { ok: false, why: 'a malformed answer' };
  const { feed } = result.envelope;
  if (!work.signers.some((signer) => same(signer, result.signer))) return { ok: false, why: 'a signer that is not pinned' };
  if (Date.parse(feed.expires) <= work.now) return { ok: false, why: 'an expired feed' };
  const held = work.held;
  const sameAsHeld = held !== undefined && feed.sequence === held.sequence;
  if (held !== undefined && (feed.sequence < held.sequence || (sameAsHeld && !same(result.hash, held.hash)))) return { ok: false, why: 'a step back from the held feed' };
  if (result.unchanged !== sameAsHeld) return { ok: false, why: 'an answer that does not fit the held feed' };
  return { ok: true, result: { ...result, signer: result.signer as Address, hash: result.hash as Hex, envelope: { ...result.envelope, signature: result.envelope.signature as Hex } } };
}

const HeldListSchema = v.object({ list: WarningListSchema, hash: Hex64, sequence: v.number(), signer: AddressText, signature: Signature, verifiedAt: IsoMoment });
const SubscriptionAnswerSchema = v.object({
  url: ListUrlText,
  expectedSigner: AddressText,
  lastGood: v.optional(HeldListSchema),
  lastCheck: v.nullable(IsoMoment),
  lastError: v.optional(SubscriptionErrorSchema),
  floor: v.optional(HeldFloorSchema),
});
const StoredAnswerSchema = v.array(SubscriptionAnswerSchema);
type SubscriptionAnswer = v.InferOutput<typeof SubscriptionAnswerSchema>;

const CreateAnswerSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), subscription: v.object({ url: ListUrlText, expectedSigner: AddressText, lastCheck: v.null() }) }),
  v.object({ ok: v.literal(false), code: v.picklist(SUBSCRIBE_FAILURE_CODES) }),
]);

/** A held list is the subscription's own signer's, and its number is the list's. */
function heldFitsSigner(subscription: SubscriptionAnswer): boolean {
  const held = subscription.lastGood;
  return held === undefined || (same(held.signer, subscription.expectedSigner) && held.sequence === held.list.sequence);
}

function acceptCheckedSubscription(answer: unknown, state: WarningSubscription): { ok: true; subscription: WarningSubscription } | { ok: false; why: string } {
  const parsed = v.safeParse(SubscriptionAnswerSchema, answer);
  if (!parsed.success) return { ok: false, why: 'a malformed answer' };
  const next = parsed.output;
  if (next.url !== state.url || !same(next.expectedSigner, state.expectedSigner) || !heldFitsSigner(next)) return { ok: false, why: 'an answer about another subscription' };
  // A check keeps the last good list through every failure and never goes back from it.
  if (state.lastGood !== undefined && (next.lastGood === undefined || stepsBack(next.lastGood, state.lastGood))) return { ok: false, why: 'an answer that drops the last good list' };
  // Nor does it move the floor carried from before, or take a list below it.
  if (!sameFloor(next.floor, state.floor)) return { ok: false, why: 'an answer that moves the floor' };
  if (next.floor !== undefined && next.lastGood !== undefined && stepsBack(next.lastGood, next.floor)) return { ok: false, why: 'an answer below the floor' };
  return { ok: true, subscription: next as WarningSubscription };
}

type Floor = { sequence: number; hash: string };

/** A lower number than `from`, or its number with other content. */
const stepsBack = (held: Floor, from: Floor) => held.sequence < from.sequence || (held.sequence === from.sequence && !same(held.hash, from.hash));
const sameFloor = (a: Floor | undefined, b: Floor | undefined) => a?.sequence === b?.sequence && same(a?.hash ?? '', b?.hash ?? '');

/**
 * A read-back entry is a stored entry with its URL, given once: with the same signer, the same
 * floor (none when the stored one does not read back), and no held list below that floor.
 */
function fitsStored(entry: SubscriptionAnswer, index: number, answer: readonly SubscriptionAnswer[], stored: readonly unknown[]): boolean {
  if (answer.findIndex((other) => other.url === entry.url) !== index) return false;
  if (entry.floor !== undefined && entry.lastGood !== undefined && stepsBack(entry.lastGood, entry.floor)) return false;
  return stored.some((item) => {
    if (typeof item !== 'object' || item === null) return false;
    const own = item as Record<string, unknown>;
    if (own.url !== entry.url || typeof own.expectedSigner !== 'string' || !same(own.expectedSigner, entry.expectedSigner)) return false;
    const floor = v.safeParse(HeldFloorSchema, own.floor);
    return sameFloor(entry.floor, floor.success ? floor.output : undefined);
  });
}

function uncheckedSubscription({ state, now }: CheckSubscriptionWork, why: string): WarningSubscription {
  const at = new Date(now).toISOString();
  return { ...state, lastCheck: at, lastError: { code: 'unchecked', failure: { code: 'unchecked', why }, at } };
}
