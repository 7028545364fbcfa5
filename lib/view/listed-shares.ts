import type { AssetConcentrationReturnType } from '../risk/concentration';

/** A share read off the token list, as shown: `floor` where the list is too thin to judge; no share where it is unknown. */
export interface ListedShare {
  share?: number;
  floor: boolean;
}

/**
 * How the card and the share image show a share from the token list. A list too thin to judge gives floors, not shares,
 * and a floor of nothing says nothing: unknown.
 */
export function listedShare(concentration: AssetConcentrationReturnType | undefined, share: number | undefined): ListedShare {
  const floor = concentration?.breakdownTooThin === true;
  return share === undefined || (floor && !(share > 0)) ? { floor } : { share, floor };
}

/** The largest listed asset as shown: named only from a list that can tell which asset is the largest. */
export function largestListedAsset(concentration: AssetConcentrationReturnType | undefined): ListedShare & { symbol?: string } {
  const top = concentration?.topAsset;
  const shown = listedShare(concentration, top?.share);
  return top === undefined || shown.floor ? shown : { ...shown, symbol: top.symbol };
}
