import type { GradeExchangeReturnType } from '../risk/grade';
import type { RiskLevel } from '../risk/order';
import type { ExchangeView } from '../view/exchange-view';
import type { Cadence, PorMethod } from '../reserves/schema';
import type { IncidentKind } from '../exchanges/types';
import { cleanUrl } from './summary';
import { reasonText } from '../words/reason-text';
import { notTranslatedQuote } from '../words/text-language';
import { gapAfter, joiners } from '../words/punctuation';
import { pluralText } from '../words/plural';
import { reasonsWorstFirst } from '../view/card-reasons';
import { porChecked, type PorCheckedReturnType } from '../view/por-checked';
import { formatDate, formatLocalDate, formatRatio, formatSignedUsd, formatUsd } from '../words/format';
import { withFigureDates } from './figure-dates';
import { cutToPostLength, LINK_WEIGHT, oneLine, POST_LIMIT, postLength } from './post-length';
import { headWarnings, moreWarnings, trendWords, warningBody, warningHead } from './warnings-trend';
import type { MessageKey, Translate } from '../words/translate-from';

export interface ShareTextParameters {
  view: ExchangeView;
  /** Overrides `view.verdict` (e.g. a verdict graded for another moment); defaults to it. */
  verdict?: (Pick<GradeExchangeReturnType, 'level' | 'grade' | 'reasons'> & Partial<Pick<GradeExchangeReturnType, 'incomplete'>>) | undefined;
  /** The moment the card is shared; printed as the day it was shared, beside the days its figures describe. */
  now: Date;
  t: Translate;
  /** BCP 47 tag for numbers, dates and the reasons' words (`en-US`, `de-DE`), written as the card writes them. */
  locale?: string | undefined;
}

export interface ShareTextReturnType {
  /** "Binance on Reserve Radar", for the Web Share API's `title`. */
  title: string;
  /** One line for short-text share targets, at most 280 characters as X counts them (a link as 23), its source link whole. */
  headline: string;
  /** The whole card as plain text: every figure with its date and source link. */
  text: string;
  /** Every link in `text`, cleaned, without repeats, in order of first appearance. */
  links: string[];
}

type Verdict = NonNullable<ShareTextParameters['verdict']>;

const LEVEL_KEYS: Readonly<Record<RiskLevel, MessageKey>> = {
  ok: 'shareText_levelOk',
  caution: 'shareText_levelCaution',
  danger: 'shareText_levelDanger',
  unknown: 'shareText_levelUnknown',
};

const METHOD_KEYS: Readonly<Record<PorMethod, MessageKey>> = {
  'zk-proof': 'shareText_method_zk_proof',
  'merkle-liabilities': 'shareText_method_merkle_liabilities',
  'auditor-attestation': 'shareText_method_auditor_attestation',
  'wallet-list': 'shareText_method_wallet_list',
  none: 'shareText_method_none',
};

const CADENCE_KEYS: Readonly<Record<Cadence, MessageKey>> = {
  daily: 'shareText_cadence_daily',
  weekly: 'shareText_cadence_weekly',
  monthly: 'shareText_cadence_monthly',
  quarterly: 'shareText_cadence_quarterly',
  irregular: 'shareText_cadence_irregular',
  unknown: 'shareText_cadence_unknown',
};

const INCIDENT_KEYS: Readonly<Record<IncidentKind, MessageKey>> = {
  hack: 'shareText_incident_hack',
  'withdrawal-halt': 'shareText_incident_withdrawal_halt',
  insolvency: 'shareText_incident_insolvency',
  regulatory: 'shareText_incident_regulatory',
};

/** Reasons in the shared text; the worst come first, so the cut drops the least important. */
const MAX_REASONS = 6;
const MAX_TOP_TOKENS = 5;
const MAX_INCIDENTS = 5;
const MAX_WARNINGS = 5;

