import type { ExchangeDefinition } from '../exchanges/types';
import { cexsToReserves, DEFILLAMA_CEXS_URL, defillamaProtocolUrl, protocolToBreakdown, type CexReserves, type CexsRejectedEntry } from './defillama';
import { DataSourceError } from './errors';
import { fetchSource, type FetchFailureReason, type FetchLike, type FetchSourceReturnType } from './fetch-source';
import { applyBreakdown, mergeReserves } from './merge';
import { CEXS_POLICY, PROTOCOL_POLICY, recordFailure, recordSuccess, type SourceError, type SourcePolicy, type SourceState } from './schedule';
import type { Snapshot } from './schema';

/**
 * One refresh of a live source: fetch → validate → merge, returning what to store. On any
 * failure the held snapshot comes back unchanged (same object), the failure is recorded in
 * the source state for backoff, and the outcome carries its code and figures (worded where shown by
 * lib/words/fetch-failure.ts and lib/words/answer-failure.ts); `detail` is the reader's own account, for the log.
 */

export type RefreshFailure = FetchFailureReason | 'wrong-shape' | 'empty' | 'older';

export type RefreshOutcome =
  | {
      kind: 'updated';
      /** `exchangeId.block` taken from the answer. */
      changed: string[];
      /** Entries of the answer refused one by one; their exchanges keep what was held. */
      rejectedEntries: CexsRejectedEntry[];
    }
  /** `not-newer`: the breakdown is not newer than the one held, or has no totals to attach to. */
  | { kind: 'unchanged'; why: 'not-newer' }
  | { kind: 'failed'; reason: RefreshFailure; error: SourceError; detail?: string };

export type RefreshReturnType = {
  /** The snapshot to store: `held` itself when nothing changed. */
  snapshot: Snapshot;
  state: SourceState;
  outcome: RefreshOutcome;
};

interface CommonParameters {
  fetch: FetchLike;
  held: Snapshot;
  state: SourceState;
  /** Milliseconds since epoch. */
  now: number;
  random?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  policy?: SourcePolicy;
}

export type RefreshCexsParameters = CommonParameters & {
  exchanges: readonly ExchangeDefinition[];
  /** Defaults to the public endpoint; the CLI and tests point it elsewhere. */
  url?: string;
};

/** A clock more than this far ahead of ours is not trusted; the reading is dated now instead. */
const CLOCK_SKEW_MS = 5 * 60_000;

export async function refreshCexs(params: RefreshCexsParameters): Promise<RefreshReturnType> {
  const url = params.url ?? DEFILLAMA_CEXS_URL;
  const begun = await beginRefresh(params, url, params.policy ?? CEXS_POLICY, params.maxBytes);
  if ('done' in begun) return begun.done;
  const { fetched, fail, succeeded } = begun;
  const { held, now } = params;

  const readAt = readingMoment(fetched.lastModified, now);
  const newestHeld = newestReading(held, url);
  if (newestHeld !== undefined && readAt < newestHeld) {
    return fail('older', { answer: 'older', answerAt: readAt, heldAt: newestHeld });
  }

  let converted;
  try {
    converted = cexsToReserves({ body: fetched.body, asOf: readAt, exchanges: params.exchanges, source: url });
  } catch (error) {
    return failRead(fail, error);
  }
  const measured = Object.values(converted.reserves).filter((r) => r.onchain !== undefined).length;
  if (measured === 0) {
    return fail('empty', { answer: 'empty' });
  }

  const merged = mergeReserves({ held, incoming: markChecked(converted.reserves, new Date(now).toISOString().slice(0, 10)), generatedAt: new Date(now).toISOString() });
  return { snapshot: merged.snapshot, state: succeeded(), outcome: { kind: 'updated', changed: merged.changed, rejectedEntries: converted.rejected } };
}

/**
 * The day we read the answer, on each block it dated earlier (a `Last-Modified` days old): the
 * source served those figures that day, so their age is the source's, not our copy's.
 */
export function markChecked(reserves: Record<string, CexReserves>, day: string): Record<string, CexReserves> {
  const mark = <T extends { asOf: string }>(block: T | undefined): T | undefined => (block === undefined || block.asOf >= day ? block : { ...block, checkedAt: day });
  return Object.fromEntries(
    Object.entries(reserves).map(([id, { onchain, flows }]) => {
      const marked: CexReserves = {};
      const markedOnchain = mark(onchain);
      const markedFlows = mark(flows);
      if (markedOnchain !== undefined) marked.onchain = markedOnchain;
      if (markedFlows !== undefined) marked.flows = markedFlows;
      return [id, marked];
    }),
  );
}

