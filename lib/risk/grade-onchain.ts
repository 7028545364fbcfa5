import type { ExchangeDefinition } from '../exchanges/types';
import { assetConcentration, type RiskOnchainAssets } from './concentration';
import { copyAge } from './copy-age';
import type { Provenance, ReasonCode, ReasonEffect, RiskMetrics, RiskReason } from './reason';
import { thresholdValue, type ThresholdId } from './thresholds';

/** The on-chain reasons: age, leverage, own and affiliated tokens, concentration. Returns the total used for flow shares (0 included), or undefined when there is no usable total. */
export function onchainReasons(
  exchange: Pick<ExchangeDefinition, 'ownTokens' | 'affiliatedTokens'>,
  onchain: RiskOnchainAssets | undefined,
  now: Date,
  metrics: RiskMetrics,
  reasons: RiskReason[],
): number | undefined {
  if (onchain === undefined) {
    reasons.push({ metric: 'onchain', code: 'onchain.missing', effect: 'unknown' });
    return undefined;
  }
  const provenance = { source: onchain.source, asOf: onchain.asOf };
  const maxAge = thresholdValue('onchain.max-age-days');
  const age = copyAge({ asOf: onchain.asOf, checkedAt: onchain.checkedAt, now, maxAgeDays: maxAge });
  metrics.onchainAgeDays = age.ageDays;
  if (age.late === 'us') {
    // Our copy is old, not necessarily DefiLlama's figures: said as ours, and it still cannot vouch.
    reasons.push({
      metric: 'onchain.checked',
      code: 'onchain.unchecked',
      value: age.checkedAt,
      threshold: maxAge,
      thresholdId: 'onchain.max-age-days',
      effect: 'unknown',
      ...provenance,
      params: { checkedAt: age.checkedAt, describes: onchain.asOf },
    });
  } else if (age.late === 'source') {
    reasons.push({ metric: 'onchain.age-days', code: 'onchain.old', value: age.ageDays, threshold: maxAge, thresholdId: 'onchain.max-age-days', effect: 'unknown', ...provenance });
  }
  if (onchain.leverage !== undefined) {
    metrics.leverage = onchain.leverage;
    const limit = thresholdValue('leverage.info');
    reasons.push({
      metric: 'leverage',
      code: 'leverage',
      value: onchain.leverage,
      threshold: limit,
      thresholdId: 'leverage.info',
      effect: onchain.leverage >= limit ? 'info' : 'ok',
      ...provenance,
    });
  }
  if (!(onchain.totalUsd > 0)) {
    reasons.push({ metric: 'onchain.total', code: 'onchain.zero', value: onchain.totalUsd, effect: 'unknown', ...provenance });
    // A total of 0 grades no concentration, yet what left in a window is still a share of what was held (all of it).
    return onchain.totalUsd === 0 ? 0 : undefined;
  }

  const concentration = assetConcentration({ onchain, ownTokens: exchange.ownTokens, affiliatedTokens: exchange.affiliatedTokens });
  metrics.concentration = concentration;
  const own = { tokens: [...exchange.ownTokens] };
  if (concentration.ownTokenShare === undefined) {
    reasons.push({ metric: 'own-token.share', code: 'own-token.unknown', effect: 'unknown', ...provenance, params: own });
  } else {
    reasons.push(shareReason('own-token.share', concentration.ownTokenShare, 'own-token.share.caution', 'own-token.share.danger', provenance, own));
  }
  // The per-token breakdown is a different DefiLlama answer (/protocol/<slug>) with its own date
  // and URL; without them it came with the totals. Its shares are its dollars over the totals'
  // total, so a figure read from it names both answers when they differ.
  const breakdown = { source: onchain.breakdownSource ?? onchain.source, asOf: onchain.breakdownAsOf ?? onchain.asOf };
  const listed: Provenance = breakdown.source === onchain.source && breakdown.asOf === onchain.asOf ? breakdown : { ...breakdown, totalSource: onchain.source, totalAsOf: onchain.asOf };
  const affiliated = exchange.affiliatedTokens ?? [];
  const thin = concentration.breakdownTooThin === true;
  const thinLimit = thresholdValue('breakdown.unlisted.caution');
  if (affiliated.length > 0) {
    const atLeast = concentration.ownAndAffiliatedShare;
    const both = { tokens: [...exchange.ownTokens, ...affiliated] };
    if (thin && atLeast !== undefined && atLeast < thresholdValue('own-affiliated.share.danger')) {
      // Affiliated tokens may hide in what a thin list leaves out: the listed share is only a
      // floor, and below the danger line a floor cannot rule danger out.
      reasons.push({
        metric: 'own-affiliated.share',
        code: 'own-affiliated.floor',
        effect: 'unknown',
        threshold: thinLimit,
        thresholdId: 'breakdown.unlisted.caution',
        ...listed,
        params: { ...both, listedShare: atLeast, unlistedShare: concentration.unlistedShare ?? 1 },
      });
    } else if (concentration.ownAndAffiliatedShare === undefined) {
      reasons.push({ metric: 'own-affiliated.share', code: 'own-affiliated.unknown', effect: 'unknown', ...provenance, params: { tokens: [...affiliated] } });
    } else {
      // Own share (totals' answer) plus affiliated share (breakdown dollars over the totals' total).
      reasons.push(shareReason('own-affiliated.share', concentration.ownAndAffiliatedShare, 'own-affiliated.share.caution', 'own-affiliated.share.danger', listed, both));
    }
  }

  const { topAsset, topMinorAsset, hhi, stablecoinShare, unlistedShare } = concentration;
  if (hhi === undefined) {
    // The gap is ours (no breakdown came, or its fetch failed), not a finding about the exchange: one unknown reason,
    // citing no answer, since the totals' answer never gave a breakdown. It marks the verdict incomplete.
    reasons.push({ metric: 'breakdown', code: 'breakdown-missing', effect: 'unknown' });
  } else if (thin || topAsset === undefined) {
    // A list that names nothing itemises nothing: too thin, and the largest listed asset is not there to cite.
    const cited = { threshold: thinLimit, thresholdId: 'breakdown.unlisted.caution' as const, effect: 'caution' as const, ...listed };
    const unlisted = unlistedShare ?? 1;
    const largest = topAsset === undefined ? {} : { asset: topAsset.symbol, listedShare: topAsset.share };
    reasons.push({ metric: 'top-asset.share', code: 'breakdown-thin.top', ...cited, params: { unlistedShare: unlisted, ...largest } });
    reasons.push({ metric: 'minor-asset.share', code: 'breakdown-thin.minor', ...cited, params: { unlistedShare: unlisted } });
    reasons.push({ metric: 'hhi', code: 'breakdown-thin.hhi', ...cited, params: { unlistedShare: unlisted, hhiHigh: hhi.high } });
  } else {
    const unlisted = unlistedShare !== undefined && unlistedShare > 0 ? { unlistedShare } : {};
    reasons.push(shareReason('top-asset.share', topAsset.share, 'top-asset.share.caution', undefined, listed, { asset: topAsset.symbol }));
    // No minor asset named on a list covering enough of the total: 0, said without an asset. An unlisted rest under
    // the thin line may still hold one; the HHI bound counts that rest (docs/risk-model.md).
    reasons.push(
      shareReason('minor-asset.share', topMinorAsset?.share ?? 0, 'minor-asset.share.caution', undefined, listed, topMinorAsset === undefined ? undefined : { asset: topMinorAsset.symbol }),
    );
    reasons.push(shareReason('hhi', hhi.high, 'hhi.caution', undefined, listed, { ...unlisted, ...(hhi.low < hhi.high ? { hhiLow: hhi.low } : {}) }));
    if (stablecoinShare !== undefined) reasons.push({ metric: 'stablecoin.share', code: 'stablecoin.share', value: stablecoinShare, effect: 'info', ...listed });
  }
  return onchain.totalUsd;
}

/** A share against its caution line (and danger line, where there is one); the threshold is the line it reached, or the caution line. */
function shareReason(metric: ReasonCode, share: number, cautionId: ThresholdId, dangerId: ThresholdId | undefined, provenance: Provenance, params: RiskReason['params']): RiskReason {
  const caution = thresholdValue(cautionId);
  const danger = dangerId === undefined ? undefined : thresholdValue(dangerId);
  const effect: ReasonEffect = danger !== undefined && share >= danger ? 'danger' : share >= caution ? 'caution' : 'ok';
  const thresholdId = effect === 'danger' && dangerId !== undefined ? dangerId : cautionId;
  const limit = effect === 'danger' && danger !== undefined ? danger : caution;
  return { metric, code: metric, value: share, threshold: limit, thresholdId, effect, ...provenance, ...(params === undefined ? {} : { params }) };
}
