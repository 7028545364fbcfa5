import type { ExchangeDefinition } from '../exchanges/types';
import type { Flows, OnchainAssets } from '../reserves/schema';
import type { OwnTokenSeries } from '../reserves/own-token-prices';
import { outflowShare } from './net-flows';
import { thresholdValue, type ThresholdId } from './thresholds';

/**
 * The run watch: is money leaving this exchange fast, right now? Separate from the verdict
 * (grade.ts), which judges how an exchange keeps its reserves; this judges the last day and week.
 * Pure and clock-free like the verdict, so the background, the command line and the backtest
 * (run-episodes.ts) all read the same figures the same way. docs/risk-model.md, "Run alert".
 *
 * Signals, each graded calm / caution / alert against lib/risk/thresholds.ts:
 * - net outflow over 24 hours and over 7 days, as a share of the assets at the start of the
 *   window (what is there now plus what left: "a third of the money left", as it is said);
 * - the fall of the exchange's own token from its 7-day high (the worst of its own tokens);
 * - a `danger` entry about the exchange in a verified warning list the user subscribed to
 *   (docs/warning-lists.md reserves `danger` for halts and insolvencies); lists that could not be
 *   checked are `unknown`, not "no entry".
 * Flows at caution together with the own token at caution is an alert too: both at once is how
 * a run on a token-backed exchange looks. A figure that is missing or too old is `unknown`: it
 * raises nothing and lowers nothing.
 */

export type RunLevel = 'calm' | 'caution' | 'alert';
export type RunSignal = 'outflow-24h' | 'outflow-7d' | 'own-token-fall' | 'warning-list' | 'combined';

export interface RunReason {
  signal: RunSignal;
  effect: RunLevel | 'unknown';
  /** The share (flows) or the fall (own token), as a fraction. */
  value?: number;
  /** Dollars that left, net, in the window (flows). */
  outflowUsd?: number;
  /** The assets the share is taken of: those held when the window starts. */
  baseUsd?: number;
  threshold?: number;
  thresholdId?: ThresholdId;
  /** The own token, for `own-token-fall`. */
  symbol?: string;
  /** For `warning-list`: the entry's title and the list it came from, shown as text. */
  title?: string;
  listName?: string;
  /** The list's language, for `title` and `listName`; absent when the list does not say. */
  listLang?: string;
  source?: string;
  /** The moment the figure describes, ISO. */
  observedAt?: string;
}

export interface RunEvaluation {
  level: RunLevel;
  /** Worst first. */
  reasons: RunReason[];
  /** A signal could not be read (missing or too old): calm then means "nothing seen", not "all clear". */
  incomplete: boolean;
  sources: string[];
}

export interface RunWarning {
  severity: 'danger' | 'caution' | 'info';
  title: string;
  listName: string;
  listLang?: string | undefined;
  sources: readonly string[];
  published: string;
}

