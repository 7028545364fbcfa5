import type { Language, Settings } from '@/lib/settings';
import { nudgeDecision, type NudgeDecisionReturnType } from '@/lib/view/nudge-policy';
import type { PageBalanceNudge, TabState } from '@/lib/view/exchange-view';
import { sha256Hex } from '@/lib/proofs/sha256';
import { defineLazyItem } from '@/utils/lazy-item';
import { updateItem } from '@/utils/in-turn';
import { deletedSince } from './delete-everything';

/**
 * What each open exchange tab last got of its view (tab id → `viewMark`), so a refresh that changed nothing in a tab's view
 * does not wake its script for nothing (open-tabs.ts). Kept for the session, not in the worker's memory: the worker sleeps
 * between refreshes. "Delete everything" clears it with the rest of the session.
 */
const toldViews = defineLazyItem<Record<string, string>>('session:toldViews', { fallback: {}, version: 1 });

/**
 * Whether the tab's pill shows, and opened, were it asked now: the same decision as the page's script makes from its answer
 * (exchange.content/decide.ts `decisionFor`), with the clock of now, so a timed snooze or the daily policy's day that ended
 * while the page stayed open changes the mark.
 */
export function pillDecision(
  state: Extract<TabState, { kind: 'exchange' }>,
  settings: Pick<Settings, 'nudgePolicy' | 'autoExpandOnDanger' | 'snoozes'>,
  seen: Record<string, number>,
  balance: PageBalanceNudge | undefined,
  now: number,
): NudgeDecisionReturnType {
  const id = state.view.id;
  const lastShownAt = Object.hasOwn(seen, id) ? seen[id] : undefined;
  const overOwnLimit = balance !== undefined && balance.kind !== 'risky-exchange';
  return nudgeDecision({ settings, view: state.view, lastShownAt, now, overOwnLimit, runAlert: state.view.runAlert?.active === true });
}

/**
 * A short mark of what the tab's script draws from its state: the view without the moment it was computed for (which moves at
 * every build), the language it is worded in, the balance line and whether the pill shows (`pillDecision`). The same view gives the same mark.
 */
export async function viewMark(state: Extract<TabState, { kind: 'exchange' }>, language: Language, balance: PageBalanceNudge | undefined, decision: NudgeDecisionReturnType): Promise<string> {
  const text = JSON.stringify([state, language, balance ?? null, decision.show, decision.expanded], canonical);
  // 64 bits of a SHA-256 tell one tab's views apart and keep the session entry short.
  return (await sha256Hex(text)).slice(0, 16);
}

/** Keys in one order, whatever order the view was built or read back from storage in, and without `computedAt`. */
function canonical(key: string, value: unknown): unknown {
  if (key === 'computedAt') return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export async function toldMarks(): Promise<Record<string, string>> {
  return toldViews.getValue();
}

/** The tab got the view `mark` stands for. `asked` (`deleteMark`, taken before the view was built): nothing is kept after a delete since. */
export async function rememberTold(tabId: number, mark: string, asked: number): Promise<void> {
  await updateItem(toldViews, (stored) => (deletedSince(asked) || stored[tabId] === mark ? stored : { ...stored, [tabId]: mark }));
}

/** A closed tab's mark goes with it. */
export async function forgetTold(tabId: number): Promise<void> {
  await updateItem(toldViews, (stored) => {
    if (!Object.hasOwn(stored, tabId)) return stored;
    const rest = { ...stored };
    delete rest[tabId];
    return rest;
  });
}
