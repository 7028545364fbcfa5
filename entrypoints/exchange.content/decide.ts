import type { PageState } from '@/lib/view/page-state';
import { nudgeDecision } from '@/lib/view/nudge-policy';
import type { FirstPaint, PillFace } from '@/lib/view/first-paint-view';
import type { Language } from '@/lib/settings';
import type { Corner } from '@/components/Pill';

export type TabBalanceNudge = Extract<PageState, { kind: 'exchange' }>['balanceNudge'];

/** Whether and how the pill shows, from the background's answer. */
export function decisionFor(state: Extract<PageState, { kind: 'exchange' }>) {
  const { settings, lastShownAt } = state.nudge ?? { settings: undefined };
  if (settings === undefined) return { show: false, expanded: false };
  // Over the user's own cap or share counts under "caution or worse" too; a risky-exchange
  // message already rides on a caution-or-worse level.
  const overOwnLimit = state.balanceNudge !== undefined && state.balanceNudge.kind !== 'risky-exchange';
  return nudgeDecision({ settings, view: state.view, lastShownAt, now: Date.now(), overOwnLimit, runAlert: state.view.runAlert?.active === true });
}

/** The same decision from the stored first paint: the same policy, the same snooze, the same clock. */
export function decisionFromStored({ entry, settings }: FirstPaint) {
  const overOwnLimit = entry.balanceNudge !== undefined && entry.balanceNudge.kind !== 'risky-exchange';
  return nudgeDecision({
    settings: { ...settings, snoozes: entry.snooze === undefined ? {} : { [entry.id]: entry.snooze } },
    view: { id: entry.id, verdict: { level: entry.level }, fingerprint: entry.fingerprint },
    lastShownAt: entry.lastShownAt,
    now: Date.now(),
    overOwnLimit,
    runAlert: entry.run !== undefined,
  });
}

/** Everything the collapsed pill shows, as one string: equal keys draw the same pill. */
export function faceKey({
  decision,
  face,
  corner,
  balanceNudge,
  language,
  words,
}: {
  decision: { show: boolean; expanded: boolean };
  face: PillFace;
  corner: Corner;
  balanceNudge?: TabBalanceNudge;
  language: Language;
  words: Record<string, string>;
}): string {
  const { id, name, level, grade, incomplete, warnings, run } = face;
  return JSON.stringify([
    decision.show,
    decision.expanded,
    id,
    name,
    level,
    grade,
    incomplete,
    warnings,
    run ?? '',
    corner,
    balanceNudge?.kind ?? '',
    balanceNudge?.text ?? '',
    language,
    // The pill's words as the background sends them (lib/words/pill-words.ts `PILL_WORDS`, no other key), in one order.
    Object.keys(words)
      .sort()
      .map((key) => [key, words[key]]),
  ]);
}
