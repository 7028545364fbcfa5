/**
 * The shareable card as a picture, drawn with plain 2D canvas calls on the user's device: no
 * server, no HTML-to-image copy, nothing from a page parsed as markup. Content and layout are
 * separate from painting so both can be tested without a browser.
 */
import type { ExchangeView } from '../view/exchange-view';
import type { RiskLevel } from '../risk/order';
import { cleanUrl } from './summary';
import { assetRank } from '../risk/assets';
import { formatDate, formatList, formatLocalDate, formatRatio, formatShare, formatSignedUsd, formatUsd } from '../words/format';
import { levelWords } from '../words/level-words';
import { withFigureDates } from './figure-dates';
import { porLabel } from '../words/por-label';
import { porChecked } from '../view/por-checked';
import { reasonText } from '../words/reason-text';
import { notTranslatedQuote } from '../words/text-language';
import { joiners } from '../words/punctuation';
import { wrap } from './wrap-lines';
import { moreWarnings, trendWords, warningHead } from './warnings-trend';
import { reasonsWorstFirst } from '../view/card-reasons';
import { largestListedAsset } from '../view/listed-shares';
import type { Translate } from '../words/translate-from';

export const SHARE_IMAGE_WIDTH = 1200;
const PADDING = 56;
const MAX_REASONS = 3;
const MAX_WARNINGS = 3;

// The light theme of card.css: a shared picture looks the same whatever theme its maker uses.
const COLORS = {
  bg: '#ffffff',
  fg: '#1b1b1f',
  muted: '#45464f',
  border: '#c6c6d0',
  accent: '#1a5fb4',
  levels: {
    ok: { fg: '#1e7b34', bg: '#e3f4e6', dot: '#1e7b34' },
    caution: { fg: '#8a5a00', bg: '#fff2d6', dot: '#8a5a00' },
    danger: { fg: '#b3261e', bg: '#fde7e5', dot: '#b3261e' },
    unknown: { fg: '#5f6368', bg: '#eceef1', dot: '#5f6368' },
  },
} as const;

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const FONTS = {
  title: { font: `700 52px ${FONT_FAMILY}`, lineHeight: 64 },
  heading: { font: `700 22px ${FONT_FAMILY}`, lineHeight: 32 },
  body: { font: `400 26px ${FONT_FAMILY}`, lineHeight: 36 },
  small: { font: `400 20px ${FONT_FAMILY}`, lineHeight: 28 },
  chip: { font: `700 24px ${FONT_FAMILY}`, lineHeight: 32 },
} as const;

export type ShareImageStyle = 'heading' | 'body' | 'muted' | 'alert' | 'small';

export interface ShareImageSection {
  heading?: string;
  lines: { text: string; style: ShareImageStyle }[];
}

export interface ShareImageContent {
  name: string;
  level: RiskLevel;
  grade: string;
  /** The level in the card's words, qualified as the card qualifies it ("Caution · incomplete"). */
  levelLabel: string;
  /** The day it was shared and the days its figures describe. */
  shared: string;
  sections: ShareImageSection[];
  /** Hostnames of every source, cleaned, without repeats. */
  sourceDomains: string[];
  sources: string;
  footnote: string;
}

/** The picture's text alternative: name, level and grade as drawn, and the days; an ungraded verdict names no grade ("?" means nothing read aloud). */
export function shareImageAlt(content: Pick<ShareImageContent, 'name' | 'levelLabel' | 'grade' | 'shared'>, t: Translate): string {
  return content.grade === '?' ? t('shareImageAltNoGrade', [content.name, content.levelLabel, content.shared]) : t('shareImageAlt', [content.name, content.levelLabel, content.grade, content.shared]);
}

export interface ShareImageContentParameters {
  view: ExchangeView;
  now: Date;
  t: Translate;
  locale: string;
}

