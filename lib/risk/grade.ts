import type { ExchangeDefinition, ExchangeStatus } from '../exchanges/types';
import type { Flows, PorAttestation, PorMethod } from '../reserves/schema';
import { assetConcentration, type AssetConcentrationReturnType, type RiskOnchainAssets } from './concentration';
import { daysSince } from './dates';
import { recentIncidents } from './incidents';
import { netFlowShares, type NetFlowSharesReturnType } from './net-flows';
import type { RiskGrade, RiskLevel } from './order';
import { porFreshness, type PorFreshnessReturnType } from './por-freshness';
import { porMethodStrength } from './por-method';
import { reserveCoverage, type ReserveCoverageReturnType } from './reserve-coverage';
import { thresholdValue, type ThresholdId } from './thresholds';

/** Reserves as the model reads them: the snapshot's `ExchangeReserves` fits, and so do historical cases where the clean figure is unknown. */
export interface RiskReserves {
  por?: PorAttestation | undefined;
  onchain?: RiskOnchainAssets | undefined;
  flows?: Flows | undefined;
}

/** What a reason does to the level. `info` and `ok` never lower it; `unknown` means the figure is missing or too old to count. */
export type ReasonEffect = 'ok' | 'info' | 'caution' | 'danger' | 'unknown';

export interface RiskReason {
  /** Stable name of the figure (`own-token.share`, `por.method`…). */
  metric: string;
  /** The figure itself; absent when the reason is that the figure is missing. */
  value?: number | string;
  /** The cut-off it was compared with, and that cut-off's id in lib/risk/thresholds.ts. */
  threshold?: number;
  thresholdId?: ThresholdId;
  effect: ReasonEffect;
  /** Where the figure came from and the date it describes. */
  source?: string;
  asOf?: string;
  /** One plain sentence for the UI. */
  message: string;
}

export interface RiskMetrics {
  status: ExchangeStatus['kind'];
  recentIncidents: number;
  porMethod?: { method: PorMethod; strength: number };
  porFreshness?: PorFreshnessReturnType;
  reserveCoverage?: ReserveCoverageReturnType;
  onchainAgeDays?: number;
  concentration?: AssetConcentrationReturnType;
  /** Open interest over clean assets, as DefiLlama publishes it. */
  leverage?: number;
  netFlows?: NetFlowSharesReturnType;
}

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
  const por = knownBy(reserves?.por, 'proof-of-reserves figures', now, reasons);
  const onchain = knownBy(reserves?.onchain, 'on-chain figures', now, reasons);
  const flows = knownBy(reserves?.flows, 'net flow figures', now, reasons);
  const strength = porReasons(por, exchange.status.kind === 'operating', now, metrics, reasons);
  const totalUsd = onchainReasons(exchange, onchain, now, metrics, reasons);
  flowReasons(flows, totalUsd, now, metrics, reasons);

  reasons.sort((a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect]);
  const level = levelOf(reasons);
  const grade = gradeOf(level, reasons, strength);
  const incomplete = reasons.some((reason) => reason.effect === 'unknown');
  const dates = [por?.asOf, onchain?.asOf, flows?.asOf].filter((date): date is string => date !== undefined).sort();
  const sources = [...new Set(reasons.flatMap((reason) => (reason.source === undefined ? [] : [reason.source])))];
  const asOf = dates[0];
  return { level, grade, incomplete, reasons, metrics, ...(asOf === undefined ? {} : { asOf }), sources };
}

/**
 * A block dated after `now` could not have been known then (a backtest fed today's data) or comes
 * from a wrong clock; it is set aside with a note and then counts as missing. One day of slack
 * absorbs time zones: a figure for "today" in UTC may be tomorrow's date to its publisher.
 */
