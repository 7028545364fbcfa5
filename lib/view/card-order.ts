import type { ActiveWarning } from '../community/active-warnings';
import type { RiskReason } from '../risk/grade';
import type { ExchangeView } from './exchange-view';

/**
 * The card's side of its reasons' order: the background ranks them once (`cardOrder`,
 * lib/view/card-reasons.ts) into `ExchangeView.cardOrder`, and every view that draws the card
 * (exchange page, popup, embed) reads that order here, so the exchange page's script carries no
 * ranking code (its size budget).
 */

/** One line of the card's "why": a verdict reason, or a community warning from a list the user subscribed to. */
export type CardReason = { kind: 'reason'; reason: RiskReason } | { kind: 'warning'; warning: ActiveWarning };

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
 * The view's findings in `cardOrder`'s order, split into the few that lead and the rest. An entry
 * `i >= 0` is `verdict.reasons[i]`, a negative one `~j` is `warnings[j]`: indexes, not copies, so
 * the lines are the view's own reasons and warnings.
 */
export function cardItems(view: Pick<ExchangeView, 'cardOrder' | 'verdict' | 'warnings'>, lead = CARD_LEAD_REASONS): CardReasonsReturnType {
  const items = view.cardOrder.map((at): CardReason => (at < 0 ? { kind: 'warning', warning: view.warnings[~at]! } : { kind: 'reason', reason: view.verdict.reasons[at]! }));
  return { lead: items.slice(0, lead), rest: items.slice(lead) };
}