export interface EvaluateRunParameters {
  exchange: Pick<ExchangeDefinition, 'ownTokens'>;
  reserves: { onchain?: Pick<OnchainAssets, 'totalUsd' | 'asOf' | 'observedAt' | 'source'> | undefined; flows?: Flows | undefined } | undefined;
  /** Own-token price series by symbol (lib/reserves/own-token-prices.ts). */
  prices?: Readonly<Record<string, OwnTokenSeries>> | undefined;
  /**
   * Community warnings in date now for this exchange (verified lists only); `'unread'` when the
   * lists the user subscribed to could not be checked at all: no entry is then known, present or gone.
   */
  warnings?: readonly RunWarning[] | 'unread' | undefined;
  now: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const ORDER: Readonly<Record<RunReason['effect'], number>> = { alert: 0, caution: 1, unknown: 2, calm: 3 };
const RANK: Readonly<Record<RunLevel, number>> = { calm: 0, caution: 1, alert: 2 };

export function evaluateRun({ exchange, reserves, prices, warnings = [], now }: EvaluateRunParameters): RunEvaluation {
  const reasons: RunReason[] = [...flowReasons(reserves, now)];
  const fall = ownTokenFallReason(exchange.ownTokens, prices, now);
  if (fall !== undefined) reasons.push(fall);
  if (warnings === 'unread') reasons.push({ signal: 'warning-list', effect: 'unknown' });
  for (const warning of warnings === 'unread' ? [] : warnings) {
    if (warning.severity !== 'danger') continue;
    reasons.push({
      signal: 'warning-list',
      effect: 'alert',
      title: warning.title,
      listName: warning.listName,
      ...(warning.listLang === undefined ? {} : { listLang: warning.listLang }),
      observedAt: warning.published,
      ...(warning.sources[0] === undefined ? {} : { source: warning.sources[0] }),
    });
  }
  const flowsStirred = reasons.some((reason) => (reason.signal === 'outflow-24h' || reason.signal === 'outflow-7d') && reason.effect === 'caution');
  if (flowsStirred && fall?.effect === 'caution') reasons.push({ signal: 'combined', effect: 'alert' });
  reasons.sort((a, b) => ORDER[a.effect] - ORDER[b.effect]);
  let level: RunLevel = 'calm';
  for (const reason of reasons) if (reason.effect !== 'unknown' && RANK[reason.effect] > RANK[level]) level = reason.effect;
  const sources = [...new Set(reasons.flatMap((reason) => (reason.source === undefined ? [] : [reason.source])))];
  return { level, reasons, incomplete: reasons.some((reason) => reason.effect === 'unknown'), sources };
}

/** The moment a block describes: its reading time, else the start of its day. */
function momentOf(block: { asOf: string; observedAt?: string | undefined }): number {
  return Date.parse(block.observedAt ?? `${block.asOf}T00:00:00Z`);
}

function flowReasons(reserves: EvaluateRunParameters['reserves'], now: Date): RunReason[] {
  const windows = [
    { signal: 'outflow-24h', field: 'net24hUsd', caution: 'run.outflow-24h.caution', alert: 'run.outflow-24h.alert' },
    { signal: 'outflow-7d', field: 'net7dUsd', caution: 'run.outflow-7d.caution', alert: 'run.outflow-7d.alert' },
  ] as const;
  const flows = reserves?.flows;
  const onchain = reserves?.onchain;
  const maxAge = thresholdValue('run.flows.max-age-hours') * HOUR_MS;
  const fresh = (block: { asOf: string; observedAt?: string | undefined } | undefined) => {
    if (block === undefined) return false;
    const age = now.getTime() - momentOf(block);
    // A reading from the future (a wrong clock, or a backtest fed later data) counts as missing too.
    return age <= maxAge && age >= -HOUR_MS;
  };
  return windows.map((span): RunReason => {
    const net = flows?.[span.field];
    if (flows === undefined || net === undefined || !fresh(flows) || onchain === undefined || !fresh(onchain) || !(onchain.totalUsd >= 0)) {
      return { signal: span.signal, effect: 'unknown', ...(flows === undefined ? {} : { source: flows.source, observedAt: flows.observedAt ?? flows.asOf }) };
    }
    const { share, outflowUsd, baseUsd } = outflowShare(net, onchain.totalUsd);
    const effect = gradeShare(share, span.caution, span.alert);
    return {
      signal: span.signal,
      effect,
      value: share,
      outflowUsd,
      baseUsd,
      threshold: thresholdValue(effect === 'alert' ? span.alert : span.caution),
      thresholdId: effect === 'alert' ? span.alert : span.caution,
      source: flows.source,
      observedAt: flows.observedAt ?? flows.asOf,
    };
  });
}

function gradeShare(value: number, caution: ThresholdId, alert: ThresholdId): RunLevel {
  if (value >= thresholdValue(alert)) return 'alert';
  return value >= thresholdValue(caution) ? 'caution' : 'calm';
}

export interface OwnTokenFallParameters {
  series: OwnTokenSeries;
  now: Date;
}

/**
 * How far the newest price sits below the highest of the last 7 days, as a fraction (0.4 = 40 %
 * below). Undefined when the newest price is too old, or the series does not reach back a day:
 * a single point cannot show a fall, and "no fall" must not be read from it.
 */
export function ownTokenFall({ series, now }: OwnTokenFallParameters): { fall: number; high: number; latest: number; at: string } | undefined {
  const latest = series.points.at(-1);
  if (latest === undefined) return undefined;
  const latestMs = Date.parse(latest.at);
  const age = now.getTime() - latestMs;
  if (!(age <= thresholdValue('run.prices.max-age-hours') * HOUR_MS) || age < -HOUR_MS) return undefined;
  const lastWeek = series.points.filter((point) => latestMs - Date.parse(point.at) <= 7 * DAY_MS + HOUR_MS);
  const first = lastWeek[0];
  if (first === undefined || latestMs - Date.parse(first.at) < DAY_MS - HOUR_MS) return undefined;
  const high = Math.max(...lastWeek.map((point) => point.usd));
  return { fall: Math.max(0, 1 - latest.usd / high), high, latest: latest.usd, at: latest.at };
}

function ownTokenFallReason(ownTokens: readonly string[], prices: EvaluateRunParameters['prices'], now: Date): RunReason | undefined {
  if (ownTokens.length === 0) return undefined;
  let worst: RunReason | undefined;
  for (const symbol of ownTokens) {
    const series = prices !== undefined && Object.hasOwn(prices, symbol) ? prices[symbol] : undefined;
    const measured = series === undefined ? undefined : ownTokenFall({ series, now });
    if (series === undefined || measured === undefined) continue;
    const effect = gradeShare(measured.fall, 'run.own-token-fall.caution', 'run.own-token-fall.alert');
    const thresholdId: ThresholdId = effect === 'alert' ? 'run.own-token-fall.alert' : 'run.own-token-fall.caution';
    const reason: RunReason = { signal: 'own-token-fall', effect, value: measured.fall, symbol, threshold: thresholdValue(thresholdId), thresholdId, source: series.source, observedAt: measured.at };
    if (worst === undefined || (reason.value ?? 0) > (worst.value ?? 0)) worst = reason;
  }
  return worst ?? { signal: 'own-token-fall', effect: 'unknown', symbol: ownTokens.join(', ') };
}