function knownBy<T extends { asOf: string; source: string }>(block: T | undefined, what: string, now: Date, reasons: RiskReason[]): T | undefined {
  if (block === undefined || daysSince(block.asOf, now) >= -1) return block;
  reasons.push({
    metric: 'future-dated',
    value: block.asOf,
    effect: 'info',
    source: block.source,
    asOf: block.asOf,
    message: `Not used: the ${what} are dated ${block.asOf}, after the grading date ${now.toISOString().slice(0, 10)}.`,
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
    reasons.push({ metric: 'status', value: 'operating', effect: 'ok', message: `${exchange.name} is operating; no closure or collapse is on record.` });
  } else {
    reasons.push({
      metric: 'status',
      value: status.kind,
      effect: 'danger',
      source: status.source,
      asOf: status.date,
      message: `${exchange.name} ${status.kind === 'collapsed' ? 'collapsed' : 'closed'} on ${status.date}: ${status.history}`,
    });
  }
  for (const incident of incidents) {
    const thresholdId: ThresholdId = `incident.${incident.kind as 'hack' | 'withdrawal-halt' | 'insolvency'}.window-days`;
    reasons.push({
      metric: `incident.${incident.kind}`,
      value: incident.ageDays,
      threshold: incident.windowDays,
      thresholdId,
      effect: incident.kind === 'insolvency' ? 'danger' : 'caution',
      source: incident.source,
      asOf: incident.date,
      message: `${incidentWord(incident.kind)} on ${incident.date}, ${incident.ageDays} days ago (counted for ${incident.windowDays} days): ${incident.summary}`,
    });
  }
}

function incidentWord(kind: string): string {
  if (kind === 'hack') return 'Hack';
  if (kind === 'withdrawal-halt') return 'Withdrawal halt';
  return 'Insolvency';
}

/** Returns the PoR method strength, or undefined when there is no PoR record. */
function porReasons(por: PorAttestation | undefined, operating: boolean, now: Date, metrics: RiskMetrics, reasons: RiskReason[]): number | undefined {
  if (por === undefined) {
    reasons.push({ metric: 'por', effect: 'unknown', message: 'We have no proof-of-reserves record for this exchange, not even one saying it publishes none.' });
    return undefined;
  }
  const provenance = { source: por.source, asOf: por.asOf };
  const strength = porMethodStrength(por.method);
  metrics.porMethod = { method: por.method, strength };
  const minimum = thresholdValue('por.method.caution');
  if (por.method === 'none' && operating) {
    // "Publishes none" was true on the day we checked; long after, the gap is ours.
    const checkedAt = por.checkedAt !== undefined && por.checkedAt > por.asOf ? por.checkedAt : por.asOf;
    const limit = thresholdValue('por.none.recheck-days');
    if (!(daysSince(checkedAt, now) <= limit)) {
      reasons.push({
        metric: 'por.checked',
        value: checkedAt,
        threshold: limit,
        thresholdId: 'por.none.recheck-days',
        effect: 'unknown',
        ...provenance,
        message: `Not checked since ${checkedAt}: the exchange published no proof of reserves then, and may have started since.`,
      });
      return strength;
    }
  }
  reasons.push({
    metric: 'por.method',
    value: por.method,
    threshold: minimum,
    thresholdId: 'por.method.caution',
    effect: strength < minimum ? 'caution' : 'ok',
    ...provenance,
    message: `Proof-of-reserves method: ${METHOD_WORDS[por.method]} (strength ${strength} of 4; below ${minimum} is a warning sign).`,
  });
  if (por.method === 'none') return strength;

  const freshness = porFreshness({ por, now });
  metrics.porFreshness = freshness;
  if (freshness.late === 'exchange') {
    reasons.push({
      metric: 'por.age-days',
      value: freshness.ageAtCheckDays,
      threshold: freshness.allowedDays,
      thresholdId: 'por.stale.cadences',
      effect: 'caution',
      ...provenance,
      message: `The newest proof of reserves we found when we last checked (${freshness.checkedAt}) describes ${por.asOf}, ${freshness.ageAtCheckDays} days earlier; with a ${freshness.cadence} cadence a report is overdue after ${freshness.allowedDays} days.`,
    });
  } else if (freshness.late === 'us') {
    // Our copy is old, not necessarily the exchange's report: said as ours, and it counts as missing.
    reasons.push({
      metric: 'por.checked',
      value: freshness.checkedAt,
      threshold: freshness.allowedDays,
      thresholdId: 'por.stale.cadences',
      effect: 'unknown',
      ...provenance,
      message: `Not checked since ${freshness.checkedAt}: the report we hold describes ${por.asOf}, and the exchange may have published a newer one since (${freshness.cadence} cadence).`,
    });
  } else {
    reasons.push({
      metric: 'por.age-days',
      value: freshness.ageDays,
      threshold: freshness.allowedDays,
      thresholdId: 'por.stale.cadences',
      effect: 'ok',
      ...provenance,
      message: `The latest proof of reserves describes ${por.asOf}, ${freshness.ageDays} days ago (${freshness.cadence} cadence; fresh up to ${freshness.allowedDays} days; checked ${freshness.checkedAt}).`,
    });
  }

  // Wallet lists carry no liabilities, so a "ratio" from one has no denominator; it is not read.
  if (strength < minimum) return strength;
  const coverage = reserveCoverage({ reserveRatios: por.reserveRatios });
  metrics.reserveCoverage = coverage;
  if (coverage.lowestMajor === undefined) {
    reasons.push({
      metric: 'reserve-ratio.major',
      effect: 'unknown',
      ...provenance,
      message: 'The report we hold gives no reserve ratio for BTC, ETH, USDT or USDC, so full backing of major assets is unconfirmed.',
    });
  } else {
    const { asset, ratio } = coverage.lowestMajor;
    const danger = thresholdValue('reserve-ratio.major.danger');
    const caution = thresholdValue('reserve-ratio.major.caution');
    const effect = ratio < danger ? 'danger' : ratio < caution ? 'caution' : 'ok';
    reasons.push({
      metric: 'reserve-ratio.major',
      value: ratio,
      threshold: effect === 'danger' ? danger : caution,
      thresholdId: effect === 'danger' ? 'reserve-ratio.major.danger' : 'reserve-ratio.major.caution',
      effect,
      ...provenance,
      message: `Lowest reserve ratio among major assets: ${asset} at ${percent(ratio, 2)} (below ${percent(caution)} is a shortfall, below ${percent(danger)} is danger).`,
    });
  }
  if (coverage.lowestAny === undefined) {
    reasons.push({ metric: 'reserve-ratio.any', effect: 'unknown', ...provenance, message: 'The report we hold gives no per-asset reserve ratios.' });
  } else {
    const { asset, ratio } = coverage.lowestAny;
    const caution = thresholdValue('reserve-ratio.any.caution');
    reasons.push({
      metric: 'reserve-ratio.any',
      value: ratio,
      threshold: caution,
      thresholdId: 'reserve-ratio.any.caution',
      effect: ratio < caution ? 'caution' : 'ok',
      ...provenance,
      message: `Lowest reserve ratio over all published assets: ${asset} at ${percent(ratio, 2)} (below ${percent(caution)} is a shortfall).`,
    });
  }
  return strength;
}

const METHOD_WORDS: Readonly<Record<PorMethod, string>> = {
  'zk-proof': 'zero-knowledge proof of solvency with liabilities',
  'merkle-liabilities': 'Merkle tree of customer balances with reserves',
  'auditor-attestation': 'auditor attestation',
  'wallet-list': 'list of wallet addresses only (no liabilities)',
  none: 'no proof of reserves published',
};

/** Returns the total used for shares, or undefined when there is no usable total. */
function onchainReasons(exchange: GradeExchangeParameters['exchange'], onchain: RiskOnchainAssets | undefined, now: Date, metrics: RiskMetrics, reasons: RiskReason[]): number | undefined {
  if (onchain === undefined) {
    reasons.push({ metric: 'onchain', effect: 'unknown', message: 'We have no on-chain asset figures for this exchange, so concentration cannot be checked.' });
    return undefined;
  }
  const provenance = { source: onchain.source, asOf: onchain.asOf };
  const ageDays = daysSince(onchain.asOf, now);
  metrics.onchainAgeDays = ageDays;
  const maxAge = thresholdValue('onchain.max-age-days');
  if (!(ageDays <= maxAge)) {
    reasons.push({
      metric: 'onchain.age-days',
      value: ageDays,
      threshold: maxAge,
      thresholdId: 'onchain.max-age-days',
      effect: 'unknown',
      ...provenance,
      message: `The on-chain figures describe ${onchain.asOf}, ${ageDays} days ago; older than ${maxAge} days they cannot vouch for the exchange today.`,
    });
  }
  if (onchain.leverage !== undefined) {
    metrics.leverage = onchain.leverage;
    const limit = thresholdValue('leverage.info');
    reasons.push({
      metric: 'leverage',
      value: onchain.leverage,
      threshold: limit,
      thresholdId: 'leverage.info',
      effect: onchain.leverage >= limit ? 'info' : 'ok',
      ...provenance,
      message: `Open interest is ${onchain.leverage.toFixed(2)}× clean assets (shown, not graded; ${limit}× or more is flagged).`,
    });
  }
  if (!(onchain.totalUsd > 0)) {
    reasons.push({ metric: 'onchain.total', value: onchain.totalUsd, effect: 'unknown', ...provenance, message: 'The on-chain total is zero, so no share can be computed.' });
    return undefined;
  }

  const concentration = assetConcentration({ onchain, ownTokens: exchange.ownTokens, affiliatedTokens: exchange.affiliatedTokens });
  metrics.concentration = concentration;
  const ownList = exchange.ownTokens.length > 0 ? exchange.ownTokens.join(', ') : 'none';
  if (concentration.ownTokenShare === undefined) {
    reasons.push({
      metric: 'own-token.share',
      effect: 'unknown',
      ...provenance,
      message: `The clean (own-token-free) total is not published, so the share in the exchange's own tokens (${ownList}) is unknown.`,
    });
  } else {
    reasons.push(
      shareReason(
        'own-token.share',
        concentration.ownTokenShare,
        'own-token.share.caution',
        'own-token.share.danger',
        provenance,
        (share) => `${percent(share)} of reserves are in the exchange's own tokens (${ownList}).`,
      ),
    );
  }
  const affiliated = exchange.affiliatedTokens ?? [];
  const thin = concentration.breakdownTooThin === true;
  const thinLimit = thresholdValue('breakdown.unlisted.caution');
  if (affiliated.length > 0) {
    const atLeast = concentration.ownAndAffiliatedShare;
    if (thin && atLeast !== undefined && atLeast < thresholdValue('own-affiliated.share.danger')) {
      // Affiliated tokens may hide in what a thin list leaves out: the listed share is only a
      // floor, and below the danger line a floor cannot rule danger out.
      reasons.push({
        metric: 'own-affiliated.share',
        effect: 'unknown',
        threshold: thinLimit,
        thresholdId: 'breakdown.unlisted.caution',
        ...provenance,
        message: `At least ${percent(atLeast)} of reserves are in own or affiliated tokens (${[...exchange.ownTokens, ...affiliated].join(', ')}), but ${percent(concentration.unlistedShare ?? 1)} of reserves are not itemised, too much to tell how much more.`,
      });
    } else if (concentration.ownAndAffiliatedShare === undefined) {
      reasons.push({
        metric: 'own-affiliated.share',
        effect: 'unknown',
        ...provenance,
        message: `Tokens of affiliated firms (${affiliated.join(', ')}) count with own tokens, but there is no per-token breakdown to measure them.`,
      });
    } else {
      reasons.push(
        shareReason(
          'own-affiliated.share',
          concentration.ownAndAffiliatedShare,
          'own-affiliated.share.caution',
          'own-affiliated.share.danger',
          provenance,
          (share) => `${percent(share)} of reserves are in own or affiliated tokens (${[...exchange.ownTokens, ...affiliated].join(', ')}).`,
        ),
      );
    }
  }

  const { topAsset, topMinorAsset, hhi, stablecoinShare, unlistedShare } = concentration;
  if (topAsset === undefined || topMinorAsset === undefined || hhi === undefined) {
    const missing = 'There is no per-token breakdown of reserves, so';
    // A missing figure is unknown, not a finding about the exchange: it marks the verdict incomplete.
    reasons.push({ metric: 'top-asset.share', effect: 'unknown', ...provenance, message: `${missing} the largest single holding is unknown.` });
    reasons.push({ metric: 'minor-asset.share', effect: 'unknown', ...provenance, message: `${missing} holdings in minor tokens are unknown.` });
    reasons.push({ metric: 'hhi', effect: 'unknown', ...provenance, message: `${missing} how concentrated reserves are is unknown.` });
  } else if (thin) {
    const tooThin = `Only ${percent(1 - (unlistedShare ?? 1))} of reserves are itemised (at ${percent(thinLimit)} or more not itemised a breakdown is too thin to judge), so`;
    const cited = { threshold: thinLimit, thresholdId: 'breakdown.unlisted.caution' as const, effect: 'caution' as const, ...provenance };
    reasons.push({ metric: 'top-asset.share', ...cited, message: `${tooThin} the largest single holding may be far above the ${percent(topAsset.share)} of ${topAsset.symbol} listed.` });
    reasons.push({ metric: 'minor-asset.share', ...cited, message: `${tooThin} a large holding in a minor token may be among what is not itemised.` });
    reasons.push({ metric: 'hhi', ...cited, message: `${tooThin} how concentrated reserves are is unknown (the index could be as high as ${hhi.high.toFixed(2)}).` });
  } else {
    const unlisted = unlistedShare !== undefined && unlistedShare > 0 ? ` (${percent(unlistedShare)} of reserves are not itemised)` : '';
    reasons.push(
      shareReason('top-asset.share', topAsset.share, 'top-asset.share.caution', undefined, provenance, (share) => `The largest holding is ${topAsset.symbol} at ${percent(share)} of reserves.`),
    );
    reasons.push(
      shareReason(
        'minor-asset.share',
        topMinorAsset.share,
        'minor-asset.share.caution',
        undefined,
        provenance,
        (share) => `The largest holding outside BTC, ETH and stablecoins is ${topMinorAsset.symbol} at ${percent(share)} of reserves.`,
      ),
    );
    reasons.push(
      shareReason(
        'hhi',
        hhi.high,
        'hhi.caution',
        undefined,
        provenance,
        (value) => `Concentration index (Herfindahl–Hirschman) is at most ${value.toFixed(2)}${hhi.low < hhi.high ? ` and at least ${hhi.low.toFixed(2)}` : ''}${unlisted}.`,
      ),
    );
    if (stablecoinShare !== undefined) {
      reasons.push({ metric: 'stablecoin.share', value: stablecoinShare, effect: 'info', ...provenance, message: `${percent(stablecoinShare)} of reserves are dollar stablecoins.` });
    }
  }
  return onchain.totalUsd;
}

function shareReason(
  metric: string,
  share: number,
  cautionId: ThresholdId,
  dangerId: ThresholdId | undefined,
  provenance: { source: string; asOf: string },
  describe: (share: number) => string,
): RiskReason {
  const caution = thresholdValue(cautionId);
  const danger = dangerId === undefined ? undefined : thresholdValue(dangerId);
  const effect: ReasonEffect = danger !== undefined && share >= danger ? 'danger' : share >= caution ? 'caution' : 'ok';
  const thresholdId = effect === 'danger' && dangerId !== undefined ? dangerId : cautionId;
  const limit = effect === 'danger' && danger !== undefined ? danger : caution;
  const cutoffs = metric === 'hhi' ? `${caution}` : percent(caution);
  return {
    metric,
    value: share,
    threshold: limit,
    thresholdId,
    effect,
    ...provenance,
    message: `${describe(share)} ${effect === 'ok' ? `Below the ${cutoffs} warning line.` : `At or above the ${metric === 'hhi' ? limit : percent(limit)} ${effect} line.`}`,
  };
}

function flowReasons(flows: Flows | undefined, totalUsd: number | undefined, now: Date, metrics: RiskMetrics, reasons: RiskReason[]): void {
  const windows = [
    { metric: 'outflow-7d.share', label: '7-day', field: 'net7dUsd', thresholdId: 'outflow-7d.share.caution', share: 'outflow7dShare' },
    { metric: 'outflow-30d.share', label: '30-day', field: 'net30dUsd', thresholdId: 'outflow-30d.share.caution', share: 'outflow30dShare' },
  ] as const;
  if (flows === undefined) {
    for (const span of windows) reasons.push({ metric: span.metric, effect: 'unknown', message: `No ${span.label} net flow figure, so a run in progress would go unseen.` });
    return;
  }
  const provenance = { source: flows.source, asOf: flows.asOf };
  const ageDays = daysSince(flows.asOf, now);
  const maxAge = thresholdValue('flows.max-age-days');
  if (!(ageDays <= maxAge)) {
    for (const span of windows) {
      reasons.push({
        metric: span.metric,
        value: ageDays,
        threshold: maxAge,
        thresholdId: 'flows.max-age-days',
        effect: 'unknown',
        ...provenance,
        message: `The net flow figures describe ${flows.asOf}, ${ageDays} days ago; older than ${maxAge} days it says nothing about a run now.`,
      });
    }
    return;
  }
  const shares = totalUsd === undefined ? {} : netFlowShares({ flows, totalUsd });
  metrics.netFlows = shares;
  for (const span of windows) {
    const share = shares[span.share];
    const net = flows[span.field];
    if (share === undefined || net === undefined) {
      reasons.push({
        metric: span.metric,
        effect: 'unknown',
        ...provenance,
        message: net === undefined ? `No ${span.label} net flow figure, so a run in progress would go unseen.` : `No total to compare the ${span.label} net flow with.`,
      });
      continue;
    }
    const caution = thresholdValue(span.thresholdId);
    const effect: ReasonEffect = share >= caution ? 'caution' : 'ok';
    const direction = net < 0 ? `${usd(-net)} left` : `${usd(net)} came in`;
    reasons.push({
      metric: span.metric,
      value: share,
      threshold: caution,
      thresholdId: span.thresholdId,
      effect,
      ...provenance,
      message: `Over ${span.label.replace('-day', ' days')} ${direction} net (${percent(share)} of assets leaving; ${percent(caution)} or more looks like a run).`,
    });
  }
}

/** Shares read well to a tenth of a percent; reserve ratios need hundredths (100.99 % is not 101 %). */
function percent(fraction: number, digits = 1): string {
  const value = fraction * 100;
  return `${Number.isInteger(value) ? value : Number(value.toFixed(digits))} %`;
}

function usd(amount: number): string {
  if (amount >= 1e9) return `$${(amount / 1e9).toFixed(2)}B`;
  if (amount >= 1e6) return `$${(amount / 1e6).toFixed(1)}M`;
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}
