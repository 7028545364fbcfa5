import type { ActiveWarning } from '../community/active-warnings';
import type { RiskReason } from '../risk/grade';
import type { ExchangeView } from './exchange-view';

/** One line of the card's "why": a verdict reason, or a community warning from a list the user subscribed to. */
export type CardReason = { kind: 'reason'; reason: RiskReason } | { kind: 'warning'; warning: ActiveWarning };

export interface CardReasonsParameters {
  view: Pick<ExchangeView, 'verdict' | 'warnings' | 'status'>;
  /** How many lead the card; the rest go into its details. */
  lead?: number;
}
export interface CardReasonsReturnType {
  /** The worst few, worst first: what the card says before anything else. */
  lead: CardReason[];
  /** Every other finding, in the same order. */
  rest: CardReason[];
}

/** The card leads with three reasons at most: read in a few seconds, the rest one click away. */
export const CARD_LEAD_REASONS = 3;

/** A reason's key in a card's list and in `ExchangeView.reasonWords`. */
export function cardReasonKey(reason: RiskReason): string {
  return `${reason.metric}-${reason.code}-${reason.asOf ?? ''}`;
}

/**
 * Worst first: danger, caution, then what is unknown (a missing figure is not a finding, but the
 * verdict cannot vouch without it), then information. Within a severity the model's own reasons
 * (figures from primary sources) come before community warnings (lists the user chose).
 */
const RANK: Record<string, number> = {
  'reason:danger': 0,
  'warning:danger': 1,
  'reason:caution': 2,
  'warning:caution': 3,
  'reason:unknown': 4,
  'warning:info': 5,
  'reason:info': 6,
};

const rankOf = (item: CardReason) => RANK[item.kind === 'reason' ? `reason:${item.reason.effect}` : `warning:${item.warning.severity}`] ?? 99;

/**
 * The verdict's reasons in the card's order, worst first (danger, caution, unknown, information),
 * without those that find nothing wrong: what a shared text or picture lists, so a cut keeps the
 * cause of the verdict.
 */
export function reasonsWorstFirst(reasons: readonly RiskReason[]): RiskReason[] {
  // Array.prototype.sort is stable: equal ranks keep the model's own order.
  return reasons
    .filter((reason) => reason.effect !== 'ok')
    .map((reason) => ({ kind: 'reason' as const, reason }))
    .sort((a, b) => rankOf(a) - rankOf(b))
    .map((item) => item.reason);
}

/**
 * The card's findings, ranked worst first and split into the few that lead and the rest. Reasons
 * that find nothing wrong (`ok`) are not findings. A closed or collapsed exchange's status reason
 * is left out: the card states it above everything, with its date and source.
 */
export function cardReasons({ view, lead = CARD_LEAD_REASONS }: CardReasonsParameters): CardReasonsReturnType {
  const items: CardReason[] = [
    ...view.verdict.reasons.filter((reason) => reason.effect !== 'ok' && !(reason.metric === 'status' && view.status.kind !== 'operating')).map((reason) => ({ kind: 'reason' as const, reason })),
    ...view.warnings.map((warning) => ({ kind: 'warning' as const, warning })),
  ];
  // Array.prototype.sort is stable: equal ranks keep the model's and the lists' own order.
  const ranked = items.sort((a, b) => rankOf(a) - rankOf(b));
  return { lead: ranked.slice(0, lead), rest: ranked.slice(lead) };
}
