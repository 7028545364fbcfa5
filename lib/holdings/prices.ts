import * as v from 'valibot';
import { AssetSymbolSchema, CurrencySchema } from './model';
import { BaseError } from '../errors';

/**
 * Prices for valuing holdings: fetched on a schedule by the background (the same request for
 * every user, never per visit or per holding), validated here, stored with their date. A symbol
 * missing from the table is unknown, and stays unknown in every sum.
 */

const IsoDateTimeSchema = v.pipe(v.string(), v.isoTimestamp('A price date is an ISO timestamp.'));
const PositivePriceSchema = v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(1e12));

export const PriceEntrySchema = v.object({
  /** US dollars for one whole unit. */
  usd: PositivePriceSchema,
  /** The moment the price describes (the source's own timestamp). */
  asOf: IsoDateTimeSchema,
  source: v.pipe(v.string(), v.url(), v.maxLength(2048)),
  /** The source's confidence in [0, 1], when it gives one (DefiLlama does). */
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});
export type PriceEntry = v.InferOutput<typeof PriceEntrySchema>;

/** What one unit of a currency is worth in US dollars (SEK → 0.09…), with where it came from. */
export const FiatRateSchema = v.object({
  usd: PositivePriceSchema,
  asOf: IsoDateTimeSchema,
  source: v.pipe(v.string(), v.url(), v.maxLength(2048)),
});
export type FiatRate = v.InferOutput<typeof FiatRateSchema>;

export const PriceTableSchema = v.object({
  /** When the background fetched the table (ms since epoch). */
  fetchedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  prices: v.record(AssetSymbolSchema, PriceEntrySchema),
  fiat: v.optional(v.record(CurrencySchema, FiatRateSchema), {}),
});
export type PriceTable = v.InferOutput<typeof PriceTableSchema>;

export const emptyPriceTable: PriceTable = { fetchedAt: 0, prices: {}, fiat: {} };

/**
 * DefiLlama coin ids for the assets the extension values. CoinGecko ids, as DefiLlama's coins
 * API accepts them (`coingecko:<id>`; https://github.com/DefiLlama/api-docs, `/prices/current/{coins}`). Wrapped
 * tokens get their own ids rather than borrowing the underlying's price: a depeg must show.
 */
export const defillamaCoinIds: Readonly<Record<string, string>> = {
  BTC: 'coingecko:bitcoin',
  ETH: 'coingecko:ethereum',
  WETH: 'coingecko:weth',
  WBTC: 'coingecko:wrapped-bitcoin',
  USDT: 'coingecko:tether',
  USDC: 'coingecko:usd-coin',
  DAI: 'coingecko:dai',
  POL: 'coingecko:polygon-ecosystem-token',
  SOL: 'coingecko:solana',
  XRP: 'coingecko:ripple',
  BNB: 'coingecko:binancecoin',
  LTC: 'coingecko:litecoin',
  DOGE: 'coingecko:dogecoin',
  TRX: 'coingecko:tron',
  TON: 'coingecko:the-open-network',
  AVAX: 'coingecko:avalanche-2',
  ATOM: 'coingecko:cosmos',
  ADA: 'coingecko:cardano',
};

export const DEFILLAMA_COINS_ORIGIN = 'https://coins.llama.fi';

export interface DefillamaPricesUrlParameters {
  symbols: readonly string[];
}

/** The one scheduled request: every known asset, sorted, so it is identical for everyone. */
export function defillamaPricesUrl({ symbols }: DefillamaPricesUrlParameters): string {
  const ids = [
    ...new Set(symbols.map((symbol) => (Object.hasOwn(defillamaCoinIds, symbol.toUpperCase()) ? defillamaCoinIds[symbol.toUpperCase()] : undefined)).filter((id): id is string => id !== undefined)),
  ].sort();
  return `${DEFILLAMA_COINS_ORIGIN}/prices/current/${ids.join(',')}`;
}

/** Why a price answer was refused: `not-a-price-list` for the wrong shape, `not-https` for the address (worded by lib/words/holdings-source-failure.ts). */
export type PriceParseCode = 'not-a-price-list' | 'not-https';

/** viem-style error: a code a page words, `details` for logs. */
export class PriceParseError extends BaseError {
  override name = 'PriceParseError';
  readonly code: PriceParseCode;

  constructor(code: PriceParseCode, details?: string) {
    super(`price answer refused: ${code}`, details);
    this.code = code;
  }
}

// The response as DefiLlama documents it: { coins: { "<chain|coingecko>:<id>": { price, symbol, timestamp, confidence, decimals? } } }.
const DefillamaCoinSchema = v.object({
  price: v.number(),
  symbol: v.optional(v.string()),
  timestamp: v.number(),
  confidence: v.optional(v.number()),
  decimals: v.optional(v.number()),
});
const DefillamaResponseSchema = v.object({ coins: v.record(v.string(), v.unknown()) });

export interface ParseDefillamaPricesParameters {
  /** The response body, already JSON-parsed. */
  body: unknown;
  /** The URL it came from, recorded as every price's source. */
  url: string;
  fetchedAt: number;
  /** Prices with lower confidence are left out (unknown), not trusted. */
  minConfidence?: number;
}

export type ParseDefillamaPricesReturnType =
  | { ok: true; table: PriceTable /** Coin ids that were in the answer but unusable, with why. */; skipped: { coin: string; reason: string }[] }
  | { ok: false; reason: PriceParseError };

const DEFAULT_MIN_CONFIDENCE = 0.9;

