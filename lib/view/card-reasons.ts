import type { RiskReason } from '../risk/grade';
import { cardItems, type CardReason, type CardReasonsReturnType } from './card-order';
import type { ExchangeView } from './exchange-view';

export { CARD_LEAD_REASONS, cardReasonKey, type CardReason, type CardReasonsReturnType } from './card-order';

export interface CardReasonsParameters {
  view: Pick<ExchangeView, 'verdict' | 'warnings' | 'status'>;
  /** How many lead the card; the rest go into its details. */
  lead?: number;
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
function isFinding(reasons: readonly RiskReason[]): (reason: RiskReason) => boolean {
  const majorMissing = reasons.some((reason) => reason.code === 'ratio-major.missing');
  return (reason) => reason.effect !== 'ok' && !(majorMissing && reason.code === 'ratio-any.missing');
}
const findings = (reasons: readonly RiskReason[]): RiskReason[] => reasons.filter(isFinding(reasons));

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
 * The card's findings, ranked worst first, as `ExchangeView.cardOrder` holds them (`cardItems`
 * reads it): reasons that find nothing wrong (`ok`) are not findings, nor is one that repeats
 * another (`findings`). A closed or collapsed exchange's status reason is left out: the card states
 * it above everything, with its date and source. Made once, by whoever builds the view.
 */
export function cardOrder(view: CardReasonsParameters['view']): number[] {
  const finding = isFinding(view.verdict.reasons);
  const order = [
    ...view.verdict.reasons.flatMap((reason, index) => (finding(reason) && !(reason.metric === 'status' && view.status.kind !== 'operating') ? [index] : [])),
    ...view.warnings.map((_, index) => ~index),
  ];
  const items = cardItems({ ...view, cardOrder: order }, order.length).lead;
  const rank = new Map(order.map((at, index) => [at, rankOf(items[index]!)]));
  // Array.prototype.sort is stable: equal ranks keep the model's and the lists' own order.
  return order.sort((a, b) => rank.get(a)! - rank.get(b)!);
}

/** The card's findings, ranked worst first and split into the few that lead and the rest (`cardOrder`, `cardItems`). */
export function cardReasons({ view, lead }: CardReasonsParameters): CardReasonsReturnType {
  return cardItems({ ...view, cardOrder: cardOrder(view) }, lead);
}
