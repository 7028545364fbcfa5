import { defillamaAmountKeys } from '../chain/reserve-chains';
import type { ExchangeDefinition } from '../exchanges/types';
import { DataSourceError } from './errors';
import { MAX_BELIEVABLE_TOKEN_AMOUNT, MAX_BELIEVABLE_USD, type Flows, type OnchainAssets, type TokenAmounts, type TokenValue } from './schema';

/**
 * Adapters for DefiLlama's CEX transparency data. Field names follow defillama-server
 * (`defi/src/protocols/cex.ts` and the `cex_agg` cron task): `/cexs` answers
 * `{ cexs: [{ name, slug, coinSymbol, currentTvl, cleanAssetsTvl, inflows_24h, inflows_1w,
 * inflows_1m, leverage, … }] }`, where `cleanAssetsTvl = currentTvl − value of coinSymbol`.
 * Exchanges DefiLlama lists without wallets (Coinbase, Upbit…) come with no figures at all;
 * that is "not measured", not zero, and yields no block.
 *
 * Validation is hand-written rather than a schema per entry: the whole `/cexs` body is read
 * every hour and the bench holds it to a small multiple of `JSON.parse`. The blocks built here
 * satisfy `OnchainAssetsSchema` / `FlowsSchema` by construction (`defillama.test.ts` checks it).
 */

export const DEFILLAMA_CEXS_URL = 'https://api.llama.fi/cexs';
export const defillamaProtocolUrl = (slug: string): string => `https://api.llama.fi/protocol/${encodeURIComponent(slug)}`;

export interface ReadingTime {
  /** Calendar day the figures describe. */
  asOf: string;
  /** The moment of the reading, when known. */
  observedAt?: string;
}

/** Accepts `2025-11-25` or `2025-11-25T09:30:00.000Z`; the day goes in `asOf`, the moment in `observedAt`. */
export function readingTime(asOf: string): ReadingTime {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) return { asOf };
  const ms = Date.parse(asOf);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(asOf) || Number.isNaN(ms)) {
    throw new DataSourceError({
      shortMessage: 'The reading date is not a date',
      details: `asOf must be YYYY-MM-DD or an ISO timestamp, got ${JSON.stringify(asOf)}`,
      source: 'caller',
    });
  }
  const iso = new Date(ms).toISOString();
  return { asOf: iso.slice(0, 10), observedAt: iso };
}

export interface CexReserves {
  onchain?: OnchainAssets;
  flows?: Flows;
}

export type CexsToReservesParameters = {
  body: unknown;
  /** When the body was fetched: `YYYY-MM-DD` or an ISO timestamp. `/cexs` carries no date of its own. */
  asOf: string;
  exchanges: readonly ExchangeDefinition[];
  /** Where the body came from; defaults to the public endpoint. */
  source?: string;
};
export type CexsToReservesReturnType = {
  /** Keyed by registry exchange id. */
  reserves: Record<string, CexReserves>;
  /** Names of entries that match no registry exchange (DefiLlama tracks more than we do). */
  unmatched: string[];
  /** Entries refused, each with its position, its name when it has one, and why; the other entries are still used. */
  rejected: CexsRejectedEntry[];
};

/** Why a `/cexs` entry was refused, as a code and figures (worded by lib/words/cexs-entry-problem.ts). */
export type CexsEntryProblem =
  | { code: 'not-object' | 'no-name' | 'total-without-clean' | 'clean-without-total' }
  | { code: 'clean-above-total'; clean: number; total: number }
  | { code: 'not-a-number'; field: string; value: string }
  | { code: 'below-min'; field: string; value: number; min: number }
  | { code: 'above-max'; field: string; value: number; max: number };

export type CexsRejectedEntry = { index: number; name?: string; problem: CexsEntryProblem };

type Entry = Record<string, unknown>;

class EntryProblem {
  constructor(readonly problem: CexsEntryProblem) {}
}

