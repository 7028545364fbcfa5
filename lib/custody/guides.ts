import { isExchangeId } from '../exchanges/exchange-id';
import { applyGuideAction, createGuideState, parseGuideState, type GuideAction, type GuideState, type ParseGuideStateReturnType } from './steps';

/**
 * One withdrawal guide per exchange: the coin, network, address and test of a withdrawal from
 * OKX say nothing about a withdrawal from Coinbase. These pure functions pick the guide a page
 * shows and keep a change of exchange from carrying one exchange's answers into another's guide.
 * The page stores the guide last worked on and each exchange's own, under a key of its own (utils/guide-state.ts).
 */

/** A new guide for `exchangeId` (or for no exchange yet, when it is null or not a registry id). */
export function freshGuideFor(exchangeId: string | null, now: Date = new Date()): GuideState {
  return { ...createGuideState(now), exchangeId: exchangeId !== null && isExchangeId(exchangeId) ? exchangeId : null };
}

export interface GuideForExchangeParameters {
  /** The guide last worked on, as stored (unchecked). */
  current: unknown;
  /** The own guide of the exchange the page was opened for, as stored (unchecked); undefined when it has none. */
  own: unknown;
  /** The exchange the page was opened for; undefined resumes the guide last worked on. */
  exchangeId: string | undefined;
  now?: Date;
}
export type GuideForExchangeReturnType = ParseGuideStateReturnType;

/** The guide a page opened for `exchangeId` shows: that exchange's own, else a fresh one for it. */
export function guideForExchange({ current, own, exchangeId, now = new Date() }: GuideForExchangeParameters): GuideForExchangeReturnType {
  const last = parseGuideState(current, now);
  if (exchangeId === undefined || last.state.exchangeId === exchangeId) return last;
  if (own === undefined || own === null) return { state: freshGuideFor(exchangeId, now), reset: false, reason: null };
  const parsed = parseGuideState(own, now);
  if (parsed.reset && parsed.state.exchangeId === null) return { ...parsed, state: freshGuideFor(exchangeId, now) };
  if (parsed.state.exchangeId !== exchangeId) return { state: freshGuideFor(exchangeId, now), reset: true, reason: 'other-exchange' };
  return parsed;
}

/** Each exchange's saved guide that still reads, by exchange id, from the stored values by exchange id; damaged and misfiled ones are left out. */
export function savedGuides(byExchange: Iterable<readonly [exchangeId: string, stored: unknown]>, now: Date = new Date()): Map<string, GuideState> {
  const guides = new Map<string, GuideState>();
  for (const [exchangeId, stored] of byExchange) {
    if (stored === undefined || stored === null) continue;
    const parsed = parseGuideState(stored, now);
    if (!parsed.reset && parsed.state.exchangeId === exchangeId) guides.set(exchangeId, parsed.state);
  }
  return guides;
}

export interface ApplyGuideActionForParameters {
  state: GuideState;
  action: GuideAction;
  /** Another exchange's saved guide, if it has one. */
  savedGuideOf: (exchangeId: string) => GuideState | undefined;
  now?: Date;
}
export type ApplyGuideActionForReturnType = GuideState;

/**
 * `applyGuideAction` for a guide that belongs to one exchange. Choosing another exchange does
 * not take this one's answers along: that exchange's own saved guide takes over, or a fresh one
 * holding only the route just chosen. A guide with no exchange yet becomes the chosen one's.
 * Starting over starts this exchange's guide over.
 */
export function applyGuideActionFor({ state, action, savedGuideOf, now = new Date() }: ApplyGuideActionForParameters): ApplyGuideActionForReturnType {
  if (action.type === 'reset') return freshGuideFor(state.exchangeId, now);
  const next = applyGuideAction(state, action, now);
  if (state.exchangeId === null || next.exchangeId === state.exchangeId) return next;
  const saved = next.exchangeId === null ? undefined : savedGuideOf(next.exchangeId);
  return saved ?? applyGuideAction(freshGuideFor(next.exchangeId, now), action, now);
}
