/**
 * When to ask a source again, as a pure state machine the background stores between alarms.
 * Every function takes `now` (ms since epoch) and, where jitter applies, `random` (0–1), so a
 * test can replay any history exactly.
 *
 * - success: next attempt one interval later, plus jitter so installs do not all ask at once;
 * - failure: exponential backoff from `backoffBaseMs`, capped at `backoffMaxMs`;
 * - startup: ask at once when the last success is older than the interval, else wait out the rest;
 * - status: `fresh` while the last success is younger than `staleAfterMs`; past that `stale`,
 *   or `failing` when the latest attempt failed; `never` before any attempt; `failing` too when
 *   attempts failed and nothing ever arrived.
 */

import type { FeedFailure } from '../feed/verify-feed';
import type { AnswerFailure } from './answer-failure';
import type { FetchFailure } from './fetch-source';

export type SourceStatus = 'fresh' | 'stale' | 'failing' | 'never';

export interface SourceState {
  status: SourceStatus;
  /** ISO timestamps. */
  lastSuccess?: string;
  lastAttempt?: string;
  /** The last failure when the answer was read and refused (worded by lib/words/answer-failure.ts); cleared by a success. */
  lastAnswerFailure?: AnswerFailure;
  /** The last failure when no answer came (code and figures, worded by lib/words/fetch-failure.ts); cleared by a success. */
  lastFetchFailure?: FetchFailure;
  /** The last failure when the signed feed was refused (worded by lib/words/feed-failure.ts); cleared by a success. */
  lastFeedFailure?: FeedFailure;
  /** Consecutive failures since the last success. */
  failures: number;
  nextAttemptAt: string;
  /** Validators of the last good answer, for conditional requests. */
  etag?: string;
  lastModified?: string;
}

export interface SourcePolicy {
  intervalMs: number;
  jitterMs: number;
  staleAfterMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Hourly is plenty for a reserve figure. How often DefiLlama rebuilds `/cexs` is our assumption
 * (more often than hourly), not something its docs or our recordings show.
 */
export const CEXS_POLICY: SourcePolicy = {
  intervalMs: HOUR,
  jitterMs: 10 * MINUTE,
  staleAfterMs: 6 * HOUR,
  backoffBaseMs: 2 * MINUTE,
  backoffMaxMs: 6 * HOUR,
};

/** Token breakdowns move slowly and each `/protocol/<slug>` body is large. */
export const PROTOCOL_POLICY: SourcePolicy = {
  intervalMs: 6 * HOUR,
  jitterMs: 30 * MINUTE,
  staleAfterMs: 48 * HOUR,
  backoffBaseMs: 10 * MINUTE,
  backoffMaxMs: 24 * HOUR,
};

const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (value: string | undefined): number | undefined => (value === undefined ? undefined : Date.parse(value));

export function initialSourceState(): SourceState {
  return { status: 'never', failures: 0, nextAttemptAt: iso(0) };
}

export type StatusAtParameters = { state: SourceState; policy: SourcePolicy; now: number };

/** The status as of `now`: a stored `fresh` turns `stale` by itself as time passes. */
export function statusAt({ state, policy, now }: StatusAtParameters): SourceStatus {
  const success = ms(state.lastSuccess);
  if (success === undefined) return state.failures > 0 ? 'failing' : 'never';
  if (now - success <= policy.staleAfterMs) return 'fresh';
  return state.failures > 0 ? 'failing' : 'stale';
}

export type RecordSuccessParameters = {
  state: SourceState;
  policy: SourcePolicy;
  now: number;
  random: () => number;
  etag?: string;
  lastModified?: string;
};

/** A good answer. A 304 is not one: no request of ours asks for it (docs/data-model.md, "Conditional requests: none"). */
export function recordSuccess({ state, policy, now, random, etag, lastModified }: RecordSuccessParameters): SourceState {
  const next: SourceState = {
    status: 'fresh',
    lastSuccess: iso(now),
    lastAttempt: iso(now),
    failures: 0,
    nextAttemptAt: iso(now + policy.intervalMs + Math.floor(random() * policy.jitterMs)),
  };
  const tag = etag ?? state.etag;
  const modified = lastModified ?? state.lastModified;
  if (tag !== undefined) next.etag = tag;
  if (modified !== undefined) next.lastModified = modified;
  return next;
}

/** Why an attempt failed: the fetch's or the feed check's code and figures, or what was wrong with the answer. */
export type SourceError = FetchFailure | FeedFailure | AnswerFailure;

export type RecordFailureParameters = { state: SourceState; policy: SourcePolicy; now: number; random: () => number; error: SourceError };

export function recordFailure({ state, policy, now, random, error }: RecordFailureParameters): SourceState {
  const failures = state.failures + 1;
  // `lastError` is the English sentence older versions stored; it is dropped, never shown.
  const { lastAnswerFailure: _answer, lastFetchFailure: _fetch, lastFeedFailure: _feed, lastError: _old, ...rest } = state as SourceState & { lastError?: unknown };
  const next: SourceState = {
    ...rest,
    ...('answer' in error ? { lastAnswerFailure: error } : 'reason' in error ? { lastFetchFailure: error } : { lastFeedFailure: error }),
    lastAttempt: iso(now),
    failures,
    nextAttemptAt: iso(now + backoffMs(policy, failures, random)),
    status: 'failing',
  };
  next.status = statusAt({ state: next, policy, now });
  return next;
}

/** Delay before attempt number `failures + 1`: base · 2^(failures−1), capped, plus up to 20 % jitter. */
export function backoffMs(policy: SourcePolicy, failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const delay = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** exponent);
  return delay + Math.floor(random() * delay * 0.2);
}

export type IsDueParameters = { state: SourceState; now: number };

export function isDue({ state, now }: IsDueParameters): boolean {
  return now >= Date.parse(state.nextAttemptAt);
}

export type OnStartupParameters = { state: SourceState; policy: SourcePolicy; now: number };

/**
 * After a browser restart or an extension update: data older than one interval is refreshed at
 * once; younger data waits until it is an interval old. A pending backoff is kept, so a restart
 * does not hammer a source that is down.
 */
export function onStartup({ state, policy, now }: OnStartupParameters): SourceState {
  const success = ms(state.lastSuccess);
  const backoffUntil = state.failures > 0 ? Date.parse(state.nextAttemptAt) : 0;
  const due = success === undefined ? now : Math.max(now, success + policy.intervalMs);
  const nextAttempt = Math.max(due, backoffUntil);
  return { ...state, status: statusAt({ state, policy, now }), nextAttemptAt: iso(nextAttempt) };
}
