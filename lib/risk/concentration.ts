import type { OnchainAssets } from '../reserves/schema';
import { CORE_ASSETS, STABLECOINS, normalizeSymbol } from './assets';
import { thresholdValue } from './thresholds';

/** On-chain assets as the risk model reads them; `cleanUsd` may be unknown in historical cases. */
export type RiskOnchainAssets = Omit<OnchainAssets, 'cleanUsd'> & { cleanUsd?: number | undefined };

export interface AssetShare {
  symbol: string;
  /** Fraction of total assets, 0…1. */
  share: number;
}

export interface AssetConcentrationParameters {
  onchain: Pick<RiskOnchainAssets, 'totalUsd' | 'cleanUsd' | 'topTokens'>;
  ownTokens: readonly string[];
  affiliatedTokens?: readonly string[] | undefined;
}

export interface AssetConcentrationReturnType {
  /** (total − clean) / total: DefiLlama's clean figure already removes the exchange's own tokens. */
  ownTokenShare?: number;
  /** Listed affiliated tokens over total; present only when the exchange has documented affiliates and a breakdown. */
  affiliatedTokenShare?: number;
  /** Own + affiliated; present only when both parts are known. */
  ownAndAffiliatedShare?: number;
  /**
   * The fields below need the per-token breakdown (`topTokens`). Listed stablecoins over total: a
   * floor when the breakdown is too thin.
   */
  stablecoinShare?: number;
  /** The largest listed asset; absent when the list names none. */
  topAsset?: AssetShare;
  /** Largest listed asset that is not BTC, ETH, a stablecoin, an own or an affiliated token; absent when the list names none. */
  topMinorAsset?: AssetShare;
  /** Share of total not covered by the listed tokens ("other, unlisted"). */
  unlistedShare?: number;
  /**
   * The list leaves `breakdown.unlisted.caution` or more of the total unitemised. A top-N list
   * that covers so little is either a very long tail or a breakdown that does not match the
   * total (they come from different DefiLlama answers); the top-N reading below is then not
   * credible, so the largest holding and the HHI cannot be bounded from the list, and the
   * verdict calls the breakdown too thin to judge.
   */
  breakdownTooThin?: boolean;
  /**
   * Herfindahl–Hirschman index over assets (sum of squared shares, 0…1), as bounds because the
   * unlisted remainder's make-up is unknown: `low` spreads it over infinitely many tiny assets.
   * `high` packs it into as few assets as a top-N list allows (none larger than the smallest
   * listed one); when the breakdown is too thin for that reading, it adds the whole remainder to
   * the largest listed asset, the worst any split can do. The verdict uses `high`.
   */
  hhi?: { low: number; high: number };
}

/** Who holds what share of an exchange's on-chain reserves. Never throws; unknown parts are omitted. */
export function assetConcentration({ onchain, ownTokens, affiliatedTokens }: AssetConcentrationParameters): AssetConcentrationReturnType {
  const result: AssetConcentrationReturnType = {};
  const total = onchain.totalUsd;
  if (!(total > 0)) return result;

  if (onchain.cleanUsd !== undefined && Number.isFinite(onchain.cleanUsd)) {
    result.ownTokenShare = clampShare((total - onchain.cleanUsd) / total);
  }
  if (onchain.topTokens === undefined) return result;

  const bySymbol = new Map<string, number>();
  for (const { symbol, usd } of onchain.topTokens) {
    if (!(usd >= 0) || !Number.isFinite(usd)) continue;
    const key = normalizeSymbol(symbol);
    bySymbol.set(key, (bySymbol.get(key) ?? 0) + usd);
  }
  const listedUsd = [...bySymbol.values()].reduce((sum, usd) => sum + usd, 0);
  // A breakdown that adds up to more than the total disagrees with it; shares are then taken of
  // the larger sum so that no share exceeds 100 %.
  const denominator = Math.max(total, listedUsd);
  const shares = [...bySymbol.entries()].map(([symbol, usd]) => ({ symbol, share: usd / denominator })).sort((a, b) => b.share - a.share);
  const own = new Set(ownTokens.map(normalizeSymbol));
  const affiliated = new Set((affiliatedTokens ?? []).map(normalizeSymbol));

  const sumWhere = (keep: (symbol: string) => boolean): number => shares.filter(({ symbol }) => keep(symbol)).reduce((sum, { share }) => sum + share, 0);

  if (affiliated.size > 0) {
    result.affiliatedTokenShare = sumWhere((symbol) => affiliated.has(symbol) && !own.has(symbol));
    if (result.ownTokenShare !== undefined) {
      result.ownAndAffiliatedShare = clampShare(result.ownTokenShare + result.affiliatedTokenShare);
    }
  }
  result.stablecoinShare = sumWhere((symbol) => STABLECOINS.includes(symbol));
  const top = shares[0];
  if (top !== undefined) result.topAsset = top;
  const minor = shares.find(({ symbol }) => !CORE_ASSETS.includes(symbol) && !STABLECOINS.includes(symbol) && !own.has(symbol) && !affiliated.has(symbol));
  if (minor !== undefined) result.topMinorAsset = minor;

  const unlisted = clampShare(1 - listedUsd / denominator);
  result.unlistedShare = unlisted;
  const tooThin = !(unlisted < thresholdValue('breakdown.unlisted.caution'));
  result.breakdownTooThin = tooThin;
  const low = shares.reduce((sum, { share }) => sum + share * share, 0);
  const largest = shares[0]?.share ?? 0;
  const smallest = shares.at(-1)?.share;
  let high = low;
  if (tooThin) {
    // Squares are convex, so the worst split gives the whole remainder to the largest asset.
    high += (largest + unlisted) ** 2 - largest ** 2;
  } else if (unlisted > 0) {
    if (smallest === undefined || smallest <= 0) {
      high += unlisted * unlisted;
    } else {
      const whole = Math.floor(unlisted / smallest);
      const rest = unlisted - whole * smallest;
      high += whole * smallest * smallest + rest * rest;
    }
  }
  result.hhi = { low, high: Math.min(1, high) };
  return result;
}

function clampShare(value: number): number {
  return Math.min(1, Math.max(0, value));
}
