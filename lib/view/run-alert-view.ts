import { isActive, isSnoozed, listEpisodeOver, type RunState } from '../risk/run-episode';
import type { RunEvaluation, RunLevel, RunReason, RunSignal } from '../risk/run-signals';

/**
 * What the alert's headline says happened: money measured leaving (flows, the own token, both at
 * once), or a warning list the user subscribed to flagging the exchange, when only list entries
 * raised it: no flow figure stands behind those.
 */
export type RunCause = 'outflow' | 'warning-list';

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
  cause: RunCause;
  /**
   * While an episode is on and nothing stirs this hour: `flows-calm` when the flows and every
   * signal that raised the episode were read calm, `unread` when some could not be read (calm is
   * then not seen, only nothing stirring), `lists-unread` when a warning list raised it and the
   * lists could not be checked (the alert stays until they can be).
   */
  settling?: 'flows-calm' | 'unread' | 'lists-unread';
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

/** A run-alert snooze still in force, as the options page lists it: whether or not an alert is on now, it mutes the next. */
export interface RunSnoozeView {
  exchangeId: string;
  name: string;
  snoozedUntil: string;
}

export interface RunAlertViewParameters {
  exchange: { id: string; name: string };
  evaluation: RunEvaluation;
  state: RunState | undefined;
  now: Date;
}

/** Undefined when there is nothing to say: no episode on and every signal calm or unread. */
export function runAlertView({ exchange, evaluation, state: held, now }: RunAlertViewParameters): RunAlertView | undefined {
  // The next update ends it; until then it is over already for what views say.
  const state: RunState | undefined = held !== undefined && listEpisodeOver({ held, evaluation }) ? { ...held, phase: 'calm', raisedBy: [] } : held;
  const phase = state?.phase ?? 'calm';
  if (phase === 'calm' && evaluation.level === 'calm') return undefined;
  const snoozed = isSnoozed(state, now);
  const settling = phase === 'alert' && evaluation.level === 'calm' ? settlingOf(evaluation.reasons, state?.raisedBy ?? []) : undefined;
  return {
    exchangeId: exchange.id,
    name: exchange.name,
    phase,
    level: evaluation.level,
    cause: runCause(evaluation.reasons, state?.raisedBy ?? []),
    ...(settling === undefined ? {} : { settling }),
    active: isActive(state, now),
    ...(snoozed && state?.snoozedUntil !== undefined ? { snoozedUntil: state.snoozedUntil } : {}),
    ...(phase === 'alert' && state?.startedAt !== undefined ? { startedAt: state.startedAt } : {}),
    reasons: evaluation.reasons,
    incomplete: evaluation.incomplete,
    sources: evaluation.sources,
    computedAt: now.toISOString(),
  };
}

/** By the reasons at alert now; with none, by the signals that raised the episode. */
function runCause(reasons: readonly RunReason[], raisedBy: readonly RunSignal[]): RunCause {
  const alerting = reasons.filter((reason) => reason.effect === 'alert').map((reason) => reason.signal);
  const signals = alerting.length > 0 ? alerting : raisedBy;
  return signals.length > 0 && signals.every((signal) => signal === 'warning-list') ? 'warning-list' : 'outflow';
}

function settlingOf(reasons: readonly RunReason[], raisedBy: readonly RunSignal[]): NonNullable<RunAlertView['settling']> {
  if (raisedBy.includes('warning-list') && reasons.some((reason) => reason.signal === 'warning-list' && reason.effect === 'unknown')) return 'lists-unread';
  const calm = (signal: RunSignal) => reasons.some((reason) => reason.signal === signal && reason.effect === 'calm');
  const read = [...new Set<RunSignal>(['outflow-24h', 'outflow-7d', ...raisedBy])].filter((signal) => signal !== 'combined' && signal !== 'warning-list');
  return read.every(calm) ? 'flows-calm' : 'unread';
}
