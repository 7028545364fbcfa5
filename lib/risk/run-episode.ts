import * as v from 'valibot';
import { ExchangeIdSchema } from '../exchanges/exchange-id';
import type { RunEvaluation, RunSignal } from './run-signals';
import { thresholdValue } from './thresholds';

/**
 * One exchange's run alert over time, so it does not cry wolf: an episode starts when the watch
 * first reads `alert`, stays one episode while anything stirs, and ends only once every signal
 * that raised it is readable again and has stayed below its caution line for a full settle
 * window (`run.settle-hours`). A notification goes out at most once per episode; a snooze
 * silences an exchange for a week (`run.snooze-days`). Pure: the caller passes `now`.
 */

const IsoMoment = v.pipe(v.string(), v.isoTimestamp());
const SIGNALS = ['outflow-24h', 'outflow-7d', 'own-token-fall', 'warning-list', 'combined'] as const satisfies readonly RunSignal[];

export const RunStateSchema = v.object({
  phase: v.picklist(['calm', 'alert']),
  /** When the current episode began. */
  startedAt: v.optional(IsoMoment),
  /** The last evaluation that read caution or alert during the episode. */
  lastStirredAt: v.optional(IsoMoment),
  /** Every signal that reached caution or alert during the episode. */
  raisedBy: v.optional(v.pipe(v.array(v.picklist(SIGNALS)), v.maxLength(SIGNALS.length)), []),
  /** When the last episode ended. */
  endedAt: v.optional(IsoMoment),
  /** When this episode's notification went out; cleared when the episode ends. */
  notifiedAt: v.optional(IsoMoment),
  /** How many times this episode's notification failed to show; cleared when the episode ends. */
  notifyFailures: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** The user silenced this exchange's alerts until then. */
  snoozedUntil: v.optional(IsoMoment),
  /**
   * When the user met this episode's alert in the popup (snoozed it, or lifted its snooze there): its
   * notification, not yet gone out, is not sent after, to someone who already knows. Cleared when the episode ends.
   */
  seenAt: v.optional(IsoMoment),
});
export type RunState = v.InferOutput<typeof RunStateSchema>;

export const RunStatesSchema = v.record(ExchangeIdSchema, RunStateSchema);
export type RunStates = v.InferOutput<typeof RunStatesSchema>;

export const calmState: RunState = { phase: 'calm', raisedBy: [] };

/** A stored value, checked like any input: anything unreadable is no alert at all rather than a wrong one. */
export function parseRunStates(stored: unknown): RunStates {
  const result = v.safeParse(RunStatesSchema, stored ?? {});
  return result.success ? result.output : {};
}

export interface NextRunStateParameters {
  held: RunState | undefined;
  evaluation: Pick<RunEvaluation, 'level' | 'reasons'>;
  now: Date;
}
export interface NextRunStateReturnType {
  state: RunState;
  /** An episode began with this evaluation. */
  started: boolean;
  /** The episode ended with this evaluation. */
  ended: boolean;
}

export function nextRunState({ held = calmState, evaluation, now }: NextRunStateParameters): NextRunStateReturnType {
  const at = now.toISOString();
  const stirred = evaluation.reasons.filter((reason) => reason.effect === 'caution' || reason.effect === 'alert').map((reason) => reason.signal);
  const keep = { ...(held.endedAt === undefined ? {} : { endedAt: held.endedAt }), ...(held.snoozedUntil === undefined ? {} : { snoozedUntil: held.snoozedUntil }) };
  if (held.phase === 'calm') {
    if (evaluation.level !== 'alert') return { state: held, started: false, ended: false };
    return { state: { ...keep, phase: 'alert', startedAt: at, lastStirredAt: at, raisedBy: unique(stirred) }, started: true, ended: false };
  }
  const raisedBy = unique([...(held.raisedBy ?? []), ...stirred]);
  if (stirred.length > 0) return { state: { ...held, lastStirredAt: at, raisedBy }, started: false, ended: false };
  const ended = { state: { ...(held.snoozedUntil === undefined ? {} : { snoozedUntil: held.snoozedUntil }), phase: 'calm' as const, endedAt: at, raisedBy: [] }, started: false, ended: true };
  if (listEpisodeOver({ held, evaluation })) return ended;
  // Calm only counts as settled when the signals that raised the alert can be read again.
  const readable = raisedBy.every(
    (signal) =>
      signal === 'combined' ||
      evaluation.reasons.some((reason) => reason.signal === signal && reason.effect === 'calm') ||
      (signal === 'warning-list' && !evaluation.reasons.some((reason) => reason.signal === 'warning-list')),
  );
  const quietFor = now.getTime() - Date.parse(held.lastStirredAt ?? held.startedAt ?? at);
  if (!readable || quietFor < thresholdValue('run.settle-hours') * 3_600_000) return { state: { ...held, raisedBy }, started: false, ended: false };
  return ended;
}

