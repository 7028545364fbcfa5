import type { GradeExchangeReturnType } from '../risk/grade';
import type { RiskLevel } from '../risk/order';
import type { ExchangeView } from '../view/exchange-view';
import type { PorMethod } from '../reserves/schema';

/**
 * Query parameters that identify who shared a link or which campaign it came from, and do
 * nothing for the page. Matched case-insensitively; `utm_` is matched as a prefix.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  '_ga', '_gl', 'ref', 'ref_src', 'ref_url', 'referrer', 'si', 'spm', 'scid', 's_cid', 'trk', 'vero_id', 'vero_conv',
  'oly_anon_id', 'oly_enc_id', 'rb_clickid', 'wickedid', 'epik', 'ncid', 'sr_share', 'cmpid', 'at_medium', 'at_campaign',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The URL without tracking parameters or credentials; `undefined` when it is not an http(s) URL. */

/**
 * Strips tracking parameters (utm_*, fbclid, gclid, ref…) and any user:password part from a
 * link before it is shared. Other parameters keep their order; a link with nothing to strip
 * comes back exactly as given. Never throws.
 */
export function cleanUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  let changed = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  // Rebuilt by hand rather than through URLSearchParams, which would re-encode the parameters it keeps.
  if (parsed.search.length > 1) {
    const kept = parsed.search
      .slice(1)
      .split('&')
      .filter((pair) => {
        if (pair === '') return false;
        const rawName = pair.split('=')[0]!;
        let name = rawName;
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '));
        } catch {
          // A malformed escape is not a tracking parameter we know; keep it as written.
        }
        return !isTrackingParameter(name);
      });
    const search = kept.length === 0 ? '' : `?${kept.join('&')}`;
    if (search !== parsed.search) {
      changed = true;
      parsed.search = search;
    }
  }
  // Unchanged links are returned as given, so a shared link matches the one in the registry.
  return changed ? parsed.href : url.trim();
}

export interface ShareSummaryParameters {
  view: ExchangeView;
  /** Overrides `view.verdict` (e.g. a verdict graded for another moment); defaults to it. */
  verdict?: (Pick<GradeExchangeReturnType, 'level' | 'grade' | 'reasons'> & Partial<Pick<GradeExchangeReturnType, 'incomplete'>>) | undefined;
  /** The moment the card is shared; printed as the date it was checked. */
  now: Date;
  /** BCP 47 tag for numbers (`en-US`, `de-DE`); dates stay ISO so any reader can read them. */
  locale?: string | undefined;
}

export interface ShareSummaryReturnType {
  /** "Binance on Reserve Radar", for the Web Share API's `title`. */
  title: string;
  /** One line, under 280 characters, for short-text share targets. */
  headline: string;
  /** The whole card as plain text: every figure with its date and source link. */
  text: string;
  /** Every link in `text`, cleaned, without repeats, in order of first appearance. */
  links: string[];
}

const LEVEL_WORDS: Readonly<Record<RiskLevel, string>> = {
  ok: 'no warning signs',
  caution: 'caution',
  danger: 'danger',
  unknown: 'unknown (figures missing or out of date)',
};

/** A caution or danger with a required figure missing: the level is what the known figures already show. */
const INCOMPLETE_WORDS = 'incomplete (some figures missing or out of date)';

/** "caution, incomplete (…)" for a verdict with a missing figure; unknown already says it. */
function levelWords(verdict: NonNullable<ShareSummaryParameters['verdict']>): string {
  if (verdict.incomplete === true && verdict.level !== 'unknown') return `${LEVEL_WORDS[verdict.level]}, ${INCOMPLETE_WORDS}`;
  return LEVEL_WORDS[verdict.level];
}

/** "caution · incomplete" for the one-line headline. */
function shortLevelWords(verdict: NonNullable<ShareSummaryParameters['verdict']>): string {
  if (verdict.level === 'unknown') return 'unknown';
  return verdict.incomplete === true ? `${LEVEL_WORDS[verdict.level]} · incomplete` : LEVEL_WORDS[verdict.level];
}

