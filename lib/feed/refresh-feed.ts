import type { Address } from 'viem';
import { fetchSource, type FetchLike } from '../reserves/fetch-source';
import { mergeReserves } from '../reserves/merge';
import { recordFailure, recordSuccess, type SourceError, type SourcePolicy, type SourceState } from '../reserves/schedule';
import type { Snapshot } from '../reserves/schema';
import { readKnownBad, type KnownBad } from '../exchanges/known-bad';
import { FEED_LIMITS } from './format';
import type { HeldFeed, VerifyFeedReturnType } from './verify-feed';
import type { VerifyFeedWork } from '../chain-work/chain-work';

/** The feed is rebuilt daily; asking hourly, with jitter, picks a new one up within the hour without every install asking at once. */
export const FEED_POLICY: SourcePolicy = {
  intervalMs: 60 * 60_000,
  jitterMs: 15 * 60_000,
  staleAfterMs: 48 * 60 * 60_000,
  backoffBaseMs: 5 * 60_000,
  backoffMaxMs: 12 * 60 * 60_000,
};

export interface RefreshFeedParameters {
  fetch: FetchLike;
  url: string;
  signers: readonly Address[];
  held: Snapshot;
  heldFeed: HeldFeed | undefined;
  state: SourceState;
  now: number;
  random?: () => number;
  timeoutMs?: number;
  /**
   * The check: `verifyFeed` itself, or the same check run elsewhere (Chrome's background asks its
   * offscreen document, so the worker's bundle holds no viem). Its rejection is the feed's.
   */
  verify: (work: VerifyFeedWork) => Promise<VerifyFeedReturnType>;
}

export type RefreshFeedReturnType = {
  /** `held` itself unless the feed brought something newer. */
  snapshot: Snapshot;
  heldFeed: HeldFeed | undefined;
  state: SourceState;
  /** The known-bad hosts a new feed carries (lib/exchanges/known-bad.ts); the caller keeps the newer of it and its own. */
  knownBad?: KnownBad;
  outcome: { kind: 'updated'; changed: string[] } | { kind: 'unchanged'; message: string } | { kind: 'failed'; error: SourceError };
};

/**
 * One read of the signed feed: a plain GET (no cookies, no validators: nothing in the request
 * differs between installs), verified against the pinned keys and the held sequence, then merged
 * newest-wins into the held snapshot. Any failure leaves everything held as it was.
 */
export async function refreshFeed(params: RefreshFeedParameters): Promise<RefreshFeedReturnType> {
  const { held, heldFeed, state, now } = params;
  const random = params.random ?? Math.random;
  const fail = (error: SourceError): RefreshFeedReturnType => ({
    snapshot: held,
    heldFeed,
    state: recordFailure({ state, policy: FEED_POLICY, now, random, error }),
    outcome: { kind: 'failed', error },
  });
  const fetched = await fetchSource({ url: params.url, fetch: params.fetch, as: 'text', maxBytes: FEED_LIMITS.maxBytes, ...(params.timeoutMs === undefined ? {} : { timeoutMs: params.timeoutMs }) });
  if (!fetched.ok) return fail(fetched.failure);
  const verified = await params.verify({ body: String(fetched.body), signers: params.signers, now, held: heldFeed });
  if (!verified.ok) return fail(verified.failure);
  const succeeded = recordSuccess({ state, policy: FEED_POLICY, now, random });
  const nextHeld = { sequence: verified.envelope.feed.sequence, hash: verified.hash };
  if (verified.unchanged) return { snapshot: held, heldFeed: nextHeld, state: succeeded, outcome: { kind: 'unchanged', message: 'the feed has not changed' } };
  const { exchanges, generatedAt, knownBad: carried } = verified.envelope.snapshot;
  const knownBad = readKnownBad(carried);
  if (carried !== undefined && knownBad === undefined) console.warn('[reserve-radar] feed: its known-bad hosts could not be read; the ones held stay');
  const merged = mergeReserves({ held, incoming: exchanges, generatedAt });
  return { snapshot: merged.snapshot, heldFeed: nextHeld, state: succeeded, ...(knownBad === undefined ? {} : { knownBad }), outcome: { kind: 'updated', changed: merged.changed } };
}
