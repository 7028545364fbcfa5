import type { HistoryPoint } from '../lib/holdings/model';
import { recordedDays, sparklinePath } from '../lib/holdings/history';
import { formatCount, formatDate, formatPercent } from '../lib/words/format';
import { useLocale, useT } from '../utils/i18n';

export interface SparklineProps {
  history: readonly HistoryPoint[];
  width?: number;
  height?: number;
  /** Unique per page: ties the drawing to its words. */
  id: string;
  /** The page values the holdings on prices more than two days old (`valuedOnOldPrices`): no point is recorded until they are recent. */
  oldPrices?: boolean;
}

/**
 * The self-custody share over time on a fixed 0–100 % scale. The drawing is decoration for
 * sighted readers; the sentence beside it carries the same numbers for everyone.
 */
export function Sparkline({ history, width = 120, height = 24, id, oldPrices = false }: SparklineProps) {
  const t = useT();
  const locale = useLocale();
  // Days with a share only, counted by recordedDays as the import counts them: today's unvalued point is not one.
  const known = history.filter((point) => point.selfShare !== null);
  const first = known[0];
  const last = known.at(-1);
  const text =
    first === undefined || last === undefined
      ? t(oldPrices ? 'sparklineEmptyOldPrices' : 'sparklineEmpty')
      : first === last
        ? t('sparklineOne', [formatPercent(last.selfShare!, locale, 0), formatDate(last.day, locale)])
        : t('sparklineRange', [
            formatCount(recordedDays(history), locale),
            formatPercent(first.selfShare!, locale, 0),
            formatDate(first.day, locale),
            formatPercent(last.selfShare!, locale, 0),
            formatDate(last.day, locale),
          ]);
  const d = sparklinePath(
    history.map((point) => point.selfShare),
    width,
    height,
  );
  return (
    <figure class="sparkline" data-testid="sparkline">
      {/* With no point yet, the sentence alone: an empty axis would look like a chart that failed to draw. */}
      {known.length > 0 && (
        <svg width={width} height={height + 4} viewBox={`0 -2 ${width} ${height + 4}`} aria-hidden="true" focusable="false">
          <line x1="0" y1={height} x2={width} y2={height} class="sparkline__axis" />
          {d !== '' && <path d={d} class="sparkline__line" data-testid="sparkline-path" />}
        </svg>
      )}
      <figcaption id={id} class="sparkline__text" data-testid="sparkline-text">
        {text}
      </figcaption>
    </figure>
  );
}
