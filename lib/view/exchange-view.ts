import type { ExchangeDefinition, ExchangeStatus, Incident } from '../exchanges/types';
import type { ExchangeReserves, PorAttestation, PorCheck, PorReport, OnchainAssets, Flows } from '../reserves/schema';
import { gradeExchange, type GradeExchangeReturnType } from '../risk/grade';
import type { ActiveWarning } from '../community/active-warnings';
import type { BalanceNudgeReason } from '../holdings/balance-nudge';
import type { LookalikeExplanation } from '../exchanges/classify';
import type { RunAlertView } from './run-alert-view';
import type { FirstDataView } from './first-data';
import { assetRank } from '../risk/assets';
import { cardOrder } from './card-reasons';
import { dataFingerprint } from './nudge-policy';
import { largestListedAsset, listedShare, type ListedShare } from './listed-shares';
import { porChecked, type PorCheckedReturnType } from './por-checked';
import { porCheckRows, porTrendReports, porTrendSeries, type CheckRow, type TrendReports, type TrendSeries } from './por-trend';

/** The balance line as the exchange page's pill gets it: the reason's kind and a sentence without figures. */
export interface PageBalanceNudge {
  kind: BalanceNudgeReason['kind'];
  text: string;
}

/**
 * What a view needs to draw one exchange: plain data that crosses the extension's message
 * channel unchanged. Built by the background; views render it and compute nothing.
 */
export interface ExchangeView {
  id: string;
  name: string;
  status: ExchangeStatus;
  /** Newest first (the card lists the latest few), sorted here for the page's size budget. */
  incidents: readonly Incident[];
  porUrl?: string;
  /**
   * The verdict's reasons in the reader's language, by `cardReasonKey`: set by the background for
   * the exchange page, whose script carries no wording code (its size budget); other pages word
   * the reasons themselves.
   */
  reasonWords?: Record<string, string>;
  por?: PorAttestation;
  /** `por.reserveRatios` in the card's order (majors first, `assetRank`), made here for the page's size budget. */
  porRatios?: [asset: string, ratio: number][];
  /** When we last confirmed `por` and whether the verdict calls that too long ago (`porChecked`), made here for the page's size budget. */
  porChecked?: PorCheckedReturnType;
  /** The kept past reports, newest first, for the card's trend. */
  porHistory?: PorReport[];
  /**
   * The card's trend from `porHistory` (two reports or more): its rows and its heading's range,
   * made here so the exchange page's script carries no trend code (its size budget).
   */
  porTrend?: { series: TrendSeries[]; reports: TrendReports };
  /** The feed's check of the report's claim against the chain. */
  porCheck?: PorCheck;
  /** `porCheck`'s rows in the card's order, made here for the same reason as `porTrend`. */
  porCheckRows?: CheckRow[];
  onchain?: OnchainAssets;
  /** The verdict's stablecoin and largest-asset shares as the card shows them (`listedShare`, `largestListedAsset`), made here for the page's size budget. */
  shares: { stablecoins: ListedShare; largest: ListedShare & { symbol?: string } };
  flows?: Flows;
  verdict: GradeExchangeReturnType;
  /** `dataFingerprint` of the verdict (snoozed until the data changes), made here for the page's size budget. */
  fingerprint: string;
  /** Official domain to send a user to (the first in the registry). */
  homeDomain: string;
  /** The withdrawal page's address where the exchange's own pages give one (`{asset}` left in). */
  withdrawalUrl?: string;
  /** The moment the verdict was computed for, ISO. */
  computedAt: string;
  /** Community warnings in date now, from lists the user subscribed to, worst first. */
  warnings: readonly ActiveWarning[];
  /**
   * The card's findings (verdict reasons and `warnings`), ranked worst first (`cardOrder`): an
   * index into `verdict.reasons`, or `~index` into `warnings`. Made here so the exchange page's
   * script carries no ranking code (its size budget); every card reads it (`cardItems`).
   */
  cardOrder: number[];
  /** The lists the user subscribed to could not be checked at all: `warnings` is then no answer, and the card says so. */
  warningListsUnread?: true;
  /** The run watch (docs/risk-model.md, "Run alert"), when it has something to say. */
  runAlert?: RunAlertView;
  /** While no source has answered yet: the card's figures are the data that came with the extension, and it says so. */
  firstData?: FirstDataView;
}