export interface ListEpisodeOverParameters {
  held: RunState | undefined;
  evaluation: Pick<RunEvaluation, 'reasons'>;
}

/**
 * An episode that only warning-list entries raised is over as soon as no entry remains (the list
 * dropped it, it expired, the user unsubscribed) and nothing else stirs: the settle window keeps
 * noisy flows from alerting again, and an entry has no noise to wait out. No flow was read to
 * have calmed, so none is said to have. Lists that could not be checked are no sign the entry is
 * gone: the episode then goes on as it is (the settle path, which waits for them to be read).
 */
export function listEpisodeOver({ held, evaluation }: ListEpisodeOverParameters): boolean {
  const raisedBy = held?.raisedBy ?? [];
  return (
    held?.phase === 'alert' &&
    raisedBy.length > 0 &&
    raisedBy.every((signal) => signal === 'warning-list') &&
    !evaluation.reasons.some((reason) => reason.effect === 'caution' || reason.effect === 'alert' || (reason.signal === 'warning-list' && reason.effect === 'unknown'))
  );
}

export function isSnoozed(state: RunState | undefined, now: Date): boolean {
  return state?.snoozedUntil !== undefined && Date.parse(state.snoozedUntil) > now.getTime();
}

/** An alert the user has not silenced: it turns the badge red, leads the pill, and may notify. */
export function isActive(state: RunState | undefined, now: Date): boolean {
  return state?.phase === 'alert' && !isSnoozed(state, now);
}

/** "Snooze this exchange's alerts for a week", from the alert in the popup: an episode on is seen. */
export function snoozeRun(state: RunState | undefined, now: Date): RunState {
  const held = state ?? calmState;
  return { ...seen(held, now), snoozedUntil: new Date(now.getTime() + thresholdValue('run.snooze-days') * 86_400_000).toISOString() };
}

/**
 * The snooze lifted ("Turn alerts back on"): the episode goes on as it stands. `shown`: lifted where
 * the alert is drawn (the popup), so an episode that began while snoozed is seen too; lifted from the
 * options list, which names only the exchange, it may still be notified.
 */
export function unsnoozeRun(state: RunState, now: Date, shown = false): RunState {
  const { snoozedUntil: _lifted, ...rest } = state;
  return shown ? seen(rest, now) : rest;
}

/** An alert episode marked seen by the user, once; a calm state has no episode to mark. */
function seen(state: RunState, now: Date): RunState {
  return state.phase === 'alert' && state.seenAt === undefined ? { ...state, seenAt: now.toISOString() } : state;
}

export interface ShouldNotifyParameters {
  state: RunState | undefined;
  now: Date;
  /** The user recorded holdings on this exchange. */
  holdsHere: boolean;
  /** The notifications permission is granted and the user turned run notifications on. */
  mayNotify: boolean;
}

/**
 * How many times an episode's notification is tried when showing it fails: a refusal that lasts
 * (a platform without notifications, an icon the system cannot load) is not retried, nor logged,
 * every hour of an episode that may last days.
 */
export const NOTIFY_TRIES = 3;

/** At most one notification per episode, only to someone with money there who asked for it, and none for an alert they saw in the popup. */
export function shouldNotify({ state, now, holdsHere, mayNotify }: ShouldNotifyParameters): boolean {
  return holdsHere && mayNotify && isActive(state, now) && state?.notifiedAt === undefined && state?.seenAt === undefined && (state?.notifyFailures ?? 0) < NOTIFY_TRIES;
}

function unique(signals: readonly RunSignal[]): RunSignal[] {
  return SIGNALS.filter((signal) => signals.includes(signal));
}
