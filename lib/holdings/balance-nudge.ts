import type { RiskLevel } from '../risk/order';
import type { ExchangeLimit, Limits } from './model';
import type { PriceTable } from './prices';
import { convertUsd, custodyShares, valuePosition, type Position } from './valuation';

/**
 * What the pill on an exchange's page should say *first*, from the user's own records: more
 * there than the cap they set, a larger share than they allow, or any holdings at all on an
 * exchange graded caution or worse. Nothing about the visit leaves the device; this only reads
 * what the user typed and the scheduled price table.
 */

export type BalanceNudgeReason =
  | {
      kind: 'over-cap';
      exchangeId: string;
      /** The exchange's known value in `currency`; a lower bound when `lowerBound`. */
      value: number;
      cap: number;
      currency: string;
      lowerBound: boolean;
    }
  | {
      kind: 'over-share';
      exchangeId: string;
      share: number;
      maxShare: number;
      /** False when some positions anywhere could not be valued: the share is then from the known part only. */
      complete: boolean;
    }
  | {
      kind: 'risky-exchange';
      exchangeId: string;
      level: 'caution' | 'danger';
      /** The exchange's known value in `currency`; null when none of it could be valued or there is no rate. */
      value: number | null;
      currency: string;
    };

export interface BalanceNudgeParameters {
  /** Recorded holdings and on-chain self-custody positions. */
  holdings: readonly Position[];
  prices: PriceTable;
  exchangeId: string;
  level: RiskLevel;
  limits: Limits;
}

export interface BalanceNudgeReturnType {
  /** Whether the pill should lead with a balance message. */
  show: boolean;
  /** The message to lead with. */
  first?: BalanceNudgeReason;
  /** Every reason that applies, most pressing first: over-cap, over-share, risky-exchange. */
  reasons: BalanceNudgeReason[];
}

/** The exchange's own entry wins field by field; the default fills what it leaves out. */
function limitFor(limits: Limits, exchangeId: string): ExchangeLimit {
  const own = Object.hasOwn(limits.exchanges, exchangeId) ? limits.exchanges[exchangeId] : undefined;
  const cap = own?.cap ?? limits.default.cap;
  const maxShare = own?.maxShare ?? limits.default.maxShare;
  return { ...(cap === undefined ? {} : { cap }), ...(maxShare === undefined ? {} : { maxShare }) };
}

export function balanceNudge({ holdings, prices, exchangeId, level, limits }: BalanceNudgeParameters): BalanceNudgeReturnType {
  const here = holdings.filter((position) => position.custodian === exchangeId && ('asset' in position ? position.amount > 0 : position.value > 0));
  // Nothing recorded here: the pill's usual verdict is all there is to say.
  if (here.length === 0) return { show: false, reasons: [] };

  const reasons: BalanceNudgeReason[] = [];
  const shares = custodyShares({ positions: holdings, prices });
  const entry = shares.exchanges.find((exchange) => exchange.custodian === exchangeId);
  const knownUsd = here.reduce((sum, position) => sum + (valuePosition({ position, prices }) ?? 0), 0);
  const anyKnown = here.some((position) => valuePosition({ position, prices }) !== null);
  const currency = limits.currency;
  const valueInCurrency = anyKnown ? convertUsd({ usd: knownUsd, currency, prices }) : null;
  const limit = limitFor(limits, exchangeId);

  if (limit.cap !== undefined && valueInCurrency !== null && valueInCurrency > limit.cap) {
    reasons.push({ kind: 'over-cap', exchangeId, value: valueInCurrency, cap: limit.cap, currency, lowerBound: (entry?.unknownPositions ?? 0) > 0 });
  }
  if (limit.maxShare !== undefined && entry?.share != null && entry.share > limit.maxShare) {
    reasons.push({ kind: 'over-share', exchangeId, share: entry.share, maxShare: limit.maxShare, complete: shares.complete });
  }
  if (level === 'caution' || level === 'danger') {
    reasons.push({ kind: 'risky-exchange', exchangeId, level, value: valueInCurrency, currency });
  }
  return reasons.length === 0 ? { show: false, reasons } : { show: true, first: reasons[0]!, reasons };
}