/**
 * The shareable risk card as plain text, in the reader's language. Pure: the same view,
 * verdict, moment and words always give the same text. Every figure carries its date and its
 * source link, written with the card's formatters (`lib/words/format.ts`), so the same figure
 * reads the same in the card, its text and its picture; every link is passed through `cleanUrl`,
 * and a link that is not http(s) is left out rather than shared. Notes from the data stay in
 * English, said so in other languages.
 */
export function shareText({ view, verdict: override, now, t, locale: asked = 'en-US' }: ShareTextParameters): ShareTextReturnType {
  const locale = usableLocale(asked);
  // Views built before the verdict moved into ExchangeView may lack it; the card then says nothing about a grade.
  const verdict: ShareTextParameters['verdict'] = override ?? (view.verdict as ExchangeView['verdict'] | undefined);
  const dataNote = (text: string) => notTranslatedQuote(text, 'en', t, locale);
  const usd = (value: number) => formatUsd(value, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const figureDates: string[] = [];
  const links: string[] = [];
  const link = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    const clean = cleanUrl(url);
    if (clean !== undefined && !links.includes(clean)) links.push(clean);
    return clean;
  };
  const { open, close, comma } = joiners(locale);
  // Linkers that run a link up to the next space would take a full-width mark glued to it (Chinese
  // "，https://…）") into the link: there the link follows the aside, after a space.
  const linkOutside = FULL_WIDTH.test(close);
  const cite = (source: string | undefined, asOf: string | undefined): string => aside(source, asOf === undefined ? undefined : t('shareText_asOf', date(asOf)));
  /** `dated` (words with a date) and the source's links, in brackets, in the language's way. */
  const aside = (source: string | readonly string[] | undefined, dated: string | undefined): string => {
    const urls = (typeof source === 'string' || source === undefined ? [source] : source).flatMap((one) => link(one) ?? []);
    const url = urls.length === 0 ? undefined : urls.join(' ');
    if (linkOutside) return `${dated === undefined ? '' : `${open}${dated}${close}`}${url === undefined ? '' : ` ${url}`}`;
    const parts = [dated, url].filter((part) => part !== undefined);
    return parts.length === 0 ? '' : `${open}${parts.join(comma)}${close}`;
  };
  const levelWords = (of: Verdict) => (of.incomplete === true && of.level !== 'unknown' ? t('shareText_incomplete', t(LEVEL_KEYS[of.level])) : t(LEVEL_KEYS[of.level]));

  // The day it is shared is the user's own, as the card writes moments the user made; figures keep their UTC days.
  const shared = formatLocalDate(now.toISOString(), locale);
  // The heading names the days of the figures below it, so it is written once they are.
  const lines: string[] = [''];

  if (verdict !== undefined) {
    // An ungraded verdict ("?" on the card) names no grade: away from the card a "?" says nothing.
    lines.push('', verdict.grade === '?' ? t('shareText_verdictNoGrade', levelWords(verdict)) : t('shareText_verdict', [levelWords(verdict), verdict.grade]));
    // The card's order (danger, caution, unknown, information), so the cut keeps the cause of the verdict.
    const findings = reasonsWorstFirst(verdict.reasons);
    const shown = findings.slice(0, MAX_REASONS);
    for (const reason of shown) lines.push(`- ${reasonText(reason, t, locale, now)}${cite(reason.source, reason.asOf)}`);
    const hidden = findings.length - shown.length;
    if (hidden > 0) lines.push(`- ${pluralText(hidden, { one: 'shareText_moreReasonsOne', other: 'shareText_moreReasons' }, t, locale, String(hidden))}`);
  }

  // The community warnings the card shows, worst first as there: whose list, what it says, when, and its sources.
  if (view.warnings.length > 0) {
    lines.push('', t('shareText_warnings'));
    for (const warning of view.warnings.slice(0, MAX_WARNINGS)) {
      lines.push(`- ${warningHead(warning, t, locale)}${joiners(locale).colon}${warningBody(warning, t, locale)}${aside(warning.sources, t('shareText_warningPublished', date(warning.published)))}`);
    }
    if (view.warnings.length > MAX_WARNINGS) lines.push(`- ${moreWarnings(view.warnings.length - MAX_WARNINGS, t, locale)}`);
  }
  // Lists that could not be checked are said, in the sharer's voice, so no warnings section does not read as "no warnings".
  else if (view.warningListsUnread === true) lines.push('', t('shareText_warningListsUnread'));

  lines.push('');
  const { status } = view;
  // The day this entry's status was checked, not the day it is shared: "no closure on record" is true of our list as of then.
  if (status.kind === 'operating') lines.push(t('shareText_statusOperating', date(status.checkedOn)));
  else {
    const said = t(status.kind === 'collapsed' ? 'shareText_statusCollapsed' : 'shareText_statusClosed', date(status.date));
    lines.push(`${said}${gapAfter(said, locale)}${dataNote(status.history)}${cite(status.source, undefined)}`);
  }

  const { por } = view;
  // The card's staleness decision (the verdict's), so the text says our delay where the card does.
  const checked = por === undefined ? undefined : porChecked({ por, reasons: verdict?.reasons ?? [], now });
  if (por === undefined) {
    lines.push(t('shareText_porUnknown'));
  } else if (por.method === 'none') {
    // No report, so no snapshot and no schedule: the day we looked and where.
    const day = checked?.day;
    // The day we looked is ours, not a figure's: it stays out of the heading's "figures dated" span.
    // "None published" is said as of that day, never as a present fact; a day too old to stand for today, as found
    // then; without a day, "none found", and that the day of our check is unknown, as the card's source line says it.
    const none = day === undefined ? t('shareText_porNone') : t(checked?.late ? 'shareText_porNoneLate' : 'shareText_porNoneAsOf', date(day));
    lines.push(`${none}${aside(por.source, day === undefined ? t('shareText_checkDayUnknown') : undefined)}`);
    if (por.note !== undefined) lines.push(`  ${t('shareText_note', dataNote(oneLine(por.note)))}`);
  } else {
    const details = [t(METHOD_KEYS[por.method]), t(CADENCE_KEYS[por.cadence])];
    if (por.snapshotDate !== undefined) details.push(t('shareText_balancesTaken', date(por.snapshotDate)));
    if (por.publishedDate !== undefined) details.push(t('shareText_reportPublished', date(por.publishedDate)));
    if (por.attestor !== undefined) details.push(t('shareText_attestor', por.attestor));
    // As the card's details: the day the report describes, and beside it the day we last checked when our copy is too
    // old, so the report's age is not read as the exchange's delay.
    // A report whose source gives no date is said undated, as the card says it, and dates no figure.
    const dated = por.undated !== true;
    lines.push(`${t('shareText_por', details.join(comma))}${aside(por.source, dated ? t('shareText_asOf', date(por.asOf)) + unchecked(checked, date, t, comma) : t('reasonDateUnknown'))}`);
    if (dated) figureDates.push(por.asOf);
    const figures: string[] = [];
    if (por.totalReserveRatio !== undefined) figures.push(t('shareText_allCovered', formatRatio(por.totalReserveRatio, locale)));
    for (const [symbol, ratio] of Object.entries(por.reserveRatios ?? {})) figures.push(`${symbol} ${formatRatio(ratio, locale)}`);
    if (figures.length > 0) lines.push(`  ${t('shareText_reserveRatios', figures.join(comma))}`);
    if (por.liabilitiesUsd !== undefined) lines.push(`  ${t('shareText_customerBalances', usd(por.liabilitiesUsd))}`);
    if (por.note !== undefined) lines.push(`  ${t('shareText_note', dataNote(oneLine(por.note)))}`);
    const verifier = link(por.verifier);
    if (verifier !== undefined) lines.push(`  ${t('shareText_verifier', verifier)}`);
  }
  // The card draws the trend of the kept reports under the report itself: the same rows, each with its direction and days.
  if (por !== undefined && view.porTrend !== undefined) {
    const trend = trendWords(view.porTrend, t, locale);
    lines.push(`  ${trend.heading}`);
    for (const series of trend.series) lines.push(`  - ${series.text}${aside(series.sources, undefined)}`);
    if (trend.noRatio !== undefined) lines.push(`  ${trend.noRatio}${aside(trend.sources, undefined)}`);
  }
  const porPage = link(view.porUrl);
  if (porPage !== undefined) lines.push(`  ${t('shareText_porPage', porPage)}`);

  const { onchain } = view;
  // A section the card shows as "Unknown" is said unknown here too, not left out.
  if (onchain === undefined) lines.push(t('shareText_onchain', t('unknownFigureInSentence')));
  else {
    const parts = [t('shareText_onchainTotal', usd(onchain.totalUsd)), t('shareText_onchainClean', usd(onchain.cleanUsd))];
    if (onchain.ownTokenUsd !== undefined) parts.push(t('shareText_onchainOwn', usd(onchain.ownTokenUsd)));
    lines.push(`${t('shareText_onchain', parts.join(comma))}${cite(onchain.source, onchain.asOf)}`);
    figureDates.push(onchain.asOf);
    if (onchain.topTokens !== undefined && onchain.topTokens.length > 0) {
      const top = onchain.topTokens.slice(0, MAX_TOP_TOKENS).map((token) => `${token.symbol} ${usd(token.usd)}`);
      const breakdownAsOf = onchain.breakdownAsOf ?? onchain.asOf;
      lines.push(`  ${t('shareText_largest', top.join(comma))}${cite(onchain.breakdownSource ?? onchain.source, breakdownAsOf)}`);
      figureDates.push(breakdownAsOf);
    }
  }

  const { flows } = view;
  // Unknown flows need no sign legend ("positive = onto the exchange"): there is no figure to read it on.
  if (flows === undefined) lines.push(t('shareText_flowsUnknown'));
  else {
    const windows = (
      [
        ['shareText_flow24h', flows.net24hUsd],
        ['shareText_flow7d', flows.net7dUsd],
        ['shareText_flow30d', flows.net30dUsd],
      ] as const
    ).flatMap(([key, value]) => (value === undefined ? [] : [t(key, formatSignedUsd(value, locale))]));
    lines.push(`${windows.length > 0 ? t('shareText_flows', windows.join(comma)) : t('shareText_flowsUnknown')}${cite(flows.source, flows.asOf)}`);
    if (windows.length > 0) figureDates.push(flows.asOf);
  }

  if (view.incidents.length > 0) {
    lines.push(t('shareText_incidents'));
    const newestFirst = [...view.incidents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    for (const incident of newestFirst.slice(0, MAX_INCIDENTS)) {
      lines.push(`- ${date(incident.date)} ${t(INCIDENT_KEYS[incident.kind])}${joiners(locale).colon}${dataNote(oneLine(incident.summary))}${cite(incident.source, undefined)}`);
    }
    if (newestFirst.length > MAX_INCIDENTS)
      lines.push(`- ${pluralText(newestFirst.length - MAX_INCIDENTS, { one: 'shareText_moreIncidentsOne', other: 'shareText_moreIncidents' }, t, locale, String(newestFirst.length - MAX_INCIDENTS))}`);
  }

  lines.push('', t('shareText_footer'));
  lines[0] = withFigureDates({ shared: t('shareText_heading', [view.name, shared]), dates: figureDates, t, locale });

  const title = t('shareText_title', view.name);
  // Free text (notes, histories, reason messages) can carry links of its own; they are cleaned too.
  const text = cleanLinksIn(lines.join('\n'), links);
  return { title, headline: cleanLinksIn(headline({ view, verdict, checked, shared, date, link, t, locale }), links), text, links };
}

/** CJK Symbols and Punctuation and the full-width forms: a link ends at them. */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
const LINK_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()[\]{}“”\u3000-\u303f\uff00-\uffef]+/gi;