/**
 * Turns a `/prices/current/…` answer into a price table. Coins are mapped back to symbols by
 * our own id table, not by the answer's `symbol` field, so an answer cannot rename an asset.
 * Entries with a bad price or timestamp, or too low a confidence, are skipped and named.
 */
export function parseDefillamaPrices({ body, url, fetchedAt, minConfidence = DEFAULT_MIN_CONFIDENCE }: ParseDefillamaPricesParameters): ParseDefillamaPricesReturnType {
  const shape = v.safeParse(DefillamaResponseSchema, body);
  // valibot's record takes an array as an object with index keys; a list is not this answer.
  if (shape.success && Array.isArray((body as { coins: unknown }).coins)) {
    return { ok: false, reason: new PriceParseError('not-a-price-list', 'coins is a list, not a map') };
  }
  if (!shape.success) return { ok: false, reason: new PriceParseError('not-a-price-list', shape.issues[0]?.message) };
  if (!/^https:\/\//.test(url)) return { ok: false, reason: new PriceParseError('not-https') };
  const symbolOf = new Map(Object.entries(defillamaCoinIds).map(([symbol, id]) => [id, symbol]));
  const prices: Record<string, PriceEntry> = {};
  const skipped: { coin: string; reason: string }[] = [];
  for (const [coin, raw] of Object.entries(shape.output.coins)) {
    const symbol = symbolOf.get(coin);
    if (symbol === undefined) {
      skipped.push({ coin, reason: 'not an asset the extension knows' });
      continue;
    }
    const entry = v.safeParse(DefillamaCoinSchema, raw);
    if (!entry.success) {
      skipped.push({ coin, reason: 'malformed entry' });
      continue;
    }
    const { price, timestamp, confidence } = entry.output;
    if (!Number.isFinite(price) || price <= 0 || price > 1e12) {
      skipped.push({ coin, reason: 'price is not a positive number' });
      continue;
    }
    // Seconds since epoch, not in the future beyond a little clock skew.
    if (!Number.isInteger(timestamp) || timestamp <= 0 || timestamp * 1000 > fetchedAt + 3_600_000) {
      skipped.push({ coin, reason: 'timestamp is missing or in the future' });
      continue;
    }
    if (confidence !== undefined && (!(confidence >= 0 && confidence <= 1) || confidence < minConfidence)) {
      skipped.push({ coin, reason: `confidence ${confidence} is below ${minConfidence}` });
      continue;
    }
    prices[symbol] = {
      usd: price,
      asOf: new Date(timestamp * 1000).toISOString(),
      source: url,
      ...(confidence === undefined ? {} : { confidence }),
    };
  }
  return { ok: true, table: { fetchedAt, prices, fiat: {} }, skipped };
}

export interface MergePriceAnswerParameters {
  previous: PriceTable;
  /** A good answer, as `parseDefillamaPrices` reads it. */
  answer: PriceTable;
  /** The symbols of the positions being valued: the records and the watched addresses' reading. */
  held: Iterable<string>;
}

/**
 * The table to store after a good answer: the answer's prices, and of the earlier entries only those of coins still held and
 * still asked for that this answer left out (skipped for low confidence, say), which go on valuing the holding under their
 * own date, called old by the pages once it is. Every other earlier entry goes: kept, they would pile up and tell what the
 * user once held. The exchange rates are left as they are.
 */
export function mergePriceAnswer({ previous, answer, held }: MergePriceAnswerParameters): PriceTable {
  const kept: Record<string, PriceEntry> = {};
  for (const symbol of held) {
    if (Object.hasOwn(previous.prices, symbol) && !Object.hasOwn(answer.prices, symbol) && Object.hasOwn(defillamaCoinIds, symbol)) kept[symbol] = previous.prices[symbol]!;
  }
  return { ...previous, fetchedAt: answer.fetchedAt, prices: { ...kept, ...answer.prices } };
}

/**
 * Prices dated more than this many days before now are old. DefiLlama's current price of a coin we value is
 * renewed within minutes, and crypto prices often move by a tenth in two days: a total on older prices can be far
 * from today's. Two days, not one, so prices from a computer that was off overnight are not called old.
 */
export const PRICE_MAX_AGE_DAYS = 2;

export interface UsedPriceDatesParameters {
  table: PriceTable;
  /** The symbols of the positions being valued; a symbol the table has no price for uses none. */
  assets: Iterable<string>;
}

/**
 * The dates of the table's prices for `assets`, oldest first. Only these date a valuation: the table holds every coin the
 * request asks for, held or not, and a coin no longer held keeps its entry until the next good answer (`mergePriceAnswer`).
 */
export function usedPriceDates({ table, assets }: UsedPriceDatesParameters): string[] {
  const dates = new Set<string>();
  for (const asset of assets) if (Object.hasOwn(table.prices, asset)) dates.add(table.prices[asset]!.asOf);
  return [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
}

/** The oldest of `dates` (price dates) when it is older than PRICE_MAX_AGE_DAYS at `now`; otherwise undefined. */
export function oldPricesAsOf(dates: readonly string[], now: number): string | undefined {
  const oldest = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return oldest !== undefined && now - Date.parse(oldest) > PRICE_MAX_AGE_DAYS * 86_400_000 ? oldest : undefined;
}

/** Reads a stored table; anything unreadable gives the empty table (every value unknown). */
export function parsePriceTable(stored: unknown): PriceTable {
  const result = v.safeParse(PriceTableSchema, stored);
  return result.success ? result.output : emptyPriceTable;
}
