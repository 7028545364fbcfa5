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

/**
 * The reasons a reader is told: those that find something (not `ok`), less one that repeats
 * another. "No per-asset ratios" comes only with "no ratio for BTC, ETH, USDT or USDC" (no ratio at
 * all means none for the majors), and the latter says what it leaves unconfirmed; both in the list
 * would take two of the card's three lead lines for one gap. The verdict keeps both.
 */
function findings(reasons: readonly RiskReason[]): RiskReason[] {
  const majorMissing = reasons.some((reason) => reason.code === 'ratio-major.missing');
  return reasons.filter((reason) => reason.effect !== 'ok' && !(majorMissing && reason.code === 'ratio-any.missing'));
}

const rankOf = (item: CardReason) => RANK[item.kind === 'reason' ? `reason:${item.reason.effect}` : `warning:${item.warning.severity}`] ?? 99;

/**
 * The verdict's reasons in the card's order, worst first (danger, caution, unknown, information),
 * the findings only (`findings`): what a shared text or picture lists, so a cut keeps the
 * cause of the verdict.
 */
export function reasonsWorstFirst(reasons: readonly RiskReason[]): RiskReason[] {
  // Array.prototype.sort is stable: equal ranks keep the model's own order.
  return findings(reasons)
    .map((reason) => ({ kind: 'reason' as const, reason }))
    .sort((a, b) => rankOf(a) - rankOf(b))
    .map((item) => item.reason);
}

/**
 * The card's findings, ranked worst first and split into the few that lead and the rest. Reasons
 * that find nothing wrong (`ok`) are not findings, nor is one that repeats another (`findings`). A
 * closed or collapsed exchange's status reason is left out: the card states it above everything,
 * with its date and source.
 */
export function cardReasons({ view, lead = CARD_LEAD_REASONS }: CardReasonsParameters): CardReasonsReturnType {
  const items: CardReason[] = [
    ...findings(view.verdict.reasons)
      .filter((reason) => !(reason.metric === 'status' && view.status.kind !== 'operating'))
      .map((reason) => ({ kind: 'reason' as const, reason })),
    ...view.warnings.map((warning) => ({ kind: 'warning' as const, warning })),
  ];
  // Array.prototype.sort is stable: equal ranks keep the model's and the lists' own order.
  const ranked = items.sort((a, b) => rankOf(a) - rankOf(b));
  return { lead: ranked.slice(0, lead), rest: ranked.slice(lead) };
}
