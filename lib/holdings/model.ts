import * as v from 'valibot';
import { ExchangeIdSchema } from '../exchanges/exchange-id';

/**
 * What the user tells us about where their crypto sits. Stored on the device only; every read
 * goes through these schemas so a damaged or hand-edited value is refused, not half-used.
 *
 * Amounts the user types are approximate by nature ("about 0.4 BTC on Kraken"), so they are
 * plain numbers; on-chain balances arrive as exact decimal strings and are turned into numbers
 * only for valuation.
 */

/** Where a position sits: `self` (a wallet the user controls) or an exchange id from the registry. */
export type Custodian = 'self' | (string & {});

/**
 * Why a state was refused, as the schemas' issue messages: codes, worded where a save fails by
 * lib/words/holdings-save-failure.ts.
 */
export const HOLDINGS_PROBLEMS = [
  'bad-id',
  'bad-asset',
  'bad-currency',
  'bad-amount',
  'amount-too-large',
  'bad-address',
  'bad-share',
  'bad-day',
  'too-many-holdings',
  'too-many-addresses',
  'too-much-history',
] as const;
export type HoldingsProblem = (typeof HOLDINGS_PROBLEMS)[number];

export const MAX_HOLDINGS = 1000;
export const MAX_ADDRESSES = 200;

const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'bad-id' satisfies HoldingsProblem));

export const CustodianSchema = v.union([v.literal('self'), ExchangeIdSchema]);

/** Ticker as the price table keys it: upper case, letters, digits, `.` and `-`. */
export const AssetSymbolSchema = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9][A-Z0-9.-]{0,14}$/, 'bad-asset' satisfies HoldingsProblem));

/** ISO 4217 code such as USD, EUR or SEK. */
export const CurrencySchema = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{3}$/, 'bad-currency' satisfies HoldingsProblem));

// A ceiling far above any real balance, so a typo like 1e300 is refused instead of breaking sums.
const MAX_AMOUNT = 1e15;

export const AmountSchema = v.pipe(
  v.number('bad-amount' satisfies HoldingsProblem),
  v.finite('bad-amount' satisfies HoldingsProblem),
  v.minValue(0, 'bad-amount' satisfies HoldingsProblem),
  v.maxValue(MAX_AMOUNT, 'amount-too-large' satisfies HoldingsProblem),
);

const TimestampSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A recorded amount of one asset, at an exchange or in self-custody the extension cannot read (e.g. a BTC hardware wallet). */
export const AssetHoldingSchema = v.object({
  id: IdSchema,
  kind: v.literal('asset'),
  custodian: CustodianSchema,
  asset: AssetSymbolSchema,
  amount: AmountSchema,
  /** When the user last confirmed the figure (ms since epoch). */
  updatedAt: TimestampSchema,
});

/** A recorded value in a currency, for users who think "about 2 000 EUR on Bitstamp". */
export const FiatHoldingSchema = v.object({
  id: IdSchema,
  kind: v.literal('fiat'),
  custodian: CustodianSchema,
  currency: CurrencySchema,
  value: AmountSchema,
  updatedAt: TimestampSchema,
});

export const HoldingSchema = v.variant('kind', [AssetHoldingSchema, FiatHoldingSchema]);
export type AssetHolding = v.InferOutput<typeof AssetHoldingSchema>;
export type FiatHolding = v.InferOutput<typeof FiatHoldingSchema>;
export type Holding = v.InferOutput<typeof HoldingSchema>;

export const EvmAddressSchema = v.pipe(v.string(), v.trim(), v.regex(/^0x[0-9a-fA-F]{40}$/, 'bad-address' satisfies HoldingsProblem));

/** A self-custody address watched read-only; its balances count as `self`. */
export const WatchedAddressSchema = v.object({
  id: IdSchema,
  address: EvmAddressSchema,
  label: v.optional(v.pipe(v.string(), v.maxLength(80))),
  /** EIP-155 chain ids to read it on; every chain in `holdingTokens` when empty. */
  chainIds: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.maxLength(20)),
});
export type WatchedAddress = v.InferOutput<typeof WatchedAddressSchema>;

const ShareSchema = v.pipe(v.number(), v.finite(), v.minValue(0, 'bad-share' satisfies HoldingsProblem), v.maxValue(1, 'bad-share' satisfies HoldingsProblem));

/** "I want to hold 80 % myself." */
export const GoalSchema = v.object({ selfShareTarget: ShareSchema });
export type Goal = v.InferOutput<typeof GoalSchema>;

/** Per-exchange ceilings the user set for themselves; a cap is in `Limits.currency`. */
export const ExchangeLimitSchema = v.object({
  cap: v.optional(AmountSchema),
  maxShare: v.optional(ShareSchema),
});
export type ExchangeLimit = v.InferOutput<typeof ExchangeLimitSchema>;

export const LimitsSchema = v.object({
  currency: v.optional(CurrencySchema, 'USD'),
  /** Applies to every exchange without its own entry. */
  default: v.optional(ExchangeLimitSchema, {}),
  exchanges: v.optional(v.record(ExchangeIdSchema, ExchangeLimitSchema), {}),
});
export type Limits = v.InferOutput<typeof LimitsSchema>;

/** One day's self-custody share, for the small chart. `selfShare` is null when no share could be trusted that day: something unvalued, or prices too old (summary.ts `historyShare`). */
export const HistoryPointSchema = v.object({
  day: v.pipe(v.string(), v.isoDate('bad-day' satisfies HoldingsProblem)),
  selfShare: v.nullable(ShareSchema),
});
export type HistoryPoint = v.InferOutput<typeof HistoryPointSchema>;

export const HoldingsStateSchema = v.object({
  holdings: v.pipe(v.array(HoldingSchema), v.maxLength(MAX_HOLDINGS, 'too-many-holdings' satisfies HoldingsProblem)),
  addresses: v.pipe(v.array(WatchedAddressSchema), v.maxLength(MAX_ADDRESSES, 'too-many-addresses' satisfies HoldingsProblem)),
  goal: v.optional(GoalSchema),
  limits: v.optional(LimitsSchema, {}),
  history: v.pipe(v.array(HistoryPointSchema), v.maxLength(3660, 'too-much-history' satisfies HoldingsProblem)),
});
export type HoldingsState = v.InferOutput<typeof HoldingsStateSchema>;

export const emptyHoldingsState: HoldingsState = v.parse(HoldingsStateSchema, { holdings: [], addresses: [], history: [] });

/** Reads a stored state; anything unreadable gives the empty state rather than a broken view. */
export function parseHoldingsState(stored: unknown): HoldingsState {
  const result = v.safeParse(HoldingsStateSchema, stored ?? {});
  return result.success ? result.output : emptyHoldingsState;
}
