import type { RiskLevel } from '../risk/order';
import { readingPositions, type AddressReadings } from './address-readings';
import { balanceNudge, type BalanceNudgeReason } from './balance-nudge';
import type { HistoryPoint, HoldingsState } from './model';
import { oldPricesAsOf, usedPriceDates, type PriceTable } from './prices';
import { convertUsd, custodyShares, type CustodySharesReturnType, type Position } from './valuation';

/**
 * The holdings as the pages show them: the user's records plus the last on-chain reading of
 * their watched addresses, valued with the scheduled price table, in their currency.
 */

export interface HoldingsPositionsParameters {
  state: HoldingsState;
  readings: AddressReadings | null;
}

export function holdingsPositions({ state, readings }: HoldingsPositionsParameters): Position[] {
  return [...state.holdings, ...readingPositions(readings)];
}

/** The symbols of every position held, recorded or read at a watched address (cash has none). */
export function heldAssets({ state, readings }: HoldingsPositionsParameters): string[] {
  return holdingsPositions({ state, readings }).flatMap((position) => ('asset' in position ? [position.asset] : []));
}

export interface HoldingsOverviewParameters extends HoldingsPositionsParameters {
  prices: PriceTable;
}

export interface CustodianOverview {
  custodian: string;
  /** Null when it cannot be known: nothing valued, nothing here valued, or self custody unknown. */
  share: number | null;
  /** In `currency`; null when there is no rate for it. */
  value: number | null;
  /** Positions that could not be valued; for self custody an unread watched-address reading counts as one. */
  unknownPositions: number;
}

export interface HoldingsOverviewReturnType {
  /** False when the user has recorded nothing and watches no address. */
  any: boolean;
  currency: string;
  shares: CustodySharesReturnType;
  /** Known total in `currency`; null without a rate. */
  total: number | null;
  self: CustodianOverview;
  exchanges: CustodianOverview[];
  /** False when a watched-address read failed or is missing: the self figure is then a lower bound. */
  readingsComplete: boolean;
  /** The dates of the prices this valuation used, oldest first (none when nothing held is priced, as with cash only). */
  priceDates: string[];
}

export function holdingsOverview({ state, prices, readings }: HoldingsOverviewParameters): HoldingsOverviewReturnType {
  const positions = holdingsPositions({ state, readings });
  const shares = custodyShares({ positions, prices, ...(state.goal === undefined ? {} : { goal: state.goal }) });
  const currency = state.limits.currency;
  const inCurrency = (usd: number) => convertUsd({ usd, currency, prices });
  const readingsComplete = state.addresses.length === 0 || (readings !== null && readings.chains.length > 0 && readings.chains.every((chain) => chain.complete));
  // An unread address is an unknown of its own, never a balance of 0: with nothing valued beside it, self custody is unknown.
  const selfUnknowns = shares.self.unknownPositions + (readingsComplete ? 0 : 1);
  const selfUnknown = shares.self.usd === 0 && selfUnknowns > 0;
  const view = (entry: CustodySharesReturnType['self'], unknownPositions = entry.unknownPositions): CustodianOverview => ({
    custodian: entry.custodian,
    // A row with nothing valued has no share, and when self custody is unknown the whole is, so no row has one.
    share: selfUnknown || (entry.usd === 0 && unknownPositions > 0) ? null : entry.share,
    value: inCurrency(entry.usd),
    unknownPositions,
  });
  return {
    any: state.holdings.length > 0 || state.addresses.length > 0,
    currency,
    shares,
    total: inCurrency(shares.knownUsd),
    self: view(shares.self, selfUnknowns),
    exchanges: shares.exchanges.map((entry) => view(entry)),
    readingsComplete,
    priceDates: usedPriceDates({ table: prices, assets: heldAssets({ state, readings }) }),
  };
}

/**
 * The date of the oldest price the valuation uses when it is old at `now` (./prices.ts `oldPricesAsOf`), the one rule
 * every page warns by; undefined when the prices are recent or nothing held is valued by a price (cash only).
 */
export function valuedOnOldPrices(overview: HoldingsOverviewReturnType, now: number): string | undefined {
  return overview.shares.knownUsd > 0 ? oldPricesAsOf(overview.priceDates, now) : undefined;
}

/**
 * The share to record for today: only a complete valuation on recent prices makes a point, so missing prices never draw a
 * false dip, and prices frozen for days never draw a flat line or a jump that today's prices would not.
 */
export function historyShare(overview: HoldingsOverviewReturnType, now: number): number | null {
  return overview.shares.complete && overview.readingsComplete && valuedOnOldPrices(overview, now) === undefined ? overview.shares.self.share : null;
}

export interface ExchangeBalanceNudgeParameters extends HoldingsOverviewParameters {
  exchangeId: string;
  level: RiskLevel;
}

/** What the pill on this exchange should lead with, or undefined. */
export function exchangeBalanceNudge({ state, prices, readings, exchangeId, level }: ExchangeBalanceNudgeParameters): BalanceNudgeReason | undefined {
  if (state.holdings.length === 0) return undefined;
  return balanceNudge({ holdings: holdingsPositions({ state, readings }), prices, exchangeId, level, limits: state.limits }).first;
}

/** The popup's compact line: small enough to cross the message channel on every open. */
export interface HoldingsSummary {
  selfShare: number | null;
  target?: number;
  complete: boolean;
  /** The oldest price used, when the share was made on old prices (`valuedOnOldPrices`). */
  oldPricesAsOf?: string;
  history: HistoryPoint[];
}

export function holdingsSummary(overview: HoldingsOverviewReturnType, history: readonly HistoryPoint[], now: number): HoldingsSummary | null {
  if (!overview.any) return null;
  const oldPrices = valuedOnOldPrices(overview, now);
  return {
    selfShare: overview.self.share,
    ...(overview.shares.goal === undefined ? {} : { target: overview.shares.goal.target }),
    ...(oldPrices === undefined ? {} : { oldPricesAsOf: oldPrices }),
    complete: overview.shares.complete && overview.readingsComplete,
    history: history.slice(-90),
  };
}