export type RefreshProtocolParameters = CommonParameters & {
  exchangeId: string;
  slug: string;
  /** Defaults to the public endpoint for `slug`. */
  url?: string;
};

/** Refreshes one exchange's token and chain breakdown from `/protocol/<slug>`. */
export async function refreshProtocol(params: RefreshProtocolParameters): Promise<RefreshReturnType> {
  const url = params.url ?? defillamaProtocolUrl(params.slug);
  // Full-history bodies run to several megabytes for the largest exchanges.
  const begun = await beginRefresh(params, url, params.policy ?? PROTOCOL_POLICY, params.maxBytes ?? 30 * 1024 * 1024);
  if ('done' in begun) return begun.done;
  const { fetched, fail, succeeded } = begun;
  const { held, now } = params;
  let breakdown;
  try {
    breakdown = protocolToBreakdown({ body: fetched.body, slug: params.slug });
  } catch (error) {
    return failRead(fail, error);
  }
  // Every figure names the URL it was actually read from, the coin amounts included.
  const tokenAmounts = breakdown.tokenAmounts === undefined ? {} : { tokenAmounts: { ...breakdown.tokenAmounts, source: url } };
  const merged = applyBreakdown({ held, exchangeId: params.exchangeId, breakdown: { ...breakdown, source: url, ...tokenAmounts }, generatedAt: new Date(now).toISOString() });
  const success = succeeded();
  if (!merged.changed.includes(`${params.exchangeId}.breakdown`) && !merged.changed.includes(`${params.exchangeId}.tokenAmounts`)) {
    return { snapshot: held, state: success, outcome: { kind: 'unchanged', why: 'not-newer' } };
  }
  return { snapshot: merged.snapshot, state: success, outcome: { kind: 'updated', changed: merged.changed, rejectedEntries: [] } };
}

type Fail = (reason: RefreshFailure, error: SourceError, detail?: string) => RefreshReturnType;
type Begun = { done: RefreshReturnType } | { fetched: Extract<FetchSourceReturnType, { ok: true }>; fail: Fail; succeeded: () => SourceState };

/**
 * The part both refreshes share: one guarded GET. A failure (recorded for backoff), a 304 among
 * them (it names no figures), finishes the refresh here with the held snapshot; otherwise
 * the caller gets the answer and ways to record its own failure or success.
 */
async function beginRefresh(params: CommonParameters, url: string, policy: SourcePolicy, maxBytes: number | undefined): Promise<Begun> {
  const random = params.random ?? Math.random;
  const { held, state, now } = params;
  const fail: Fail = (reason, error, detail) => ({
    snapshot: held,
    state: recordFailure({ state, policy, now, random, error }),
    outcome: { kind: 'failed', reason, error, ...(detail === undefined ? {} : { detail }) },
  });
  const fetched = await fetchSource({
    url,
    fetch: params.fetch,
    ...(params.timeoutMs === undefined ? {} : { timeoutMs: params.timeoutMs }),
    ...(maxBytes === undefined ? {} : { maxBytes }),
    ...(params.signal === undefined ? {} : { signal: params.signal }),
  });
  const succeeded = () => recordSuccess({ state, policy, now, random, ...validators(fetched) });
  if (fetched.ok) return { fetched, fail, succeeded };
  return { done: fail(fetched.reason, fetched.failure) };
}

/** A bug here must cost one refresh, not the held data: anything thrown becomes a failure, its text kept for the log. */
function failRead(fail: Fail, error: unknown): RefreshReturnType {
  if (error instanceof DataSourceError) return fail('wrong-shape', { answer: 'wrong-shape' }, error.details);
  return fail('wrong-shape', { answer: 'unreadable' }, error instanceof Error ? error.message : String(error));
}

function validators(result: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(result.etag === undefined ? {} : { etag: result.etag }), ...(result.lastModified === undefined ? {} : { lastModified: result.lastModified }) };
}

/** The moment the answer describes: its Last-Modified when believable, else now. */
export function readingMoment(lastModified: string | undefined, now: number): string {
  const stamped = lastModified === undefined ? Number.NaN : Date.parse(lastModified);
  const moment = Number.isNaN(stamped) || stamped > now + CLOCK_SKEW_MS ? now : stamped;
  return new Date(moment).toISOString();
}

/** The latest timed reading from this source among held blocks. */
function newestReading(held: Snapshot, source: string): string | undefined {
  let newest: string | undefined;
  for (const reserves of Object.values(held.exchanges)) {
    for (const block of [reserves.onchain, reserves.flows]) {
      if (block?.source === source && block.observedAt !== undefined && (newest === undefined || block.observedAt > newest)) {
        newest = block.observedAt;
      }
    }
  }
  return newest;
}
