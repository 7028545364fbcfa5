import type { PorAttestation } from '../reserves/schema';
import { daysSince, lastReadDay } from './dates';
import { porFreshness } from './por-freshness';
import { porMethodStrength } from './por-method';
import type { RiskMetrics, RiskReason } from './reason';
import { reserveCoverage } from './reserve-coverage';
import { thresholdValue } from './thresholds';

/** The proof-of-reserves reasons: method, freshness, reserve ratios. Returns the PoR method strength, or undefined when there is no PoR record. */
export function porReasons(por: PorAttestation | undefined, operating: boolean, now: Date, metrics: RiskMetrics, reasons: RiskReason[]): number | undefined {
  if (por === undefined) {
    reasons.push({ metric: 'por', code: 'por.missing', effect: 'unknown' });
    return undefined;
  }
  // A "none" record's own date is a source's (a filing, a news story), not the day "none" was true: its reasons are
  // dated by the day we looked, and without such a day they are undated.
  const lookedAt = lastReadDay(por.asOf, por.checkedAt, now);
  // No day we looked after the record's date (`noneLookedDay`'s rule): `lastReadDay` fell back on the source's.
  const undatedNone = por.method === 'none' && lookedAt === por.asOf;
  // A report whose source gives no date names none: its `asOf` only orders the record.
  const undatedReport = por.method !== 'none' && por.undated === true;
  const provenance = undatedReport || undatedNone ? { source: por.source } : { source: por.source, asOf: por.method === 'none' ? lookedAt : por.asOf };
  const strength = porMethodStrength(por.method);
  metrics.porMethod = { method: por.method, strength };
  const minimum = thresholdValue('por.method.caution');
  if (por.method === 'none' && operating) {
    // "Publishes none" was true on the day we checked; long after, the gap is ours.
    const limit = thresholdValue('por.none.recheck-days');
    if (!(daysSince(lookedAt, now) <= limit)) {
      reasons.push({
        metric: 'por.checked',
        code: 'por.none-unchecked',
        // Only a day we looked is named: "not checked since" a source's date would be false.
        ...(undatedNone ? {} : { value: lookedAt }),
        threshold: limit,
        thresholdId: 'por.none.recheck-days',
        effect: 'unknown',
        ...provenance,
      });
      return strength;
    }
  }
  reasons.push({
    metric: 'por.method',
    code: 'por.method',
    value: por.method,
    threshold: minimum,
    thresholdId: 'por.method.caution',
    effect: strength < minimum ? 'caution' : 'ok',
    ...provenance,
    params: { strength },
  });
  if (por.method === 'none') return strength;

  if (undatedReport) {
    // No date, so no age: unknown, neither the exchange's delay nor a fresh report.
    reasons.push({ metric: 'por.age-days', code: 'por.undated', effect: 'unknown', ...provenance });
  } else porAgeReasons(por, now, metrics, reasons, provenance);
  return ratioReasons(por, strength, minimum, metrics, reasons, provenance);
}

type Provenance = { source: string; asOf?: string };

function porAgeReasons(por: PorAttestation, now: Date, metrics: RiskMetrics, reasons: RiskReason[], provenance: Provenance): void {
  const freshness = porFreshness({ por, now });
  metrics.porFreshness = freshness;
  const dates = { describes: por.asOf, checkedAt: freshness.checkedAt, cadence: freshness.cadence, allowedDays: freshness.allowedDays };
  if (freshness.late === 'exchange') {
    reasons.push({
      metric: 'por.age-days',
      code: 'por.overdue',
      value: freshness.ageAtCheckDays,
      threshold: freshness.allowedDays,
      thresholdId: 'por.stale.cadences',
      effect: 'caution',
      ...provenance,
      params: dates,
    });
  } else if (freshness.late === 'us') {
    // Our copy is old, not necessarily the exchange's report: said as ours, and it counts as missing. The rule
    // cited is the cadence rule whenever it makes the gap ours, else our re-check policy.
    const { stale, ageAtCheckDays, checkAgeDays, allowedDays } = freshness;
    const ourPolicy = !(stale && !(ageAtCheckDays > allowedDays && checkAgeDays <= allowedDays));
    reasons.push({
      metric: 'por.checked',
      code: 'por.unchecked',
      value: freshness.checkedAt,
      threshold: ourPolicy ? freshness.recheckDays : freshness.allowedDays,
      thresholdId: ourPolicy ? 'por.recheck-days' : 'por.stale.cadences',
      effect: 'unknown',
      ...provenance,
      params: dates,
    });
  } else {
    reasons.push({
      metric: 'por.age-days',
      code: 'por.fresh',
      value: freshness.ageDays,
      threshold: freshness.allowedDays,
      thresholdId: 'por.stale.cadences',
      effect: 'ok',
      ...provenance,
      params: dates,
    });
  }
}

function ratioReasons(por: PorAttestation, strength: number, minimum: number, metrics: RiskMetrics, reasons: RiskReason[], provenance: Provenance): number {
  // Wallet lists carry no liabilities, so a "ratio" from one has no denominator; it is not read.
  if (strength < minimum) return strength;
  const coverage = reserveCoverage({ reserveRatios: por.reserveRatios });
  metrics.reserveCoverage = coverage;
  if (coverage.lowestMajor === undefined) {
    reasons.push({ metric: 'reserve-ratio.major', code: 'ratio-major.missing', effect: 'unknown', ...provenance });
  } else {
    const { asset, ratio } = coverage.lowestMajor;
    const danger = thresholdValue('reserve-ratio.major.danger');
    const caution = thresholdValue('reserve-ratio.major.caution');
    const effect = ratio < danger ? 'danger' : ratio < caution ? 'caution' : 'ok';
    reasons.push({
      metric: 'reserve-ratio.major',
      code: 'ratio-major',
      value: ratio,
      threshold: effect === 'danger' ? danger : caution,
      thresholdId: effect === 'danger' ? 'reserve-ratio.major.danger' : 'reserve-ratio.major.caution',
      effect,
      ...provenance,
      params: { asset, caution, danger },
    });
  }
  if (coverage.lowestAny === undefined) {
    reasons.push({ metric: 'reserve-ratio.any', code: 'ratio-any.missing', effect: 'unknown', ...provenance });
  } else {
    const { asset, ratio } = coverage.lowestAny;
    const caution = thresholdValue('reserve-ratio.any.caution');
    reasons.push({
      metric: 'reserve-ratio.any',
      code: 'ratio-any',
      value: ratio,
      threshold: caution,
      thresholdId: 'reserve-ratio.any.caution',
      effect: ratio < caution ? 'caution' : 'ok',
      ...provenance,
      params: { asset, caution },
    });
  }
  return strength;
}
