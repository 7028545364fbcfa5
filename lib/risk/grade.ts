import type { ExchangeDefinition } from '../exchanges/types';
import { daysSince } from './dates';
import { flowReasons } from './grade-flows';
import { onchainReasons } from './grade-onchain';
import { porReasons } from './grade-por';
import { recentIncidents } from './incidents';
import type { RiskGrade, RiskLevel } from './order';
import type { ReasonCode, ReasonEffect, RiskMetrics, RiskReason, RiskReserves } from './reason';
import { thresholdValue, type ThresholdId } from './thresholds';

export type { ReasonCode, ReasonEffect, ReasonParams, RiskMetrics, RiskReason, RiskReserves } from './reason';

export interface GradeExchangeParameters {
  exchange: Pick<ExchangeDefinition, 'id' | 'name' | 'ownTokens' | 'affiliatedTokens' | 'status' | 'incidents'>;
  reserves: RiskReserves | undefined;
  /** The moment the verdict is for; passed in so the same inputs always give the same verdict. */
  now: Date;
}

export interface GradeExchangeReturnType {
  level: RiskLevel;
  grade: RiskGrade;
  /**
   * A required figure is missing or too old to count: the level is the worst the known figures
   * support ("Caution · incomplete"), and ok, A and B are impossible.
   */
  incomplete: boolean;
  /** Worst first. */
  reasons: RiskReason[];
  metrics: RiskMetrics;
  /** The date of the oldest reserves figure the verdict rests on; absent when there is none. */
  asOf?: string;
  sources: string[];
}

const EFFECT_ORDER: Readonly<Record<ReasonEffect, number>> = { danger: 0, unknown: 1, caution: 2, info: 3, ok: 4 };

/**
 * The graded, explained verdict for one exchange. Pure: no clock, no I/O, never throws on
 * well-typed input. Rules (argued in docs/risk-model.md):
 * - any `danger` reason → danger (F);
 * - else any `caution` reason → caution (C for one, D for two or more);
 * - else any `unknown` reason (a required figure missing, or our copy too old) → unknown (?);
 * - else ok: A with a customer-checkable PoR (Merkle with liabilities or zk), B otherwise.
 * Any `unknown` reason also marks the verdict `incomplete`: danger or caution then say what the
 * known figures already show, and ok stays impossible.
 */
export function gradeExchange({ exchange, reserves, now }: GradeExchangeParameters): GradeExchangeReturnType {
  const reasons: RiskReason[] = [];
  const incidents = recentIncidents({ incidents: exchange.incidents, now });
  const metrics: RiskMetrics = { status: exchange.status.kind, recentIncidents: incidents.length };

  standingReasons(exchange, incidents, reasons);
  const por = knownBy(reserves?.por, 'future-dated.por', now, reasons);
  const onchain = knownBy(reserves?.onchain, 'future-dated.onchain', now, reasons);
  const flows = knownBy(reserves?.flows, 'future-dated.flows', now, reasons);
  const strength = porReasons(por, exchange.status.kind === 'operating', now, metrics, reasons);
  const totalUsd = onchainReasons(exchange, onchain, now, metrics, reasons);
  flowReasons(flows, totalUsd, now, metrics, reasons);

  reasons.sort((a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect]);
  const level = levelOf(reasons);
  const grade = gradeOf(level, reasons, strength);
  const incomplete = reasons.some((reason) => reason.effect === 'unknown');
  // A "none" record is no figure: its date is a source's (a filing, a news story), never the oldest figure used.
  const dates = [por?.method === 'none' ? undefined : por?.asOf, onchain?.asOf, flows?.asOf].filter((date): date is string => date !== undefined).sort();
  const sources = [...new Set(reasons.flatMap((reason) => (reason.source === undefined ? [] : [reason.source])))];
  const asOf = dates[0];
  return { level, grade, incomplete, reasons, metrics, ...(asOf === undefined ? {} : { asOf }), sources };
}

/**
 * A block dated after `now` could not have been known then (a backtest fed today's data) or comes
 * from a wrong clock; it is set aside with a note and then counts as missing. One day of slack
 * absorbs time zones: a figure for "today" in UTC may be tomorrow's date to its publisher.
 */
function knownBy<T extends { asOf: string; source: string }>(block: T | undefined, code: ReasonCode, now: Date, reasons: RiskReason[]): T | undefined {
  if (block === undefined || daysSince(block.asOf, now) >= -1) return block;
  reasons.push({
    metric: 'future-dated',
    code,
    value: block.asOf,
    effect: 'info',
    source: block.source,
    asOf: block.asOf,
    params: { gradedOn: now.toISOString().slice(0, 10) },
  });
  return undefined;
}

/** The worst level the known figures support; a missing figure alone gives unknown, and never ok. */
function levelOf(reasons: readonly RiskReason[]): RiskLevel {
  const effects = new Set(reasons.map((reason) => reason.effect));
  if (effects.has('danger')) return 'danger';
  if (effects.has('caution')) return 'caution';
  if (effects.has('unknown')) return 'unknown';
  return 'ok';
}

function gradeOf(level: RiskLevel, reasons: readonly RiskReason[], porStrength: number | undefined): RiskGrade {
  switch (level) {
    case 'danger':
      return 'F';
    case 'unknown':
      return '?';
    case 'caution':
      return reasons.filter((reason) => reason.effect === 'caution').length >= 2 ? 'D' : 'C';
    case 'ok':
      return porStrength !== undefined && porStrength >= thresholdValue('por.method.grade-a') ? 'A' : 'B';
  }
}

function standingReasons(exchange: GradeExchangeParameters['exchange'], incidents: ReturnType<typeof recentIncidents>, reasons: RiskReason[]): void {
  const { status } = exchange;
  if (status.kind === 'operating') {
    // No closure on our list as of the day this entry's status was checked: the reason carries that day, never the day it is read.
    reasons.push({ metric: 'status', code: 'status.operating', value: 'operating', effect: 'ok', asOf: status.checkedOn, params: { exchange: exchange.name } });
  } else {
    reasons.push({
      metric: 'status',
      code: status.kind === 'collapsed' ? 'status.collapsed' : 'status.closed',
      value: status.kind,
      effect: 'danger',
      source: status.source,
      asOf: status.date,
      params: { exchange: exchange.name, date: status.date, note: status.history },
    });
  }
  for (const incident of incidents) {
    const kind = incident.kind as 'hack' | 'withdrawal-halt' | 'insolvency';
    const thresholdId: ThresholdId = `incident.${kind}.window-days`;
    reasons.push({
      metric: `incident.${incident.kind}`,
      code: `incident.${kind}`,
      value: incident.ageDays,
      threshold: incident.windowDays,
      thresholdId,
      effect: incident.kind === 'insolvency' ? 'danger' : 'caution',
      source: incident.source,
      asOf: incident.date,
      params: { date: incident.date, ageDays: incident.ageDays, windowDays: incident.windowDays, note: incident.summary },
    });
  }
}
