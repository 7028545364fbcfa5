/**
 * Asset lists the risk model reasons with. Kept apart from the thresholds because they are
 * classifications, not cut-offs.
 */

/**
 * The assets whose reserve ratio matters most to most users: the two largest coins and the two
 * largest dollar stablecoins by market capitalisation, the assets most customers hold and most
 * PoR reports cover.
 */
export const MAJOR_ASSETS: readonly string[] = ['BTC', 'ETH', 'USDT', 'USDC'];

/** Major assets first, in their usual order; every other asset after them. */
export function assetRank(asset: string): number {
  const index = MAJOR_ASSETS.indexOf(asset);
  return index === -1 ? MAJOR_ASSETS.length : index;
}

/**
 * Fiat-backed or crypto-over-collateralised dollar stablecoins. Algorithmic or exchange-run
 * "stable" tokens (USDD, stUSDT) are deliberately absent: they carry issuer risk, so they count
 * as ordinary assets in concentration.
 */
export const STABLECOINS: readonly string[] = ['USDT', 'USDC', 'DAI', 'BUSD', 'TUSD', 'USDP', 'FDUSD', 'PYUSD'];

/** BTC and ETH count as "core" beside stablecoins: a large share in them is not a concentration warning sign. */
export const CORE_ASSETS: readonly string[] = ['BTC', 'ETH'];

export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}
