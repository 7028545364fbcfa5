import type { Flows } from '../reserves/schema';
import { copyAge } from './copy-age';
import { netFlowShares } from './net-flows';
import type { ReasonEffect, RiskMetrics, RiskReason } from './reason';
import { thresholdValue } from './thresholds';

const SPANS = [
  { metric: 'outflow-7d.share', field: 'net7dUsd', thresholdId: 'outflow-7d.share.caution', share: 'outflow7dShare', code: 'flow-7d' },
  { metric: 'outflow-30d.share', field: 'net30dUsd', thresholdId: 'outflow-30d.share.caution', share: 'outflow30dShare', code: 'flow-30d' },
] as const;

/** The net flow reasons, one per window (or one for the block when it is too old): a run in progress shows as assets leaving. */
export function flowReasons(flows: Flows | undefined, totalUsd: number | undefined, now: Date, metrics: RiskMetrics, reasons: RiskReason[]): void {
  if (flows === undefined) {
    for (const span of SPANS) reasons.push({ metric: span.metric, code: `${span.code}.missing`, effect: 'unknown' });
    return;
  }
  const provenance = { source: flows.source, asOf: flows.asOf };
  const maxAge = thresholdValue('flows.max-age-days');
  const age = copyAge({ asOf: flows.asOf, checkedAt: flows.checkedAt, now, maxAgeDays: maxAge });
  // Old flows count as missing for both windows; one reason says so for the block, so the reader
  // sees it once. Our copy's age is said as ours; only figures the source served old are the source's.
  if (age.late === 'us') {
    reasons.push({
      metric: 'flows.checked',
      code: 'flows.unchecked',
      value: age.checkedAt,
      threshold: maxAge,
      thresholdId: 'flows.max-age-days',
      effect: 'unknown',
      ...provenance,
      params: { checkedAt: age.checkedAt, describes: flows.asOf },
    });
    return;
  }
  if (age.late === 'source') {
    reasons.push({ metric: 'flows.age-days', code: 'flows.old', value: age.ageDays, threshold: maxAge, thresholdId: 'flows.max-age-days', effect: 'unknown', ...provenance });
    return;
  }
  const shares = totalUsd === undefined ? {} : netFlowShares({ flows, totalUsd });
  metrics.netFlows = shares;
  for (const span of SPANS) {
    const share = shares[span.share];
    const net = flows[span.field];
    if (share === undefined || net === undefined) {
      reasons.push({ metric: span.metric, code: net === undefined ? `${span.code}.missing` : `${span.code}.no-total`, effect: 'unknown', ...provenance });
      continue;
    }
    const caution = thresholdValue(span.thresholdId);
    const effect: ReasonEffect = share >= caution ? 'caution' : 'ok';
    reasons.push({
      metric: span.metric,
      code: net < 0 ? `${span.code}.out` : `${span.code}.in`,
      value: share,
      threshold: caution,
      thresholdId: span.thresholdId,
      effect,
      ...provenance,
      params: { netUsd: net },
    });
  }
}
