import * as v from 'valibot';
import type { SkippedPriceProblem } from './answer-failure';
import { DataSourceError } from './errors';
import { fetchSource, type FetchLike } from './fetch-source';
import { ownTokenChartUrl, parseOwnTokenChart, type OwnTokenSeries } from './own-token-prices';
import { CEXS_POLICY, recordFailure, recordSuccess, type SourceError, type SourcePolicy, type SourceState } from './schedule';

/**
 * One scheduled read of the own-token prices: fetch → validate → keep the newest per token. The
 * last good series of a token stays when the new answer leaves it out or refuses it; nothing
 * held is ever replaced by an older series. Same schedule as `/cexs` (hourly, backoff on failure).
 */

export const OWN_TOKEN_PRICES_POLICY: SourcePolicy = CEXS_POLICY;
const MAX_BYTES = 256 * 1024;

const PointSchema = v.object({ at: v.pipe(v.string(), v.isoTimestamp()), usd: v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1e12)) });
const SeriesSchema = v.object({
  symbol: v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,15}$/)),
  points: v.pipe(v.array(PointSchema), v.minLength(1), v.maxLength(50)),
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  source: v.pipe(v.string(), v.url(), v.startsWith('https://')),
});
export const HeldOwnTokenPricesSchema = v.record(v.pipe(v.string(), v.regex(/^[A-Z0-9]{1,15}$/)), SeriesSchema);
export type HeldOwnTokenPrices = Record<string, OwnTokenSeries>;

/** A stored value, checked like any input: anything unreadable is no prices (every fall unknown). */
export function parseHeldOwnTokenPrices(stored: unknown): HeldOwnTokenPrices {
  const result = v.safeParse(HeldOwnTokenPricesSchema, stored ?? {});
  return result.success ? (result.output as HeldOwnTokenPrices) : {};
}

export interface RefreshOwnTokenPricesParameters {
  fetch: FetchLike;
  held: HeldOwnTokenPrices;
  state: SourceState;
  symbols: readonly string[];
  now: number;
  random?: () => number;
  timeoutMs?: number;
}

export interface RefreshOwnTokenPricesReturnType {
  /** `held` itself when nothing changed. */
  prices: HeldOwnTokenPrices;
  state: SourceState;
  /** `detail` is the reader's own account of a refusal, for the log. */
  outcome: { kind: 'updated'; changed: string[]; skipped: { symbol: string; problem: SkippedPriceProblem; reason: string }[] } | { kind: 'failed'; error: SourceError; detail?: string };
}

export async function refreshOwnTokenPrices({ fetch, held, state, symbols, now, random = Math.random, timeoutMs }: RefreshOwnTokenPricesParameters): Promise<RefreshOwnTokenPricesReturnType> {
  const policy = OWN_TOKEN_PRICES_POLICY;
  const fail = (error: SourceError, detail?: string): RefreshOwnTokenPricesReturnType => ({
    prices: held,
    state: recordFailure({ state, policy, now, random, error }),
    outcome: { kind: 'failed', error, ...(detail === undefined ? {} : { detail }) },
  });
  if (symbols.length === 0) return { prices: held, state: recordSuccess({ state, policy, now, random }), outcome: { kind: 'updated', changed: [], skipped: [] } };
  const url = ownTokenChartUrl(symbols);
  const fetched = await fetchSource({ url, fetch, maxBytes: MAX_BYTES, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  if (!fetched.ok) return fail(fetched.failure);
  let parsed: ReturnType<typeof parseOwnTokenChart>;
  try {
    parsed = parseOwnTokenChart({ body: fetched.body, url, symbols, fetchedAt: now });
  } catch (error) {
    if (error instanceof DataSourceError) return fail({ answer: 'wrong-shape' }, error.details);
    throw error;
  }
  const taken = Object.values(parsed.series);
  if (taken.length === 0) {
    const detail = parsed.skipped.map(({ symbol, reason }) => `${symbol}: ${reason}`).join('; ');
    return fail({ answer: 'no-price', skipped: parsed.skipped.map(({ symbol, problem }) => ({ symbol, problem })) }, detail);
  }
  const next: HeldOwnTokenPrices = { ...held };
  const changed: string[] = [];
  for (const series of taken) {
    const before = held[series.symbol]?.points.at(-1)?.at;
    const after = series.points.at(-1)?.at;
    // An older series never replaces a newer one.
    if (before !== undefined && after !== undefined && Date.parse(after) < Date.parse(before)) continue;
    next[series.symbol] = series;
    changed.push(series.symbol);
  }
  return { prices: changed.length === 0 ? held : next, state: recordSuccess({ state, policy, now, random }), outcome: { kind: 'updated', changed, skipped: parsed.skipped } };
}