/**
 * Turns a `/cexs` body into per-exchange on-chain and flow blocks. Throws `DataSourceError`
 * only when the body as a whole is not `{ cexs: [...] }`; a bad entry is listed in `rejected`.
 */
export function cexsToReserves(params: CexsToReservesParameters): CexsToReservesReturnType {
  const source = params.source ?? DEFILLAMA_CEXS_URL;
  const time = readingTime(params.asOf);
  const body = params.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw shapeError(source, `expected an object with a "cexs" list, got ${describeType(body)}`);
  }
  const list = (body as { cexs?: unknown }).cexs;
  if (!Array.isArray(list)) {
    throw shapeError(source, `expected "cexs" to be a list, got ${describeType(list)}`);
  }

  const bySlug = new Map<string, ExchangeDefinition>();
  const byName = new Map<string, ExchangeDefinition>();
  for (const exchange of params.exchanges) {
    if (exchange.defillamaSlug !== undefined) bySlug.set(exchange.defillamaSlug.toLowerCase(), exchange);
    byName.set(exchange.name.toLowerCase(), exchange);
  }

  const reserves: Record<string, CexReserves> = {};
  const unmatched: string[] = [];
  const rejected: CexsRejectedEntry[] = [];

  for (let index = 0; index < list.length; index++) {
    const raw: unknown = list[index];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      rejected.push({ index, problem: { code: 'not-object' } });
      continue;
    }
    const entry = raw as Entry;
    const name = entry.name;
    if (typeof name !== 'string' || name.trim() === '') {
      rejected.push({ index, problem: { code: 'no-name' } });
      continue;
    }
    const slug = typeof entry.slug === 'string' ? entry.slug.toLowerCase() : undefined;
    const exchange = (slug === undefined ? undefined : bySlug.get(slug)) ?? byName.get(name.toLowerCase());
    if (exchange === undefined) {
      unmatched.push(name);
      continue;
    }
    const built = buildEntry(entry, time, source);
    if (built instanceof EntryProblem) {
      rejected.push({ index, name, problem: built.problem });
      continue;
    }
    if (built.onchain === undefined && built.flows === undefined) continue;
    // DefiLlama has listed one exchange twice (the site merges rows by name); the row with
    // measured assets is the one to keep.
    const held = reserves[exchange.id];
    if (held?.onchain !== undefined && built.onchain === undefined) continue;
    reserves[exchange.id] = built;
  }
  return { reserves, unmatched, rejected };
}

function buildEntry(entry: Entry, time: ReadingTime, source: string): CexReserves | EntryProblem {
  try {
    const result: CexReserves = {};
    const total = optionalUsd(entry, 'currentTvl');
    const clean = optionalUsd(entry, 'cleanAssetsTvl');
    if (total !== undefined) {
      if (clean === undefined) return new EntryProblem({ code: 'total-without-clean' });
      if (clean > total * 1.0001) {
        return new EntryProblem({ code: 'clean-above-total', clean, total });
      }
      const onchain: OnchainAssets = { totalUsd: total, cleanUsd: clean, source, ...time };
      // cleanAssetsTvl leaves out only `coinSymbol`; with no such coin the difference is not an own-token value.
      if (typeof entry.coinSymbol === 'string' && entry.coinSymbol !== '') onchain.ownTokenUsd = Math.max(0, total - clean);
      const leverage = optionalNumber(entry, 'leverage', 0, 1000);
      if (leverage !== undefined) onchain.leverage = leverage;
      result.onchain = onchain;
    } else if (clean !== undefined) {
      return new EntryProblem({ code: 'clean-without-total' });
    }
    const net24hUsd = optionalNumber(entry, 'inflows_24h', -MAX_BELIEVABLE_USD, MAX_BELIEVABLE_USD);
    const net7dUsd = optionalNumber(entry, 'inflows_1w', -MAX_BELIEVABLE_USD, MAX_BELIEVABLE_USD);
    const net30dUsd = optionalNumber(entry, 'inflows_1m', -MAX_BELIEVABLE_USD, MAX_BELIEVABLE_USD);
    if (net24hUsd !== undefined || net7dUsd !== undefined || net30dUsd !== undefined) {
      const flows: Flows = { source, ...time };
      if (net24hUsd !== undefined) flows.net24hUsd = net24hUsd;
      if (net7dUsd !== undefined) flows.net7dUsd = net7dUsd;
      if (net30dUsd !== undefined) flows.net30dUsd = net30dUsd;
      result.flows = flows;
    }
    return result;
  } catch (problem) {
    if (problem instanceof EntryProblem) return problem;
    throw problem;
  }
}

