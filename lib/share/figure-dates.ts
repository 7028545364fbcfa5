import { formatDate } from '../words/format';
import type { Translate } from '../words/translate-from';

export interface WithFigureDatesParameters {
  /** The line that says when and where the card was shared. */
  shared: string;
  /** The days the figures shown describe (their `asOf`, YYYY-MM-DD), in any order, repeats allowed. */
  dates: readonly string[];
  t: Translate;
  locale: string;
}

/**
 * A shared card's header: the day it was shared, then the days its figures describe, from the
 * oldest to the newest ("… · figures dated Apr 1, 2026 to Aug 10, 2026"). A card passed around
 * months later must not read as a fresh check: the day of sharing says nothing about the data,
 * and a single "as of" would date every figure by the newest one. The span names the oldest first,
 * and each figure keeps its own date below. No figure, no dates: the shared line alone.
 */
export function withFigureDates({ shared, dates, t, locale }: WithFigureDatesParameters): string {
  if (dates.length === 0) return shared;
  // YYYY-MM-DD sorts as the calendar does.
  const sorted = [...dates].sort();
  const oldest = formatDate(sorted[0]!, locale);
  const newest = formatDate(sorted.at(-1)!, locale);
  return `${shared} · ${oldest === newest ? t('shareFiguresDated', oldest) : t('shareFiguresDatedSpan', [oldest, newest])}`;
}
