import type { RiskLevel } from '../risk/order';
import type { Settings, Snooze } from '../settings';
import type { ExchangeView } from './exchange-view';

export interface NudgeDecisionParameters {
  settings: Pick<Settings, 'nudgePolicy' | 'autoExpandOnDanger' | 'snoozes'>;
  /** The exchange's view, or (for the stored first paint) its id, level and data fingerprint. */
  view: { id: string; verdict: { level: RiskLevel }; fingerprint: string };
  /** A run alert is on for this exchange: the pill shows under "caution or worse" and "daily" too. */
  runAlert?: boolean;
  /** When the pill was last shown for this exchange (ms since epoch), if ever. */
  lastShownAt: number | undefined;
  now: number;
  /**
   * The user's own limit is crossed here (their recorded holdings are above their cap or share):
   * the user set that line themselves, so under "caution or worse" it counts as a reason too.
   */
  overOwnLimit?: boolean;
}

export interface NudgeDecisionReturnType {
  show: boolean;
  /** Open the card without a click: only for danger, and only when the user allows it. */
  expanded: boolean;
}

const DAY_MS = 86_400_000;
const CAUTION_OR_WORSE: ReadonlySet<RiskLevel> = new Set(['caution', 'danger']);

/**
 * Whether the pill appears on this visit. A danger verdict still respects "off" and snoozes:
 * the user chose them; the toolbar badge keeps saying it. A card snooze hides the routine card,
 * not a run alert: a run has its own snooze (popup), and a muted run comes here as `runAlert` false.
 * "Off" hides the pill, run alert included (the badge and notifications still say a run).
 */
export function nudgeDecision({ settings, view, lastShownAt, now, overOwnLimit = false, runAlert = false }: NudgeDecisionParameters): NudgeDecisionReturnType {
  const hidden = { show: false, expanded: false };
  const snooze = settings.snoozes[view.id];
  if (!runAlert && snooze !== undefined && snoozeActive(snooze, view.fingerprint, now)) return hidden;
  switch (settings.nudgePolicy) {
    case 'off':
      return hidden;
    case 'caution-or-worse':
      if (!CAUTION_OR_WORSE.has(view.verdict.level) && !overOwnLimit && !runAlert) return hidden;
      break;
    case 'daily':
      if (lastShownAt !== undefined && now - lastShownAt < DAY_MS && !runAlert) return hidden;
      break;
    case 'every-visit':
      break;
  }
  return { show: true, expanded: settings.autoExpandOnDanger && view.verdict.level === 'danger' };
}

function snoozeActive(snooze: Snooze, fingerprint: string, now: number): boolean {
  return snooze.until === 'time' ? now < snooze.endsAt : snooze.fingerprint === fingerprint;
}

/**
 * The snoozes that still hide a card at `now`, the same ones would be: a timed one until its end; one "until the data
 * changes" while its exchange's data fingerprint (`fingerprints`, by exchange id) is the one it was made on. Without
 * `fingerprints` (a page that does not hold the data) every snooze until a data change is kept. The rest are spent: they
 * hide nothing again, so they are dropped from storage and from an export. Answers `snoozes` itself when none is spent.
 */
export function snoozesInForce(snoozes: Settings['snoozes'], now: number, fingerprints?: Readonly<Record<string, string>>): Settings['snoozes'] {
  const spent = (id: string, snooze: Snooze) =>
    snooze.until === 'time' ? now >= snooze.endsAt : fingerprints !== undefined && Object.hasOwn(fingerprints, id) && fingerprints[id] !== snooze.fingerprint;
  const kept = Object.entries(snoozes).filter(([id, snooze]) => !spent(id, snooze));
  return kept.length === Object.keys(snoozes).length ? snoozes : Object.fromEntries(kept);
}

/**
 * Changes whenever anything the verdict rests on changes: level, grade, whether it is complete,
 * or the dates of its figures. A complete verdict's fingerprint has no completeness mark, so
 * snoozes taken on complete verdicts keep holding.
 */
export function dataFingerprint(view: Pick<ExchangeView, 'verdict'>): string {
  const { level, grade, asOf, reasons, incomplete } = view.verdict;
  // The status reason's day is when our entry was last checked, not data about the exchange: moving it
  // wakes no snooze. It counts as '' (no day), so fingerprints stored before it had a day still match.
  const dates = reasons
    .map((reason) => (reason.code === 'status.operating' ? '' : (reason.asOf ?? '')))
    .sort()
    .join(',');
  return `${level}${incomplete === true ? '+incomplete' : ''}|${grade}|${asOf ?? ''}|${dates}`.slice(0, 200);
}

export type SnoozeChoice = '1d' | '7d' | 'data-change';

/** `view.fingerprint` is `dataFingerprint`'s, made with the view (`ExchangeView.fingerprint`). */
export function snoozeFor(choice: SnoozeChoice, view: { fingerprint: string }, now: number): Snooze {
  if (choice === 'data-change') return { until: 'data-change', fingerprint: view.fingerprint };
  return { until: 'time', endsAt: now + (choice === '1d' ? 1 : 7) * DAY_MS };
}