function optionalUsd(entry: Entry, field: string): number | undefined {
  return optionalNumber(entry, field, 0, MAX_BELIEVABLE_USD);
}

/** Missing and null mean "not measured"; anything else must be a finite number in range. */
function optionalNumber(entry: Entry, field: string, min: number, max: number): number | undefined {
  const value = entry[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EntryProblem({ code: 'not-a-number', field, value: (JSON.stringify(value) ?? String(value)).slice(0, 80) });
  }
  if (value < min) throw new EntryProblem({ code: 'below-min', field, value, min });
  if (value > max) throw new EntryProblem({ code: 'above-max', field, value, max });
  return value;
}

/** DefiLlama's per-chain keys also carry sub-totals (`Ethereum-staking`, `borrowed`) that are not holdings. */
const NOT_A_CHAIN = new Set(['borrowed', 'staking', 'pool2', 'vesting', 'offers', 'treasury', 'doublecounted', 'liquidstaking', 'dcandlsoverlap']);

export type ProtocolToBreakdownParameters = {
  body: unknown;
  slug: string;
  /** How many of the largest tokens to keep. */
  topN?: number;
  /**
   * Per DefiLlama chain, the token keys whose AMOUNTS (`chainTvls[chain].tokens`) to keep,
   * matched case-insensitively; defaults to what the on-chain reserve check can read
   * (`defillamaAmountKeys`).
   */
  keepAmounts?: Readonly<Record<string, readonly string[]>>;
};
export type ProtocolToBreakdownReturnType = {
  topTokens: TokenValue[];
  byChain: Record<string, number>;
  /** Day of the newest `tokensInUsd` point used. */
  asOf: string;
  source: string;
  /** Newest coin amounts of the kept chains and tokens; absent when no kept chain has a `tokens` point. */
  tokenAmounts?: TokenAmounts;
};

/**
 * Reads `/protocol/<slug>` and keeps only the newest `tokensInUsd` point of each chain: the
 * history behind it is large and nothing here needs it. Of the `tokens` series (coin amounts,
 * not dollars) it keeps the newest point of the chains in `keepAmounts`, and of those only the
 * listed coins. Throws `DataSourceError` when the body has no usable breakdown, or when a kept
 * amount is not a believable number (a unit bug there would make every comparison wrong).
 */