export interface BuildExchangeViewParameters {
  exchange: ExchangeDefinition;
  reserves: ExchangeReserves | undefined;
  now: Date;
  /** `'unread'`: the lists could not be checked at all (see `warningListsUnread`). */
  warnings?: readonly ActiveWarning[] | 'unread';
  runAlert?: RunAlertView | undefined;
}

export function buildExchangeView({ exchange, reserves, now, warnings = [], runAlert }: BuildExchangeViewParameters): ExchangeView {
  const verdict = gradeExchange({ exchange, reserves, now });
  const shown = warnings === 'unread' ? [] : warnings;
  return {
    ...(warnings === 'unread' ? { warnings: shown, warningListsUnread: true as const } : { warnings }),
    cardOrder: cardOrder({ verdict, warnings: shown, status: exchange.status }),
    shares: sharesOf(verdict),
    ...(runAlert === undefined ? {} : { runAlert }),
    verdict,
    fingerprint: dataFingerprint({ verdict }),
    homeDomain: exchange.domains[0] ?? '',
    computedAt: now.toISOString(),
    ...(exchange.withdrawal?.page.status === 'deep-link' ? { withdrawalUrl: exchange.withdrawal.page.url } : {}),
    id: exchange.id,
    name: exchange.name,
    status: exchange.status,
    incidents: [...(exchange.incidents ?? [])].sort((a, b) => b.date.localeCompare(a.date)),
    ...(exchange.porUrl === undefined ? {} : { porUrl: exchange.porUrl }),
    ...(reserves?.por === undefined ? {} : { por: reserves.por, porChecked: porChecked({ por: reserves.por, reasons: verdict.reasons, freshness: verdict.metrics.porFreshness, now }) }),
    ...(reserves?.por?.reserveRatios === undefined ? {} : { porRatios: Object.entries(reserves.por.reserveRatios).sort(([a], [b]) => assetRank(a) - assetRank(b)) }),
    ...(reserves?.porHistory === undefined ? {} : { porHistory: reserves.porHistory }),
    ...(reserves?.porHistory !== undefined && reserves.porHistory.length >= 2 ? { porTrend: trendOf(reserves.porHistory) } : {}),
    ...(reserves?.porCheck === undefined ? {} : { porCheck: reserves.porCheck, porCheckRows: porCheckRows(reserves.porCheck) }),
    ...(reserves?.onchain === undefined ? {} : { onchain: reserves.onchain }),
    ...(reserves?.flows === undefined ? {} : { flows: reserves.flows }),
  };
}

function sharesOf({ metrics: { concentration } }: GradeExchangeReturnType): ExchangeView['shares'] {
  return { stablecoins: listedShare(concentration, concentration?.stablecoinShare), largest: largestListedAsset(concentration) };
}

function trendOf(history: readonly PorReport[]): { series: TrendSeries[]; reports: TrendReports } {
  const series = porTrendSeries(history);
  return { series, reports: porTrendReports(history, series) };
}

/** What the popup and the pill know about a tab. */
export type TabState =
  | {
      kind: 'exchange';
      host: string;
      view: ExchangeView;
      /**
       * What the pill leads with, from the user's own recorded holdings (absent when nothing
       * applies): which limit is crossed, in words made by the background. No figure: this goes
       * to the exchange's page.
       */
      balanceNudge?: PageBalanceNudge;
    }
  | {
      kind: 'lookalike';
      host: string;
      /** Why, as data: the pages word it in the reader's language. */
      explanation: LookalikeExplanation;
      /** The exchange imitated: `domain` is the one to send the user to, `domains` all of its own. */
      imitates: { id: string; name: string; domain: string; domains: readonly string[] };
    }
  | { kind: 'not-exchange' };