const METHOD_WORDS: Readonly<Record<PorMethod, string>> = {
  'zk-proof': 'zk proof with liabilities',
  'merkle-liabilities': 'Merkle tree with liabilities',
  'auditor-attestation': 'auditor attestation',
  'wallet-list': 'wallet list only',
  none: 'no proof of reserves',
};

/** Reasons in the shared text; the worst come first, so the cut drops the least important. */
const MAX_REASONS = 6;
const MAX_TOP_TOKENS = 5;
const MAX_INCIDENTS = 5;

/**
 * The shareable risk card as plain text. Pure: the same view, verdict and moment always give
 * the same text. Every figure carries its date and its source link; every link is passed
 * through `cleanUrl`, and a link that is not http(s) is left out rather than shared.
 */
export function shareSummary({ view, verdict: override, now, locale = 'en-US' }: ShareSummaryParameters): ShareSummaryReturnType {
  // Views built before the verdict moved into ExchangeView may lack it; the card then says nothing about a grade.
  const verdict: ShareSummaryParameters['verdict'] = override ?? (view.verdict as ExchangeView['verdict'] | undefined);
  const numbers = numberFormats(locale);
  const links: string[] = [];
  const link = (url: string | undefined): string | undefined => {
    if (url === undefined) return undefined;
    const clean = cleanUrl(url);
    if (clean !== undefined && !links.includes(clean)) links.push(clean);
    return clean;
  };
  const cite = (source: string | undefined, asOf: string | undefined): string => {
    const parts = [asOf === undefined ? undefined : `as of ${asOf}`, link(source)].filter((part) => part !== undefined);
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  };

  const checked = now.toISOString().slice(0, 10);
  const lines: string[] = [`${view.name}: proof-of-reserves and risk card, checked ${checked} with Reserve Radar`];

  if (verdict !== undefined) {
    lines.push('', `Verdict: ${levelWords(verdict)}, grade ${verdict.grade}`);
    const shown = verdict.reasons.filter((reason) => reason.effect !== 'ok').slice(0, MAX_REASONS);
    for (const reason of shown) lines.push(`- ${reason.message}${cite(reason.source, reason.asOf)}`);
    const hidden = verdict.reasons.filter((reason) => reason.effect !== 'ok').length - shown.length;
    if (hidden > 0) lines.push(`- and ${hidden} more reason${hidden === 1 ? '' : 's'}`);
  }

  lines.push('');
  const { status } = view;
  if (status.kind === 'operating') lines.push('Status: operating');
  else lines.push(`Status: ${status.kind} on ${status.date}. ${status.history}${cite(status.source, undefined)}`);

  const { por } = view;
  if (por === undefined) {
    lines.push('Proof of reserves: unknown (no report on record)');
  } else {
    const details = [METHOD_WORDS[por.method], `published ${por.cadence === 'unknown' ? 'on no known schedule' : por.cadence}`];
    if (por.snapshotDate !== undefined) details.push(`balances taken ${por.snapshotDate}`);
    if (por.publishedDate !== undefined) details.push(`report published ${por.publishedDate}`);
    if (por.attestor !== undefined) details.push(`by ${por.attestor}`);
    lines.push(`Proof of reserves: ${details.join(', ')}${cite(por.source, por.asOf)}`);
    const figures: string[] = [];
    if (por.totalReserveRatio !== undefined) figures.push(`all covered assets ${numbers.percent(por.totalReserveRatio)}`);
    for (const [symbol, ratio] of Object.entries(por.reserveRatios ?? {})) figures.push(`${symbol} ${numbers.percent(ratio)}`);
    if (figures.length > 0) lines.push(`  Reserve ratios: ${figures.join(', ')}`);
    if (por.liabilitiesUsd !== undefined) lines.push(`  Customer balances: ${numbers.usd(por.liabilitiesUsd)}`);
    if (por.note !== undefined) lines.push(`  Note: ${oneLine(por.note)}`);
    const verifier = link(por.verifier);
    if (verifier !== undefined) lines.push(`  Check your own balance: ${verifier}`);
  }
  const porPage = link(view.porUrl);
  if (porPage !== undefined) lines.push(`  Exchange's proof-of-reserves page: ${porPage}`);

  const { onchain } = view;
  if (onchain !== undefined) {
    const parts = [`${numbers.usd(onchain.totalUsd)} total`, `${numbers.usd(onchain.cleanUsd)} without the exchange's own tokens`];
    if (onchain.ownTokenUsd !== undefined) parts.push(`own tokens ${numbers.usd(onchain.ownTokenUsd)}`);
    lines.push(`On-chain assets: ${parts.join(', ')}${cite(onchain.source, onchain.asOf)}`);
    if (onchain.topTokens !== undefined && onchain.topTokens.length > 0) {
      const top = onchain.topTokens.slice(0, MAX_TOP_TOKENS).map((token) => `${token.symbol} ${numbers.usd(token.usd)}`);
      lines.push(`  Largest holdings: ${top.join(', ')}${cite(onchain.breakdownSource ?? onchain.source, onchain.breakdownAsOf ?? onchain.asOf)}`);
    }
  }

  const { flows } = view;
  if (flows !== undefined) {
    const windows = (
      [
        ['24 h', flows.net24hUsd],
        ['7 days', flows.net7dUsd],
        ['30 days', flows.net30dUsd],
      ] as const
    ).flatMap(([label, value]) => (value === undefined ? [] : [`${label} ${numbers.signedUsd(value)}`]));
    if (windows.length > 0) lines.push(`Net flows (positive = onto the exchange): ${windows.join(', ')}${cite(flows.source, flows.asOf)}`);
  }

  if (view.incidents.length > 0) {
    lines.push('Incidents:');
    const newestFirst = [...view.incidents].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    for (const incident of newestFirst.slice(0, MAX_INCIDENTS)) {
      lines.push(`- ${incident.date} ${incident.kind}: ${oneLine(incident.summary)}${cite(incident.source, undefined)}`);
    }
    if (newestFirst.length > MAX_INCIDENTS) lines.push(`- and ${newestFirst.length - MAX_INCIDENTS} earlier`);
  }

  lines.push('', 'Figures are as published by the sources linked, on the dates shown. Not financial advice.');

  const title = `${view.name} on Reserve Radar`;
  // Free text (notes, histories, reason messages) can carry links of its own; they are cleaned too.
  const text = cleanLinksIn(lines.join('\n'), links);
  return { title, headline: cleanLinksIn(headline(view, verdict, checked, link), links), text, links };
}

