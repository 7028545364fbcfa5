/**
 * The two parts of the card the shared text and picture say in the same words: the community
 * warnings (whose list warns, what it says, when it was published, its sources) and the trend of the
 * kept proof-of-reserves reports (each measure's first and last figure, its direction, and the days).
 */
import type { ActiveWarning } from '../community/active-warnings';
import { ALL_ASSETS, type TrendPoint, type TrendReports, type TrendSeries } from '../view/por-trend';
import { formatAmount, formatDate, formatRatio, formatUsd } from '../words/format';
import { pluralText } from '../words/plural';
import { gapAfter, joiners } from '../words/punctuation';
import { notTranslatedQuote } from '../words/text-language';
import type { MessageKey, Translate } from '../words/translate-from';
import { cutAtWord, oneLine } from './post-length';

/** A warning's body in the shared text, at most this long (X's weighting): the card holds the whole of it. */
const BODY_LIMIT = 200;

/** "Caution: Withdrawals slow (from “A list” at lists.example.org)": the severity, the title, and whose list it is. */
export function warningHead(warning: ActiveWarning, t: Translate, locale: string): string {
  const severity = t(`warningSeverity_${warning.severity}` as MessageKey);
  const { open, close } = joiners(locale);
  // A full-width colon (zh_CN "危险：") carries its own spacing, as on the card.
  const gap = gapAfter(severity, locale);
  const title = notTranslatedQuote(oneLine(warning.title), warning.listLang, t, locale);
  return `${severity}${gap}${title}${open}${t('warningFrom', [oneLine(warning.listName), warning.listHost])}${close}`;
}

/** The body, on one line and cut short when long, marked as untranslated when the list's language is not the reader's. */
export function warningBody(warning: ActiveWarning, t: Translate, locale: string): string {
  return notTranslatedQuote(cutAtWord(oneLine(warning.body), BODY_LIMIT), warning.listLang, t, locale);
}

/** "and 2 more warnings", in the reader's plural form. */
export function moreWarnings(count: number, t: Translate, locale: string): string {
  return pluralText(count, { one: 'shareText_moreWarningsOne', other: 'shareText_moreWarnings' }, t, locale, String(count));
}

/** The headline's "2 community warnings": short, and never left out when there are any. */
export function headWarnings(count: number, t: Translate, locale: string): string {
  return pluralText(count, { one: 'shareText_headWarningsOne', other: 'shareText_headWarnings' }, t, locale, String(count));
}

export interface TrendWords {
  /** "Trend over 2 reports, Aug 31, 2026 to Sep 30, 2026:" */
  heading: string;
  /** One line per series, as the card's rows: the asset, its first and last days, each measure's two figures and its direction. */
  series: { text: string; sources: string[] }[];
  /** The card's "no reserve ratio to compare" when no report gives one. */
  noRatio?: string;
  /** With no row to carry them, the links of the reports the heading counts, so its days have their sources. */
  sources: string[];
}

/** The card's trend (`PorTrend`) in the shared words, with a direction for each measure compared. */
export function trendWords(trend: { series: readonly TrendSeries[]; reports: TrendReports }, t: Translate, locale: string): TrendWords {
  const { reports } = trend;
  const date = (iso: string) => formatDate(iso, locale);
  const { colon, semicolon, comma } = joiners(locale);
  const heading = pluralText(reports.count, { one: 'shareText_trendOne', other: 'shareText_trend' }, t, locale, [String(reports.count), date(reports.from), date(reports.to)]);
  const unknown = t('unknownFigureInSentence');
  const series = trend.series.map(({ asset, points, compares }) => {
    const first = points[0];
    const last = points.at(-1);
    const name = asset === ALL_ASSETS ? t('porTrendAll') : asset;
    const amount = (value: number | undefined) => (value === undefined ? unknown : asset === ALL_ASSETS ? formatUsd(value, locale) : `${formatAmount(value, locale)} ${asset}`);
    const ratio = (value: number | undefined) => (value === undefined ? unknown : formatRatio(value, locale));
    const measures: string[] = [];
    if (compares.ratio) measures.push(t('shareText_trendRatio', [ratio(first?.ratio), ratio(last?.ratio), direction(first?.ratio, last?.ratio, t)]));
    if (compares.liabilities) measures.push(t('shareText_trendLiabilities', [amount(first?.liabilities), amount(last?.liabilities), direction(first?.liabilities, last?.liabilities, t)]));
    const sources = [...new Set([first, last].flatMap((point: TrendPoint | undefined) => (point?.source === undefined ? [] : [point.source])))];
    return { text: `${name}${comma}${date(first?.asOf ?? '')} → ${date(last?.asOf ?? '')}${colon}${measures.join(semicolon)}`, sources };
  });
  return { heading, series, ...(reports.ratios ? {} : { noRatio: t('porTrendNoRatio') }), sources: series.length === 0 ? reports.sources : [] };
}

/** "up", "down" or "unchanged" from the first figure to the last; "unknown" when either is missing. */
function direction(first: number | undefined, last: number | undefined, t: Translate): string {
  if (first === undefined || last === undefined) return t('shareText_trendUnknown');
  return t(last > first ? 'shareText_trendUp' : last < first ? 'shareText_trendDown' : 'shareText_trendSame');
}
