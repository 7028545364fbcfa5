import type { PorAttestation, PorCheck } from '../../lib/reserves/schema';
import type { PorCheckedReturnType } from '../../lib/view/por-checked';
import { ALL_ASSETS, type CheckRow, type TrendPoint, type TrendReports, type TrendSeries } from '../../lib/view/por-trend';
import { formatAge, formatAmount, formatDate, formatRatio, formatSignedAmount, formatSignedPercent, formatUsd } from '../../lib/words/format';
import { joiners } from '../../lib/words/punctuation';
import { useLocale, useT } from '../../utils/i18n';
import { SourceLink } from './parts';

/**
 * The report's two dates, kept apart: the day the report describes (the exchange's) and the day
 * we last confirmed it was the newest (ours). When our copy is the old one, it says "not checked
 * since", so our delay is never shown as the exchange's. Whether it is old is the verdict's
 * decision (`porChecked`, made with the view), so the details never disagree with the reasons above them. An exchange
 * that publishes none has no report to date: the label above says "none as of" the day we looked, so its source
 * line names only the source (a day too old to stand for today is said by the label's own late wording), unless we
 * hold no day ("date unknown"); never the source's own date.
 */
export function PorDates({ por, checked, now }: { por: PorAttestation; checked: PorCheckedReturnType | undefined; now: Date }) {
  const t = useT();
  const locale = useLocale();
  const { day, late } = checked ?? { day: undefined, late: false };
  const { open, close } = joiners(locale);
  return (
    <p class="provenance" data-testid="card-por-dates">
      <SourceLink href={por.source} />
      {/* A report whose source gives no date: its date is unknown, never the placeholder that orders the record. */}
      {por.method !== 'none' && por.undated === true && (
        <>
          {' · '}
          <span data-testid="card-por-describes">{t('reasonDateUnknown')}</span>
        </>
      )}
      {por.method !== 'none' && por.undated !== true && (
        <>
          {' · '}
          <time dateTime={por.asOf} data-testid="card-por-describes">
            {t('porReportDescribes', formatDate(por.asOf, locale))}
          </time>
          {open}
          {formatAge(por.asOf, now, locale, t)}
          {close}
        </>
      )}
      {/* A "none" source is never dated by its own date (an old filing or news story): the label says the day we looked, late or not. */}
      {(por.method === 'none' ? day === undefined : day !== undefined) && (
        <>
          {' · '}
          <time dateTime={day} data-testid="card-por-checked" data-late={late ? 'us' : undefined}>
            {day === undefined ? t('reasonDateUnknown') : t(late ? 'porNotCheckedSince' : 'porCheckedOn', formatDate(day, locale))}
          </time>
        </>
      )}
    </p>
  );
}

/**
 * Each major asset's ratio and customer liabilities over the kept reports, in words and, opened, as
 * a table. A measure with no figure at either end is left out of its row; when no row compares a
 * ratio, the card says so in words.
 */
export function PorTrend({ trend: { series, reports } }: { trend: { series: readonly TrendSeries[]; reports: TrendReports } }) {
  const t = useT();
  const locale = useLocale();
  const name = (asset: string) => (asset === ALL_ASSETS ? t('porTrendAll') : asset);
  const alone = t('unknownFigure');
  const ratio = (point: TrendPoint | undefined, unknown = alone) => (point?.ratio === undefined ? unknown : formatRatio(point.ratio, locale));
  const liabilities = (asset: string, point: TrendPoint | undefined, unknown = alone, unit = '') =>
    point?.liabilities === undefined ? unknown : asset === ALL_ASSETS ? formatUsd(point.liabilities, locale) : formatAmount(point.liabilities, locale) + unit;
  // The summary is a sentence: a missing figure there takes its mid-sentence form, and an amount names its asset.
  const inSentence = t('unknownFigureInSentence');
  return (
    <div class="por-trend" data-testid="card-por-trend">
      <p class="por-subheading">{t('porTrendTitle', [String(reports.count), formatDate(reports.from, locale), formatDate(reports.to, locale)])}</p>
      {series.map(({ asset, points, compares, columns }) => {
        const first = points[0];
        const last = points.at(-1);
        const span = [name(asset), formatDate(first?.asOf ?? '', locale), formatDate(last?.asOf ?? '', locale)];
        const ratios = [ratio(first, inSentence), ratio(last, inSentence)];
        const owed = [liabilities(asset, first, inSentence, ` ${asset}`), liabilities(asset, last, inSentence, ` ${asset}`)];
        return (
          <details key={asset} class="por-trend__asset" data-asset={asset}>
            <summary>
              {compares.ratio && compares.liabilities
                ? t('porTrendLine', [...span, ...ratios, ...owed])
                : compares.ratio
                  ? t('porTrendLineRatio', [...span, ...ratios])
                  : t('porTrendLineLiabilities', [...span, ...owed])}
            </summary>
            <table class="ratios">
              <caption class="visually-hidden">{t('porTrendCaption', name(asset))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('porTrendDate')}</th>
                  {columns.ratio && <th scope="col">{t('porTrendRatio')}</th>}
                  {columns.liabilities && <th scope="col">{t('porTrendLiabilities')}</th>}
                  <th scope="col">{t('sourceColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {[...points].reverse().map((point) => {
                  const date = formatDate(point.asOf, locale);
                  return (
                    <tr key={point.asOf} class={point.ratio !== undefined && point.ratio < 1 ? 'ratio--short' : ''}>
                      <th scope="row">
                        <time dateTime={point.asOf}>{date}</time>
                      </th>
                      {columns.ratio && <td>{ratio(point)}</td>}
                      {columns.liabilities && <td>{liabilities(asset, point)}</td>}
                      {/* Its own cell, so the row is named by its date alone; empty without an address that serves this report (`TrendPoint.source`). */}
                      <td>{point.source !== undefined && <SourceLink href={point.source} />}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        );
      })}
      {!reports.ratios && (
        <p class="muted" data-testid="card-por-trend-no-ratio">
          {t('porTrendNoRatio')}
        </p>
      )}
    </div>
  );
}

/**
 * The report's claimed reserves beside the coins counted in the exchange's published wallets, each
 * side with its date and source; `rows` are the check's in the card's order (`porCheckRows`).
 */
export function PorClaimCheck({ check, rows }: { check: PorCheck; rows: readonly CheckRow[] }) {
  const t = useT();
  const locale = useLocale();
  const claimDate = formatDate(check.claimAsOf, locale);
  const chainDate = formatDate(check.asOf, locale);
  return (
    <div class="por-check" data-testid="card-por-check">
      <p class="por-subheading">{t('porCheckTitle')}</p>
      <ul class="por-check__list">
        {rows.map((row) => (
          <li key={row.asset} data-asset={row.asset} class={row.difference < 0 ? 'negative' : undefined}>
            {t('porCheckLine', [
              row.asset,
              formatAmount(row.claimed, locale),
              claimDate,
              formatAmount(row.onchain, locale),
              chainDate,
              formatSignedAmount(row.difference, locale),
              row.share === undefined ? t('unknownFigure') : formatSignedPercent(row.share, locale),
            ])}
          </li>
        ))}
      </ul>
      <p class="provenance">
        {t('porCheckClaim')} <SourceLink href={check.claimSource} /> · <time dateTime={check.claimAsOf}>{claimDate}</time>
        {' · '}
        {t('porCheckOnchain')} <SourceLink href={check.source} /> · <time dateTime={check.asOf}>{chainDate}</time>
      </p>
    </div>
  );
}
