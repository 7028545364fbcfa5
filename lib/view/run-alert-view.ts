import { isActive, isSnoozed, type RunState } from '../risk/run-episode';
import type { RunEvaluation, RunLevel, RunReason } from '../risk/run-signals';

/**
 * The run watch as views draw it (popup, pill, badge): plain data for the message channel. The
 * background builds it from the evaluation now and the stored episode state; views compute nothing.
 */
export interface RunAlertView {
  exchangeId: string;
  name: string;
  /** `alert` while an episode is on, whatever the figures say this hour. */
  phase: RunState['phase'];
  level: RunLevel;
  /** On and not snoozed: turns the badge red, leads the pill, may notify. */
  active: boolean;
  snoozedUntil?: string;
  startedAt?: string;
  /** Every signal as read now, worst first (alert, caution, unread, calm): the figures behind the words. */
  reasons: RunReason[];
  incomplete: boolean;
  sources: string[];
  computedAt: string;
}

export interface RunAlertViewParameters {
  exchange: { id: string; name: string };
  evaluation: RunEvaluation;
  state: RunState | undefined;
  now: Date;
}

/** Undefined when there is nothing to say: no episode on and every signal calm or unread. */
export function runAlertView({ exchange, evaluation, state, now }: RunAlertViewParameters): RunAlertView | undefined {
  const phase = state?.phase ?? 'calm';
  if (phase === 'calm' && evaluation.level === 'calm') return undefined;
  const snoozed = isSnoozed(state, now);
  return {
    exchangeId: exchange.id,
    name: exchange.name,
    phase,
    level: evaluation.level,
    active: isActive(state, now),
    ...(snoozed && state?.snoozedUntil !== undefined ? { snoozedUntil: state.snoozedUntil } : {}),
    ...(phase === 'alert' && state?.startedAt !== undefined ? { startedAt: state.startedAt } : {}),
    reasons: evaluation.reasons,
    incomplete: evaluation.incomplete,
    sources: evaluation.sources,
    computedAt: now.toISOString(),
  };
}
