import type { AssetHolding, Custodian, FiatHolding, Goal } from './model';
import type { PriceTable } from './prices';

/**
 * Values positions in US dollars (and the user's currency when a rate is known) and splits the
 * total between self-custody and each exchange. A position without a price is *unknown*: it is
 * listed, it makes the result incomplete, and it is never summed as 0 — a share computed from
 * the known part says so.
 */

export type AssetPosition = Pick<AssetHolding, 'custodian' | 'asset' | 'amount'>;
export type FiatPosition = Pick<FiatHolding, 'custodian' | 'currency' | 'value'>;
/** A recorded holding or an on-chain balance (custodian `self`). */
export type Position = AssetPosition | FiatPosition;

export interface ValuePositionParameters {
  position: Position;
  prices: PriceTable;
}

/** One position's value in US dollars, or null when the table cannot value it. */
export function valuePosition({ position, prices }: ValuePositionParameters): number | null {
  if ('asset' in position) {
    const price = Object.hasOwn(prices.prices, position.asset) ? prices.prices[position.asset] : undefined;
    return price === undefined ? null : position.amount * price.usd;
  }
  if (position.currency === 'USD') return position.value;
  const rate = Object.hasOwn(prices.fiat, position.currency) ? prices.fiat[position.currency] : undefined;
  return rate === undefined ? null : position.value * rate.usd;
}

export interface ConvertUsdParameters {
  usd: number;
  currency: string;
  prices: PriceTable;
}

/** US dollars in the user's currency, or null when the table has no rate for it. */
export function convertUsd({ usd, currency, prices }: ConvertUsdParameters): number | null {
  if (currency === 'USD') return usd;
  const rate = Object.hasOwn(prices.fiat, currency) ? prices.fiat[currency] : undefined;
  return rate === undefined ? null : usd / rate.usd;
}

export interface CustodianShare {
  custodian: Custodian;
  /** Sum of the custodian's known values, in US dollars. */
  usd: number;
  /** `usd` over the known total; null when the known total is 0. */
  share: number | null;
  /** Positions here that could not be valued: `usd` is then a lower bound. */
  unknownPositions: number;
}

export interface CustodySharesParameters {
  positions: readonly Position[];
  prices: PriceTable;
  goal?: Goal;
}

export interface CustodySharesReturnType {
  /** Known values only, in US dollars. */
  knownUsd: number;
  self: CustodianShare;
  /** One per exchange with any position, largest known value first. */
  exchanges: CustodianShare[];
  /** Positions that could not be valued (no price or no rate). */
  unknown: Position[];
  /** True when every position was valued: only then are the shares the whole picture. */
  complete: boolean;
  /** Distance to the goal in share points (target − self share); absent without a goal or a share. */
  goal?: { target: number; selfShare: number; gap: number; met: boolean };
}

/**
 * "You hold 35 % yourself; your goal is 80 %", and each exchange's share of the known total.
 * Shares are fractions in [0, 1]; with a positive known total, self + exchanges sum to 1.
 */
export function custodyShares({ positions, prices, goal }: CustodySharesParameters): CustodySharesReturnType {
  const known = new Map<Custodian, number>();
  const unknownCount = new Map<Custodian, number>();
  const unknown: Position[] = [];
  let knownUsd = 0;
  for (const position of positions) {
    const usd = valuePosition({ position, prices });
    if (!known.has(position.custodian)) known.set(position.custodian, 0);
    if (usd === null || !Number.isFinite(usd)) {
      unknown.push(position);
      unknownCount.set(position.custodian, (unknownCount.get(position.custodian) ?? 0) + 1);
      continue;
    }
    known.set(position.custodian, known.get(position.custodian)! + usd);
    knownUsd += usd;
  }
  const shareOf = (custodian: Custodian): CustodianShare => {
    const usd = known.get(custodian) ?? 0;
    return {
      custodian,
      usd,
      share: knownUsd > 0 ? Math.min(1, Math.max(0, usd / knownUsd)) : null,
      unknownPositions: unknownCount.get(custodian) ?? 0,
    };
  };
  const self = shareOf('self');
  const exchanges = [...known.keys()]
    .filter((custodian) => custodian !== 'self')
    .map(shareOf)
    .sort((a, b) => b.usd - a.usd || a.custodian.localeCompare(b.custodian));
  const result: CustodySharesReturnType = { knownUsd, self, exchanges, unknown, complete: unknown.length === 0 };
  if (goal !== undefined && self.share !== null) {
    const gap = goal.selfShareTarget - self.share;
    result.goal = { target: goal.selfShareTarget, selfShare: self.share, gap, met: gap <= 0 };
  }
  return result;
}
