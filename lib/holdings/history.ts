import type { HistoryPoint } from './model';

/**
 * The self-custody share over time: at most one point per UTC day, oldest dropped past a cap,
 * so the stored list stays small however often the background recomputes.
 */

export const DEFAULT_HISTORY_LENGTH = 365;

export interface AppendHistoryPointParameters {
  history: readonly HistoryPoint[];
  now: number;
  /** The share to record; null records a day without a share to trust (something unvalued, or prices too old). */
  selfShare: number | null;
  maxPoints?: number;
}

export interface AppendHistoryPointReturnType {
  history: HistoryPoint[];
  /** False when today (or a later day, after a clock change) already has a point, or the share is not a share. */
  appended: boolean;
}

export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

export function appendHistoryPoint({ history, now, selfShare, maxPoints = DEFAULT_HISTORY_LENGTH }: AppendHistoryPointParameters): AppendHistoryPointReturnType {
  const unchanged = { history: [...history], appended: false };
  if (!Number.isFinite(now)) return unchanged;
  if (selfShare !== null && !(Number.isFinite(selfShare) && selfShare >= 0 && selfShare <= 1)) return unchanged;
  const day = utcDay(now);
  const last = history.at(-1);
  // ISO days compare as strings; a later stored day means the clock moved back, and we keep order.
  if (last !== undefined && last.day >= day) return unchanged;
  const cap = Math.max(1, Math.floor(maxPoints));
  const next = [...history, { day, selfShare }];
  return { history: next.slice(Math.max(0, next.length - cap)), appended: true };
}

/**
 * The days that have a share: what "N days of history" means wherever it is said (the import's answer, the
 * sentence under the chart). A stored day without a share (something unvalued, or prices too old) is not counted.
 */
export function recordedDays(history: readonly HistoryPoint[]): number {
  return history.filter((point) => point.selfShare !== null).length;
}

function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * An SVG path for a small line chart of shares in [0, 1] (0 at the bottom), evenly spaced across
 * `width`. A null or non-finite value breaks the line rather than drawing it at 0; an isolated
 * point becomes a zero-length segment, visible with `stroke-linecap="round"`. The scale is fixed
 * to 0–100 % so a small wobble does not look like a swing.
 */
export function sparklinePath(points: readonly (number | null)[], width: number, height: number): string {
  if (!(Number.isFinite(width) && width > 0 && Number.isFinite(height) && height > 0) || points.length === 0) return '';
  const step = points.length === 1 ? 0 : width / (points.length - 1);
  const parts: string[] = [];
  let drawing = false;
  points.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    const x = points.length === 1 ? width / 2 : i * step;
    const y = height - Math.min(1, Math.max(0, value)) * height;
    const isolated = !drawing && (i === points.length - 1 || points[i + 1] === null || !Number.isFinite(points[i + 1] as number));
    if (points.length === 1) {
      parts.push(`M0,${num(y)}L${num(width)},${num(y)}`);
    } else if (isolated) {
      parts.push(`M${num(x)},${num(y)}h0`);
    } else {
      parts.push(`${drawing ? 'L' : 'M'}${num(x)},${num(y)}`);
    }
    drawing = !isolated;
  });
  return parts.join('');
}