/** Cleans every http(s) link in `text` and records it in `links`; a trailing full stop or comma stays text. */
function cleanLinksIn(text: string, links: string[]): string {
  return text.replace(LINK_IN_TEXT, (match) => {
    const trailing = /[.,;:!?]+$/.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - trailing.length);
    const clean = cleanUrl(url) ?? url;
    if (!links.includes(clean)) links.push(clean);
    return clean + trailing;
  });
}

/**
 * ", we last checked on C" when `checked` says our copy of a report is too old to stand for today, else nothing. The
 * card's "not checked since" agrees with its "report"; after "Proof of reserves: <method>" these words agree with no noun.
 */
function unchecked(checked: PorCheckedReturnType | undefined, date: (iso: string) => string, t: Translate, comma: string): string {
  return checked?.late === true && checked.day !== undefined ? `${comma}${t('shareText_notCheckedSince', date(checked.day))}` : '';
}

function headline({
  view,
  verdict,
  checked,
  shared,
  date,
  link,
  t,
  locale,
}: {
  view: ExchangeView;
  verdict: ShareTextParameters['verdict'];
  checked: PorCheckedReturnType | undefined;
  locale: string;
  shared: string;
  date: (iso: string) => string;
  link: (url: string | undefined) => string | undefined;
  t: Translate;
}): string {
  const parts = [view.name];
  if (verdict !== undefined) {
    const short =
      verdict.level === 'unknown' ? t('shareText_short_unknown') : verdict.incomplete === true ? t('shareText_shortIncomplete', t(LEVEL_KEYS[verdict.level])) : t(LEVEL_KEYS[verdict.level]);
    parts.push(verdict.grade === '?' ? short : t('shareText_headGrade', [verdict.grade, short]));
  }
  // A grade beside a community warning it does not count must not read as the whole story: the count, short.
  if (view.warnings.length > 0) parts.push(headWarnings(view.warnings.length, t, locale));
  if (view.status.kind !== 'operating') parts.push(t(view.status.kind === 'collapsed' ? 'shareText_headCollapsed' : 'shareText_headClosed', date(view.status.date)));
  else if (view.por?.method === 'none') {
    // As the text below and the card say it: a day too old to stand for today is "found when we last checked", not "as of"; no day, "date of our check unknown".
    const day = checked?.day;
    const { open, close } = joiners(locale);
    parts.push(
      day === undefined ? `${t('shareText_headPorNone')}${open}${t('shareText_checkDayUnknown')}${close}` : t(checked?.late ? 'shareText_headPorNoneLate' : 'shareText_headPorNoneAsOf', date(day)),
    );
  } else if (view.por?.undated === true) {
    // No date to say "as of": the method, and that its date is unknown, as the text below says it.
    const { open, close } = joiners(locale);
    parts.push(`${t('shareText_por', t(METHOD_KEYS[view.por.method]))}${open}${t('reasonDateUnknown')}${close}`);
  } else if (view.por !== undefined) parts.push(t('shareText_headPor', [t(METHOD_KEYS[view.por.method]), date(view.por.asOf)]) + unchecked(checked, date, t, joiners(locale).comma));
  else parts.push(t('shareText_headPorUnknown'));
  const said = parts.join(' · ');
  const source = link(view.status.kind === 'operating' ? (view.por?.source ?? view.porUrl) : view.status.source);
  const withLink = (words: string) => (source === undefined ? words : `${words} ${source}`);
  // Measured as a post is (a link counts as 23). The link is what lets a reader check the line, so it is never
  // cut: an over-long line first loses the day it is shared, then, as a last resort, the end of its words.
  for (const words of [`${said} · ${t('shareText_headShared', shared)}`, said]) if (postLength(withLink(words)) <= POST_LIMIT) return withLink(words);
  return withLink(cutToPostLength(said, source === undefined ? POST_LIMIT : POST_LIMIT - 1 - LINK_WEIGHT));
}

/** An ill-formed tag falls back to English numbers rather than failing the share. */
function usableLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
