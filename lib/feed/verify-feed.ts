import * as v from 'valibot';
import { hexToBigInt, isAddress, isAddressEqual, recoverAddress, type Address, type Hex } from 'viem';
import { SnapshotSchema } from '../reserves/schema';
import { FEED_LIMITS, FeedEnvelopeSchema, hashFeedHeader, snapshotHash, type FeedEnvelope } from './format';

/** What the reader already trusts: a new feed must not go back from it. */
export interface HeldFeed {
  sequence: number;
  /** `hashFeedHeader` of the held header: the same number with other content is a rollback. */
  hash: Hex;
}

/** `unchecked`: the check itself could not be run (Chrome: no usable answer from the offscreen document). */
export type FeedRejection = 'unreadable' | 'too-large' | 'malformed' | 'tampered' | 'bad-signature' | 'wrong-signer' | 'not-yet-valid' | 'expired' | 'rollback' | 'unchecked';

export interface VerifyFeedParameters {
  /** The fetched document: raw text, or JSON already parsed. */
  body: unknown;
  /** The maintainer keys the reader pins; any one of them may sign. */
  signers: readonly Address[];
  now: Date;
  held?: HeldFeed | undefined;
  maxBytes?: number;
}

/**
 * Why a feed was refused, as a code and figures (worded by lib/words/feed-failure.ts). `where` is
 * the dot path of the first schema issue; `why` is the check channel's own account.
 */
export type FeedFailure =
  | { code: 'unreadable' | 'tampered' }
  | { code: 'too-large'; maxKib: number }
  | { code: 'malformed'; part: 'envelope' | 'figures'; where: string }
  | { code: 'malformed'; part: 'read' }
  | { code: 'bad-signature'; problem: 'not-canonical' | 'no-signer' }
  | { code: 'wrong-signer'; signer?: string }
  | { code: 'not-yet-valid'; issued: string }
  | { code: 'expired'; expires: string }
  | { code: 'rollback'; sequence: number; held: number }
  | { code: 'unchecked'; why: string };

const Text = v.pipe(v.string(), v.maxLength(300));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A failure as it comes back from storage or the check channel: read back only when its figures fit. */
export const FeedFailureSchema = v.union([
  v.object({ code: v.picklist(['unreadable', 'tampered']) }),
  v.object({ code: v.literal('too-large'), maxKib: Count }),
  v.object({ code: v.literal('malformed'), part: v.picklist(['envelope', 'figures']), where: Text }),
  v.object({ code: v.literal('malformed'), part: v.literal('read') }),
  v.object({ code: v.literal('bad-signature'), problem: v.picklist(['not-canonical', 'no-signer']) }),
  v.object({ code: v.literal('wrong-signer'), signer: v.optional(Text) }),
  v.object({ code: v.literal('not-yet-valid'), issued: Text }),
  v.object({ code: v.literal('expired'), expires: Text }),
  v.object({ code: v.literal('rollback'), sequence: Count, held: Count }),
  v.object({ code: v.literal('unchecked'), why: Text }),
]);

export function readFeedFailure(value: unknown): FeedFailure | undefined {
  const parsed = v.safeParse(FeedFailureSchema, value);
  return parsed.success ? (parsed.output as FeedFailure) : undefined;
}

export type VerifyFeedReturnType = { ok: true; envelope: FeedEnvelope; signer: Address; hash: Hex; unchanged: boolean } | { ok: false; code: FeedRejection; failure: FeedFailure };

/** A few minutes of clock difference between the builder and a reader is usual; more is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Half the secp256k1 group order: a signature's `s` above it is the malleable twin of a valid one. */
const HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/**
 * Checks a fetched feed, cheapest test first: size, envelope shape, that the snapshot is the one
 * the header names, the EIP-712 signature by a pinned key, the dates, the sequence against the
 * held feed, and last the full snapshot schema. Never throws.
 */
export async function verifyFeed(params: VerifyFeedParameters): Promise<VerifyFeedReturnType> {
  try {
    return await verify(params);
  } catch (error) {
    return reject({ code: 'malformed', part: 'read' });
  }
}

async function verify({ body, signers, now, held, maxBytes = FEED_LIMITS.maxBytes }: VerifyFeedParameters): Promise<VerifyFeedReturnType> {
  const pinned = signers.filter((signer) => isAddress(signer, { strict: false }));
  if (pinned.length === 0) return reject({ code: 'wrong-signer' });

  let value: unknown = body;
  if (typeof body === 'string') {
    if (body.length > maxBytes || new TextEncoder().encode(body).length > maxBytes) return tooLarge(maxBytes);
    try {
      value = JSON.parse(body);
    } catch {
      return reject({ code: 'unreadable' });
    }
  }
  const envelope = v.safeParse(FeedEnvelopeSchema, value);
  if (!envelope.success) return reject({ code: 'malformed', part: 'envelope', where: whereOf(envelope.issues) });
  const { feed, signature } = envelope.output;
  // The snapshot as it arrived, not as parsed: a schema skips keys such as "constructor", and the
  // hash must cover every key of the document, so that no byte is added unnoticed.
  const snapshot = (value as { snapshot: unknown }).snapshot;

  if (snapshotHash(snapshot) !== feed.contentHash) {
    return reject({ code: 'tampered' });
  }
  // One encoding per signature: low s, and the recovery byte as 27 or 28 (viem also reads 0/1).
  if (hexToBigInt(`0x${signature.slice(66, 130)}`) > HALF_ORDER || !/^(1b|1c)$/i.test(signature.slice(130))) {
    return reject({ code: 'bad-signature', problem: 'not-canonical' });
  }
  const hash = hashFeedHeader(feed);
  let signer: Address;
  try {
    signer = await recoverAddress({ hash, signature: signature as Hex });
  } catch {
    return reject({ code: 'bad-signature', problem: 'no-signer' });
  }
  if (!pinned.some((key) => isAddressEqual(key, signer))) {
    return reject({ code: 'wrong-signer', signer });
  }

  const nowMs = now.getTime();
  if (Date.parse(feed.issued) - CLOCK_SKEW_MS > nowMs) {
    return reject({ code: 'not-yet-valid', issued: feed.issued });
  }
  if (Date.parse(feed.expires) <= nowMs) {
    return reject({ code: 'expired', expires: feed.expires });
  }
  if (held !== undefined && Number.isSafeInteger(held.sequence)) {
    if (feed.sequence < held.sequence) {
      return reject({ code: 'rollback', sequence: feed.sequence, held: held.sequence });
    }
    if (feed.sequence === held.sequence && hash.toLowerCase() !== String(held.hash).toLowerCase()) {
      return reject({ code: 'rollback', sequence: feed.sequence, held: held.sequence });
    }
  }

  const parsed = v.safeParse(SnapshotSchema, snapshot);
  if (!parsed.success) return reject({ code: 'malformed', part: 'figures', where: whereOf(parsed.issues) });
  return {
    ok: true,
    envelope: { feed, snapshot: parsed.output, signature: signature as Hex },
    signer,
    hash,
    unchanged: held !== undefined && feed.sequence === held.sequence,
  };
}

function tooLarge(maxBytes: number): VerifyFeedReturnType {
  return reject({ code: 'too-large', maxKib: Math.floor(maxBytes / 1024) });
}

function reject(failure: FeedFailure): Extract<VerifyFeedReturnType, { ok: false }> {
  return { ok: false, code: failure.code, failure };
}

/** Where the first schema issue is, as a dot path ("(feed)" for the whole document). */
function whereOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  return ((first === undefined ? null : v.getDotPath(first)) ?? '(feed)').slice(0, 300);
}
