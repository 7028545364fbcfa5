import * as v from 'valibot';
import { hexToBigInt, isAddress, isAddressEqual, recoverAddress, type Address, type Hex } from 'viem';
import { describeIssues, SnapshotSchema } from '../reserves/schema';
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

export type VerifyFeedReturnType = { ok: true; envelope: FeedEnvelope; signer: Address; hash: Hex; unchanged: boolean } | { ok: false; code: FeedRejection; reason: string };

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
    return reject('malformed', `The feed could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`);
  }
}

async function verify({ body, signers, now, held, maxBytes = FEED_LIMITS.maxBytes }: VerifyFeedParameters): Promise<VerifyFeedReturnType> {
  const pinned = signers.filter((signer) => isAddress(signer, { strict: false }));
  if (pinned.length === 0) return reject('wrong-signer', 'No maintainer key is pinned, so no feed can be trusted.');

  let value: unknown = body;
  if (typeof body === 'string') {
    if (body.length > maxBytes || new TextEncoder().encode(body).length > maxBytes) return tooLarge(maxBytes);
    try {
      value = JSON.parse(body);
    } catch {
      return reject('unreadable', 'The feed is not JSON.');
    }
  }
  const envelope = v.safeParse(FeedEnvelopeSchema, value);
  if (!envelope.success) return reject('malformed', `The feed is malformed: ${describeIssues(envelope.issues)}.`);
  const { feed, signature } = envelope.output;
  // The snapshot as it arrived, not as parsed: a schema skips keys such as "constructor", and the
  // hash must cover every key of the document, so that no byte is added unnoticed.
  const snapshot = (value as { snapshot: unknown }).snapshot;

  if (snapshotHash(snapshot) !== feed.contentHash) {
    return reject('tampered', 'The figures do not match the ones the maintainer signed: the feed was changed after signing.');
  }
  // One encoding per signature: low s, and the recovery byte as 27 or 28 (viem also reads 0/1).
  if (hexToBigInt(`0x${signature.slice(66, 130)}`) > HALF_ORDER || !/^(1b|1c)$/i.test(signature.slice(130))) {
    return reject('bad-signature', 'The signature is not in its canonical form (low s, recovery byte 27 or 28).');
  }
  const hash = hashFeedHeader(feed);
  let signer: Address;
  try {
    signer = await recoverAddress({ hash, signature: signature as Hex });
  } catch {
    return reject('bad-signature', 'The signature is not valid: it does not decode to any signer.');
  }
  if (!pinned.some((key) => isAddressEqual(key, signer))) {
    return reject('wrong-signer', `The feed is not signed by a maintainer key this extension trusts (signed by ${signer}).`);
  }

  const nowMs = now.getTime();
  if (Date.parse(feed.issued) - CLOCK_SKEW_MS > nowMs) {
    return reject('not-yet-valid', `The feed says it was issued on ${feed.issued}, which is in the future. Check your computer's clock.`);
  }
  if (Date.parse(feed.expires) <= nowMs) {
    return reject('expired', `The feed expired on ${feed.expires}; no newer one has been published.`);
  }
  if (held !== undefined && Number.isSafeInteger(held.sequence)) {
    if (feed.sequence < held.sequence) {
      return reject('rollback', `The feed is older than the one already held (number ${feed.sequence}, held number ${held.sequence}); an old copy may be being replayed.`);
    }
    if (feed.sequence === held.sequence && hash.toLowerCase() !== String(held.hash).toLowerCase()) {
      return reject('rollback', `The feed has the same number (${feed.sequence}) as the one already held but different content.`);
    }
  }

  const parsed = v.safeParse(SnapshotSchema, snapshot);
  if (!parsed.success) return reject('malformed', `The signed figures are not valid: ${describeIssues(parsed.issues)}.`);
  return {
    ok: true,
    envelope: { feed, snapshot: parsed.output, signature: signature as Hex },
    signer,
    hash,
    unchanged: held !== undefined && feed.sequence === held.sequence,
  };
}

function tooLarge(maxBytes: number): VerifyFeedReturnType {
  return reject('too-large', `The feed is larger than ${Math.floor(maxBytes / 1024)} KiB, the most a feed may be.`);
}

function reject(code: FeedRejection, reason: string): Extract<VerifyFeedReturnType, { ok: false }> {
  return { ok: false, code, reason };
}