export function protocolToBreakdown(params: ProtocolToBreakdownParameters): ProtocolToBreakdownReturnType {
  const source = defillamaProtocolUrl(params.slug);
  const topN = params.topN ?? 10;
  const body = params.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw shapeError(source, `expected an object with "chainTvls", got ${describeType(body)}`);
  }
  const chainTvls = (body as { chainTvls?: unknown }).chainTvls;
  if (chainTvls === null || typeof chainTvls !== 'object' || Array.isArray(chainTvls)) {
    throw shapeError(source, `expected "chainTvls" to be an object, got ${describeType(chainTvls)}`);
  }
  const tokenTotals = new Map<string, number>();
  const byChain: Record<string, number> = {};
  let newest = 0;
  for (const [chain, value] of Object.entries(chainTvls as Record<string, unknown>)) {
    if (chain.includes('-') || NOT_A_CHAIN.has(chain.toLowerCase())) continue;
    const points = (value as { tokensInUsd?: unknown } | null)?.tokensInUsd;
    if (!Array.isArray(points) || points.length === 0) continue;
    const latest = latestPoint(points);
    if (latest === undefined) {
      throw shapeError(source, `chain ${chain} has tokensInUsd points without a date and tokens`);
    }
    newest = Math.max(newest, latest.date);
    let chainTotal = 0;
    for (const [symbol, usd] of Object.entries(latest.tokens)) {
      if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0 || usd > MAX_BELIEVABLE_USD) {
        throw shapeError(source, `chain ${chain} token ${symbol} has value ${JSON.stringify(usd)}, not a believable dollar amount`);
      }
      if (usd === 0 || symbol.length === 0 || symbol.length > 20) continue;
      chainTotal += usd;
      tokenTotals.set(symbol, (tokenTotals.get(symbol) ?? 0) + usd);
    }
    if (chainTotal > 0 && chain.length <= 60) byChain[chain] = chainTotal;
  }
  const tokenAmounts = readTokenAmounts(chainTvls as Record<string, unknown>, params.keepAmounts ?? defillamaAmountKeys(), source);
  if (newest === 0) throw shapeError(source, 'no chain has a tokensInUsd point');
  const topTokens = [...tokenTotals]
    .map(([symbol, usd]) => ({ symbol, usd }))
    .sort((a, b) => b.usd - a.usd || (a.symbol < b.symbol ? -1 : 1))
    .slice(0, topN);
  return { topTokens, byChain, asOf: new Date(newest * 1000).toISOString().slice(0, 10), source, ...(tokenAmounts === undefined ? {} : { tokenAmounts }) };
}

function readTokenAmounts(chainTvls: Record<string, unknown>, keep: Readonly<Record<string, readonly string[]>>, source: string): TokenAmounts | undefined {
  const chains: TokenAmounts['chains'] = {};
  let newest = 0;
  for (const [chain, wanted] of Object.entries(keep)) {
    const points = (chainTvls[chain] as { tokens?: unknown } | null | undefined)?.tokens;
    if (!Array.isArray(points) || points.length === 0) continue;
    const latest = latestPoint(points);
    if (latest === undefined) throw shapeError(source, `chain ${chain} has tokens points without a date and tokens`);
    const upper = new Set(wanted.map((key) => key.toUpperCase()));
    const amounts: Record<string, number> = {};
    for (const [symbol, amount] of Object.entries(latest.tokens)) {
      if (!upper.has(symbol.toUpperCase())) continue;
      if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_BELIEVABLE_TOKEN_AMOUNT) {
        throw shapeError(source, `chain ${chain} token ${symbol} has amount ${JSON.stringify(amount)}, not a believable number of coins`);
      }
      amounts[symbol] = amount;
    }
    // A point in DefiLlama's `date` is seconds; out of range it is no moment at all.
    const at = new Date(latest.date * 1000);
    if (Number.isNaN(at.getTime())) throw shapeError(source, `chain ${chain} has a tokens point dated ${latest.date}, not a moment`);
    chains[chain] = { at: at.toISOString(), amounts };
    newest = Math.max(newest, latest.date);
  }
  if (Object.keys(chains).length === 0) return undefined;
  return { source, asOf: new Date(newest * 1000).toISOString().slice(0, 10), chains };
}

function latestPoint(points: unknown[]): { date: number; tokens: Record<string, unknown> } | undefined {
  let best: { date: number; tokens: Record<string, unknown> } | undefined;
  for (const point of points) {
    const date = (point as { date?: unknown } | null)?.date;
    const tokens = (point as { tokens?: unknown } | null)?.tokens;
    if (typeof date !== 'number' || !Number.isFinite(date) || tokens === null || typeof tokens !== 'object') return undefined;
    if (best === undefined || date > best.date) best = { date, tokens: tokens as Record<string, unknown> };
  }
  return best;
}

function shapeError(source: string, details: string): DataSourceError {
  return new DataSourceError({ shortMessage: 'DefiLlama sent data in an unexpected shape', details, source });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