/** What the picture says, in the reader's words: the essentials, each figure with its date. */
export function shareImageContent({ view, now, t, locale }: ShareImageContentParameters): ShareImageContent {
  const { por, onchain, flows, status, verdict } = view;
  const date = (iso: string) => formatDate(iso, locale);
  const dated = (text: string, asOf: string) => t('shareImageFigure', [text, date(asOf)]);
  const { colon, open, close } = joiners(locale);
  const sections: ShareImageSection[] = [];
  const urls: (string | undefined)[] = [];
  const figureDates: string[] = [];

  if (status.kind !== 'operating') {
    // The data's history is kept in English; in another language the picture says so.
    const history = notTranslatedQuote(status.history, 'en', t, locale);
    sections.push({ lines: [{ text: `${t(status.kind === 'collapsed' ? 'statusCollapsed' : 'statusClosed')}${open}${date(status.date)}${close}${colon}${history}`, style: 'alert' }] });
    urls.push(status.source);
  }

  // The community warnings the card shows, worst first: whose list warns, what it says (its title), the day it was published.
  if (view.warnings.length > 0) {
    const shown = view.warnings.slice(0, MAX_WARNINGS);
    const lines: ShareImageSection['lines'] = shown.map((warning) => ({ text: `${warningHead(warning, t, locale)} · ${date(warning.published)}`, style: 'body' as const }));
    if (view.warnings.length > shown.length) lines.push({ text: moreWarnings(view.warnings.length - shown.length, t, locale), style: 'muted' });
    sections.push({ heading: t('cardWarnings'), lines });
    for (const warning of shown) urls.push(...warning.sources);
  }
  // Lists that could not be checked are said, so no warnings section does not read as "no warnings".
  else if (view.warningListsUnread === true) sections.push({ heading: t('cardWarnings'), lines: [{ text: t('shareText_warningListsUnread'), style: 'muted' }] });

  const porLines: ShareImageSection['lines'] = [];
  if (por === undefined) {
    porLines.push({ text: t('porUnknown'), style: 'body' });
  } else {
    const checked = porChecked({ por, reasons: verdict.reasons, freshness: verdict.metrics.porFreshness, now });
    // A "none" without the day we looked is said as the shared text says it: none found, the day of our check unknown.
    // A bare "date unknown" under "No proof of reserves" could read as the exchange's date being unknown.
    const undatedNone = por.method === 'none' && checked.day === undefined;
    porLines.push({ text: undatedNone ? `${t('shareText_porNone')}${open}${t('shareText_checkDayUnknown')}${close}` : porLabel(por, t, locale, checked), style: 'body' });
    const ratios = Object.entries(por.reserveRatios ?? {})
      .sort(([a], [b]) => assetRank(a) - assetRank(b))
      .map(([asset, ratio]) => `${asset} ${formatRatio(ratio, locale)}`);
    if (ratios.length > 0) porLines.push({ text: `${t('reserveRatios')}${colon}${formatList(ratios, locale, { style: 'narrow' })}`, style: 'body' });
    // A "none" record's date is the period we looked at, not a report's: the day we looked instead, as the card says it.
    // That day is ours, not a figure's, so it stays out of the header's "figures dated" span.
    if (por.method !== 'none') {
      // As the card's details: the day we last checked beside the report's date when our copy is too old, never its date
      // alone; in the shared words, which agree with no noun and name the check as ours.
      const unchecked = checked.late && checked.day !== undefined ? ` · ${t('shareText_notCheckedSince', date(checked.day))}` : '';
      // A report whose source gives no date: "date unknown", and no figure dated by the placeholder that orders it.
      if (por.undated === true) porLines.push({ text: t('reasonDateUnknown'), style: 'muted' });
      else {
        porLines.push({ text: `${t('asOf', date(por.asOf))}${unchecked}`, style: 'muted' });
        figureDates.push(por.asOf);
      }
    }
    urls.push(por.source);
    // The card's trend of the kept reports, under the report: each row's figures, direction and days.
    if (view.porTrend !== undefined) {
      const trend = trendWords(view.porTrend, t, locale);
      porLines.push({ text: trend.heading, style: 'muted' }, ...trend.series.map((series) => ({ text: `• ${series.text}`, style: 'body' as const })));
      if (trend.noRatio !== undefined) porLines.push({ text: trend.noRatio, style: 'muted' });
      for (const series of trend.series) urls.push(...series.sources);
      urls.push(...trend.sources);
    }
  }
  sections.push({ heading: t('cardProofOfReserves'), lines: porLines });

  const onchainLines: ShareImageSection['lines'] = [];
  if (onchain === undefined) {
    onchainLines.push({ text: t('unknownFigure'), style: 'muted' });
  } else {
    onchainLines.push({ text: dated(t('onchainTotal', formatUsd(onchain.totalUsd, locale)), onchain.asOf), style: 'body' });
    figureDates.push(onchain.asOf);
    const concentration = verdict.metrics.concentration;
    if (concentration?.ownTokenShare !== undefined) onchainLines.push({ text: `${t('shareOwnToken')}${colon}${formatShare(concentration.ownTokenShare, locale)}`, style: 'body' });
    // As the card shows it (listed-shares.ts), from the breakdown and dated by it.
    const largest = largestListedAsset(concentration);
    const label = largest.symbol === undefined ? t('shareTopAssetUnnamed') : t('shareTopAsset', largest.symbol);
    const share = largest.share === undefined ? undefined : formatShare(largest.share, locale);
    const text = `${label}${colon}${share === undefined ? t('unknownFigure') : largest.floor ? t('shareAtLeast', share) : share}`;
    if (onchain.topTokens === undefined) {
      onchainLines.push({ text, style: 'body' });
    } else {
      onchainLines.push({ text: dated(text, onchain.breakdownAsOf ?? onchain.asOf), style: 'body' });
      figureDates.push(onchain.breakdownAsOf ?? onchain.asOf);
    }
    urls.push(onchain.source);
  }
  sections.push({ heading: t('cardConcentration'), lines: onchainLines });

  // As the card: a flows section, "Unknown" without figures.
  if (flows === undefined) sections.push({ heading: t('cardFlows'), lines: [{ text: t('unknownFigure'), style: 'muted' }] });
  else {
    const windows = (
      [
        ['flows24h', flows.net24hUsd],
        ['flows7d', flows.net7dUsd],
        ['flows30d', flows.net30dUsd],
      ] as const
    ).map(([key, value]) => `${t(key)}${colon}${value === undefined ? t('unknownFigure') : formatSignedUsd(value, locale)}`);
    sections.push({ heading: t('cardFlows'), lines: [{ text: dated(windows.join(' · '), flows.asOf), style: 'body' }] });
    figureDates.push(flows.asOf);
    urls.push(flows.source);
  }

  // The card's lead reasons, in its order: the cause of the verdict before what is unknown.
  const reasons = reasonsWorstFirst(verdict.reasons).slice(0, MAX_REASONS);
  if (reasons.length > 0) {
    sections.push({ heading: t('cardWhy'), lines: reasons.map((reason) => ({ text: `• ${reasonText(reason, t, locale, now)}`, style: 'body' as const })) });
    for (const reason of reasons) urls.push(reason.source);
  }
  urls.push(view.porUrl);

  const sourceDomains: string[] = [];
  for (const url of urls) {
    const domain = domainOf(url);
    if (domain !== undefined && !sourceDomains.includes(domain)) sourceDomains.push(domain);
  }

  return {
    name: view.name,
    level: verdict.level,
    grade: verdict.grade,
    levelLabel: levelWords(verdict, t),
    shared: withFigureDates({ shared: t('shareImageShared', formatLocalDate(now.toISOString(), locale)), dates: figureDates, t, locale }),
    sections,
    sourceDomains,
    sources: t('shareImageSources', formatList(sourceDomains, locale, { style: 'narrow' })),
    footnote: t('shareImageFootnote'),
  };
}

function domainOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const clean = cleanUrl(url);
  if (clean === undefined) return undefined;
  return new URL(clean).hostname.replace(/^www\./, '');
}

/** The few canvas calls the picture needs; a real CanvasRenderingContext2D has them all. */
export type ShareImageContext = Pick<
  CanvasRenderingContext2D,
  'font' | 'fillStyle' | 'textBaseline' | 'fillText' | 'fillRect' | 'measureText' | 'beginPath' | 'arc' | 'fill' | 'roundRect' | 'textAlign'
>;

export type ShareImageOperation =
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string; align?: 'center'; baseline?: 'middle' }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string; radius?: number }
  | { kind: 'circle'; x: number; y: number; radius: number; color: string };

export interface LayoutShareImageParameters {
  /** Used only to measure text. */
  context: Pick<ShareImageContext, 'font' | 'measureText'>;
  content: ShareImageContent;
  width?: number;
}
export interface LayoutShareImageReturnType {
  width: number;
  height: number;
  operations: ShareImageOperation[];
}

/** Where every piece goes; text is wrapped to the width by measuring it. */
export function layoutShareImage({ context, content, width = SHARE_IMAGE_WIDTH }: LayoutShareImageParameters): LayoutShareImageReturnType {
  const operations: ShareImageOperation[] = [];
  const inner = width - 2 * PADDING;
  const measure = (text: string, font: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  let y = PADDING;
  const paragraph = (text: string, kind: keyof typeof FONTS, color: string, x = PADDING, maxWidth = inner) => {
    const { font, lineHeight } = FONTS[kind];
    for (const line of wrap(text, maxWidth, (part) => measure(part, font))) {
      operations.push({ kind: 'text', text: line, x, y, font, color });
      y += lineHeight;
    }
  };

  // Header: the level chip on the right, the name wrapped in what is left.
  const level = COLORS.levels[content.level];
  const chipHeight = 48;
  const chipWidth = chipHeight + 14 + Math.ceil(measure(content.levelLabel, FONTS.chip.font)) + 20;
  const chipX = width - PADDING - chipWidth;
  operations.push({ kind: 'rect', x: chipX, y: y + 6, width: chipWidth, height: chipHeight, color: level.bg, radius: chipHeight / 2 });
  operations.push({ kind: 'circle', x: chipX + chipHeight / 2, y: y + 6 + chipHeight / 2, radius: chipHeight / 2 - 5, color: level.dot });
  // Centred on the chip's middle line: a 'top' baseline leaves the glyphs visibly high in a pill.
  const chipMiddle = y + 6 + chipHeight / 2;
  operations.push({ kind: 'text', text: content.grade, x: chipX + chipHeight / 2, y: chipMiddle, font: FONTS.chip.font, color: '#ffffff', align: 'center', baseline: 'middle' });
  operations.push({ kind: 'text', text: content.levelLabel, x: chipX + chipHeight + 14, y: chipMiddle, font: FONTS.chip.font, color: level.fg, baseline: 'middle' });
  paragraph(content.name, 'title', COLORS.fg, PADDING, inner - chipWidth - 24);
  y = Math.max(y, PADDING + chipHeight + 12);
  paragraph(content.shared, 'small', COLORS.muted);

  for (const section of content.sections) {
    y += 14;
    operations.push({ kind: 'rect', x: PADDING, y, width: inner, height: 2, color: COLORS.border });
    y += 16;
    if (section.heading !== undefined) paragraph(section.heading.toUpperCase(), 'heading', COLORS.muted);
    for (const line of section.lines) {
      if (line.style === 'alert') {
        const start = y;
        y += 12;
        const before = operations.length;
        paragraph(line.text, 'body', COLORS.fg, PADDING + 24, inner - 36);
        y += 12;
        // The alert's background goes under its text, so it is inserted before the lines.
        operations.splice(before, 0, { kind: 'rect', x: PADDING, y: start, width: inner, height: y - start, color: COLORS.levels.danger.bg, radius: 6 });
        operations.splice(before + 1, 0, { kind: 'rect', x: PADDING, y: start, width: 6, height: y - start, color: COLORS.levels.danger.dot });
      } else {
        const kind = line.style === 'muted' ? 'body' : line.style;
        paragraph(line.text, kind, line.style === 'muted' ? COLORS.muted : COLORS.fg);
      }
    }
  }

  y += 14;
  operations.push({ kind: 'rect', x: PADDING, y, width: inner, height: 2, color: COLORS.border });
  y += 16;
  paragraph(content.sources, 'small', COLORS.accent);
  paragraph(content.footnote, 'small', COLORS.muted);
  const height = Math.ceil(y + PADDING - 12);
  return { width, height, operations: [{ kind: 'rect', x: 0, y: 0, width, height, color: COLORS.bg }, ...operations] };
}

/** Paints laid-out operations; the canvas must already have the layout's size. */
export function paintShareImage(context: ShareImageContext, operations: readonly ShareImageOperation[]): void {
  for (const operation of operations) {
    context.fillStyle = operation.color;
    if (operation.kind === 'text') {
      context.font = operation.font;
      context.textBaseline = operation.baseline ?? 'top';
      context.textAlign = operation.align ?? 'left';
      context.fillText(operation.text, operation.x, operation.y);
    } else if (operation.kind === 'rect') {
      if (operation.radius === undefined) {
        context.fillRect(operation.x, operation.y, operation.width, operation.height);
      } else {
        context.beginPath();
        context.roundRect(operation.x, operation.y, operation.width, operation.height, operation.radius);
        context.fill();
      }
    } else {
      context.beginPath();
      context.arc(operation.x, operation.y, operation.radius, 0, 2 * Math.PI);
      context.fill();
    }
  }
}

export interface DrawShareImageParameters extends ShareImageContentParameters {
  canvas: HTMLCanvasElement;
}
export type DrawShareImageReturnType = { ok: true; width: number; height: number; content: ShareImageContent } | { ok: false; reason: string };

/** Sizes `canvas` to the card and draws it. Returns instead of throwing when the browser gives no 2D context. */
export function drawShareImage({ canvas, ...parameters }: DrawShareImageParameters): DrawShareImageReturnType {
  const context = canvas.getContext('2d');
  if (context === null) return { ok: false, reason: 'this browser gives no 2D canvas' };
  const content = shareImageContent(parameters);
  const layout = layoutShareImage({ context, content });
  // Resizing a canvas clears it and resets its state, so the size is set before any painting.
  canvas.width = layout.width;
  canvas.height = layout.height;
  paintShareImage(context, layout.operations);
  return { ok: true, width: layout.width, height: layout.height, content };
}
