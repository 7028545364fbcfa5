import type { RiskLevel } from '../risk/order';
import { readingPositions, type AddressReadings } from './address-readings';
import { balanceNudge, type BalanceNudgeReason } from './balance-nudge';
import type { HistoryPoint, HoldingsState } from './model';
import type { PriceTable } from './prices';
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

export interface HoldingsOverviewParameters extends HoldingsPositionsParameters {
  prices: PriceTable;
}

export interface CustodianOverview {
  custodian: string;
  share: number | null;
  /** In `currency`; null when there is no rate for it. */
  value: number | null;
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
}

export function holdingsOverview({ state, prices, readings }: HoldingsOverviewParameters): HoldingsOverviewReturnType {
  const positions = holdingsPositions({ state, readings });
  const shares = custodyShares({ positions, prices, ...(state.goal === undefined ? {} : { goal: state.goal }) });
  const currency = state.limits.currency;
  const inCurrency = (usd: number) => convertUsd({ usd, currency, prices });
  const view = (entry: CustodySharesReturnType['self']): CustodianOverview => ({
    custodian: entry.custodian,
    share: entry.share,
    value: inCurrency(entry.usd),
    unknownPositions: entry.unknownPositions,
  });
  return {
    any: state.holdings.length > 0 || state.addresses.length > 0,
    currency,
    shares,
    total: inCurrency(shares.knownUsd),
    self: view(shares.self),
    exchanges: shares.exchanges.map(view),
    readingsComplete: state.addresses.length === 0 || (readings !== null && readings.chains.length > 0 && readings.chains.every((chain) => chain.complete)),
  };
}

/** The share to record for today: only a complete valuation makes a point, so missing prices never draw a false dip. */
export function historyShare(overview: HoldingsOverviewReturnType): number | null {
  return overview.shares.complete && overview.readingsComplete ? overview.shares.self.share : null;
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
  history: HistoryPoint[];
}

export function holdingsSummary(overview: HoldingsOverviewReturnType, history: readonly HistoryPoint[]): HoldingsSummary | null {
  if (!overview.any) return null;
  return {
    selfShare: overview.shares.self.share,
    ...(overview.shares.goal === undefined ? {} : { target: overview.shares.goal.target }),
    complete: overview.shares.complete && overview.readingsComplete,
    history: history.slice(-90),
  };
}
