import type { ExchangeDefinition } from '../exchanges/types';
import type { SkippedPriceProblem } from './answer-failure';
import { DataSourceError } from './errors';

/**
 * The exchanges' own tokens, priced for the run watch (lib/risk/run-signals.ts): one request for
 * every listed own token, built from the registry alone, so it is the same for everyone and
 * says nothing about who holds what or which page is open.
 *
 * Endpoint: DefiLlama's coins API `GET /chart/{coins}?span=8&period=1d`, documented in
 * https://github.com/DefiLlama/api-docs (`defillama-openapi-free.json`): eight daily points
 * ending now (the server's clock, not ours: the request carries no time), answered as
 * `{ coins: { "<id>": { symbol, confidence, decimals?, prices: [{ timestamp, price }] } } }`,
 * prices sorted oldest first (defillama-server, `coins/src/getChart.ts`). No recorded answer of
 * this endpoint was found (tests/fixtures/coins-llama/README.md), so the reading here is
 * deliberately narrow and strict: anything off the documented shape is refused, entry by entry.
 */

export const DEFILLAMA_COINS_CHART_ORIGIN = 'https://coins.llama.fi';

/**
 * CoinGecko ids (DefiLlama's `coingecko:<id>`) of own tokens, as CoinGecko's coin list names
 * them (https://docs.coingecko.com/reference/coins-list). An own token without an id here is
 * not priced: its fall is unknown, never zero. The answer's `symbol` must match the key, so a
 * wrong id is refused rather than read as another coin's price.
 */
export const OWN_TOKEN_COIN_IDS: Readonly<Record<string, string>> = {
  BNB: 'binancecoin',
  OKB: 'okb',
  LEO: 'leo-token',
  CRO: 'crypto-com-chain',
  KCS: 'kucoin-shares',
  GT: 'gatechain-token',
  BGB: 'bitget-token',
  MX: 'mx-token',
  HT: 'huobi-token',
  MNT: 'mantle',
};

/** The own tokens of operating exchanges that have an id, sorted: the request's content. */
export function pricedOwnTokens(exchanges: readonly Pick<ExchangeDefinition, 'ownTokens' | 'status'>[]): string[] {
  const symbols = new Set<string>();
  for (const exchange of exchanges) {
    if (exchange.status.kind !== 'operating') continue;
    for (const symbol of exchange.ownTokens) if (Object.hasOwn(OWN_TOKEN_COIN_IDS, symbol)) symbols.add(symbol);
  }
  return [...symbols].sort();
}

/** The one scheduled request for every user. */
export function ownTokenChartUrl(symbols: readonly string[]): string {
  const ids = symbols.map((symbol) => `coingecko:${OWN_TOKEN_COIN_IDS[symbol]}`).sort();
  return `${DEFILLAMA_COINS_CHART_ORIGIN}/chart/${ids.join(',')}?span=8&period=1d`;
}

export interface PricePoint {
  /** The moment of the price (DefiLlama's `timestamp`), ISO. */
  at: string;
  usd: number;
}

export interface OwnTokenSeries {
  symbol: string;
  /** Oldest first. */
  points: PricePoint[];
  confidence?: number;
  source: string;
}

export interface ParseOwnTokenChartParameters {
  body: unknown;
  url: string;
  /** The symbols asked for; an answer key for anything else is ignored. */
  symbols: readonly string[];
  fetchedAt: number;
  minConfidence?: number;
}

export interface ParseOwnTokenChartReturnType {
  series: Record<string, OwnTokenSeries>;
  /** Coins asked for but refused or missing, each with a plain reason. */
  skipped: { symbol: string; problem: SkippedPriceProblem; reason: string }[];
}

const MAX_POINTS = 50;
const MAX_PRICE = 1e12;
const CLOCK_SLACK_MS = 3_600_000;

/**
 * Reads a `/chart` answer. Throws `DataSourceError` when the body is not `{ coins: { … } }`; a
 * coin whose entry is off the documented shape, names another symbol, has too low a confidence,
 * a price that is not a positive number, or timestamps that are not whole seconds in increasing
 * order up to now, is skipped with its reason and the others are kept.
 */
export function parseOwnTokenChart({ body, url, symbols, fetchedAt, minConfidence = 0.9 }: ParseOwnTokenChartParameters): ParseOwnTokenChartReturnType {
  if (!url.startsWith('https://')) throw shapeError(url, 'the price source address must start with https://');
  const coins = isRecord(body) ? body.coins : undefined;
  if (!isRecord(coins)) throw shapeError(url, `expected an object with a "coins" object, got ${describe(isRecord(body) ? coins : body)}`);
  const series: Record<string, OwnTokenSeries> = {};
  const skipped: { symbol: string; problem: SkippedPriceProblem; reason: string }[] = [];
  for (const symbol of symbols) {
    const id = OWN_TOKEN_COIN_IDS[symbol];
    const key = `coingecko:${id}`;
    if (id === undefined || !Object.hasOwn(coins, key)) {
      skipped.push({ symbol, problem: 'missing', reason: 'not in the answer' });
      continue;
    }
    const read = readEntry(coins[key], symbol, fetchedAt, minConfidence);
    if (typeof read === 'string') skipped.push({ symbol, problem: 'refused', reason: read });
    else series[symbol] = { ...read, symbol, source: url };
  }
  return { series, skipped };
}

function readEntry(entry: unknown, symbol: string, fetchedAt: number, minConfidence: number): Omit<OwnTokenSeries, 'symbol' | 'source'> | string {
  if (!isRecord(entry)) return `the entry is ${describe(entry)}, not an object`;
  if (typeof entry.symbol !== 'string' || entry.symbol.toUpperCase() !== symbol) return `the answer names ${JSON.stringify(entry.symbol)}, not ${symbol}`;
  const { confidence } = entry;
  if (confidence !== undefined && (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))) return 'confidence is not a number between 0 and 1';
  if (typeof confidence === 'number' && confidence < minConfidence) return `confidence ${confidence} is below ${minConfidence}`;
  if (!Array.isArray(entry.prices) || entry.prices.length === 0 || entry.prices.length > MAX_POINTS) return `prices must be a list of 1 to ${MAX_POINTS} points`;
  const points: PricePoint[] = [];
  let previous = 0;
  for (const raw of entry.prices as unknown[]) {
    if (!isRecord(raw)) return 'a price point is not an object';
    const { timestamp, price } = raw;
    if (typeof timestamp !== 'number' || !Number.isInteger(timestamp) || timestamp <= previous) return 'timestamps must be whole seconds in increasing order';
    if (timestamp * 1000 > fetchedAt + CLOCK_SLACK_MS) return 'a price is dated in the future';
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0 || price > MAX_PRICE) return 'a price is not a positive number';
    previous = timestamp;
    points.push({ at: new Date(timestamp * 1000).toISOString(), usd: price });
  }
  return { points, ...(typeof confidence === 'number' ? { confidence } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function shapeError(source: string, details: string): DataSourceError {
  return new DataSourceError({ shortMessage: 'DefiLlama sent prices in an unexpected shape', details, source });
}