const LINK_IN_TEXT = /\bhttps?:\/\/[^\s<>"'()[\]{}]+/gi;

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

function headline(
  view: ExchangeView,
  verdict: ShareSummaryParameters['verdict'],
  checked: string,
  link: (url: string | undefined) => string | undefined,
): string {
  const parts = [view.name];
  if (verdict !== undefined) parts.push(`grade ${verdict.grade} (${shortLevelWords(verdict)})`);
  if (view.status.kind !== 'operating') parts.push(`${view.status.kind} ${view.status.date}`);
  else if (view.por !== undefined) parts.push(`PoR: ${METHOD_WORDS[view.por.method]}, as of ${view.por.asOf}`);
  else parts.push('PoR: unknown');
  const first = parts.join(' · ') + ` · checked ${checked}`;
  const source = link(view.status.kind === 'operating' ? (view.por?.source ?? view.porUrl) : view.status.source);
  const line = source === undefined ? first : `${first} ${source}`;
  // A link cut in half is worse than none, so an over-long line loses its link whole.
  return line.length <= 280 ? line : first.slice(0, 280);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function numberFormats(locale: string) {
  let tag = 'en-US';
  try {
    tag = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  } catch {
    // An ill-formed tag falls back to English numbers rather than failing the share.
  }
  const usd = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 4 });
  const signedUsd = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    maximumSignificantDigits: 4,
    signDisplay: 'exceptZero',
  });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return { usd: (value: number) => usd.format(value), signedUsd: (value: number) => signedUsd.format(value), percent: (value: number) => percent.format(value) };
}
