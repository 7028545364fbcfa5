import { formatUnits, parseUnits } from 'viem';
import type { TokenAmounts } from '../reserves/schema';
import type { CheckReservesReturnType } from './reserves-check';

/**
 * Sets the coins counted on-chain beside DefiLlama's newest coin amounts for the same chain,
 * in coins, never in dollars: a price moves both sides of a dollar figure, so only a coin count
 * says whether the wallets hold what DefiLlama says they hold.
 *
 * The two sides need not count the same wallets: the check reads the list the exchange
 * published (as dated in `reserve-addresses.ts`), DefiLlama reads the list in its adapter. A
 * difference is therefore a finding to look into, not by itself a shortfall.
 */

export type DefillamaSymbolCandidatesParameters = {
  /** The symbol as the check labels the asset (`ETH`, `USDT`, `POL`). */
  symbol: string;
  /** True for the chain's own coin, read with `getEthBalance`. */
  native: boolean;
};

/**
 * The DefiLlama token keys that may stand for an asset the check reads. The rule is a plain
 * case-insensitive symbol match, with one alias, because a wrong match is worse than no match:
 *
 * - Polygon's own coin was renamed MATIC → POL on 2024-09-04, 1:1 and in place on Polygon PoS
 *   (https://voiceofcrypto.online/analysis/polygons-matic-to-pol-migration-heres-what-to-know),
 *   so a native `POL` also matches `MATIC`. When a point names both, the match is ambiguous and
 *   the row stays unknown rather than adding or choosing.
 * - `WETH` never matches `ETH`: it is an ERC-20 the check does not read (it reads the native
 *   balance), so counting it would set two different holdings side by side. The same holds for
 *   any wrapped coin (WPOL, WAVAX).
 * - `BTCB` (Binance-Peg BTC on BNB Chain) matches nothing: the check reads no BNB Chain list and
 *   no BTC, and a bridged BTC is not BTC.
 * - Bridged variants are not merged either (Polygon's `USDC.e` is its own key); the check's
 *   token symbols come from the exchange's own checker configuration (`reserveTokens`).
 */
export function defillamaSymbolCandidates({ symbol, native }: DefillamaSymbolCandidatesParameters): string[] {
  const upper = symbol.toUpperCase();
  if (native && upper === 'POL') return ['POL', 'MATIC'];
  return [upper];
}

/**
 * A JavaScript number as a plain decimal string, exponent written out (`1.5e-7` → `0.00000015`).
 * The digits are the shortest that read back as the same number the JSON parser made of
 * DefiLlama's answer: no precision is added, none is rounded away beyond what a double holds.
 */
export function decimalFromNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  const [int = '0', frac] = plain.split('.');
  const trimmedInt = int.replace(/^0+(?=\d)/, '');
  const trimmedFrac = frac?.replace(/0+$/, '') ?? '';
  return `${sign}${trimmedInt}${trimmedFrac === '' ? '' : `.${trimmedFrac}`}`;
}

export type DefillamaRowStatus =
  /** Both figures present and every read for the coin answered. */
  | 'compared'
  /** Both present, but the on-chain count is a lower bound: some reads failed or the check stopped. */
  | 'partial'
  /** DefiLlama's newest point for this chain does not name the coin (or there is no point). */
  | 'no-defillama'
  /** No read for the coin answered, so there is no on-chain count. */
  | 'no-onchain'
  /** The point names more than one key that could be this coin. */
  | 'ambiguous';

export interface DefillamaComparisonRow {
  symbol: string;
  status: DefillamaRowStatus;
  /** Whole coins counted on-chain (a lower bound when `status` is `partial`). */
  onChain?: string;
  /** Reads for this coin that did not answer. */
  missingReads: number;
  /** The DefiLlama key used. */
  defillamaSymbol?: string;
  /** DefiLlama's amount in whole coins, as it sent it. */
  defillama?: string;
  /** onChain − defillama, in whole coins, exact. */
  difference?: string;
  /** (onChain − defillama) / defillama in percent, two decimals, rounded toward zero; absent when DefiLlama says 0. */
  differencePercent?: string;
}

export type CompareWithDefillamaParameters = {
  result: Pick<CheckReservesReturnType, 'complete' | 'blockNumber' | 'comparisons'>;
  /** Every asset the check was asked to read, in display order. */
  symbols: readonly string[];
  nativeSymbol: string;
  /** The chain's key in DefiLlama's `chainTvls` (`Ethereum`, `Arbitrum`). */
  chain: string;
  /** What the extension holds; undefined when it holds none. */
  amounts: TokenAmounts | undefined;
};

export type CompareWithDefillamaReturnType = {
  /**
   * `complete`: every read answered, rows are full comparisons (a row may still lack a DefiLlama
   * figure). `partial`: some reads failed; a row is a full comparison only when all its own reads answered. `unknown`: there is
   * nothing to compare (no block read, or no DefiLlama point for this chain).
   */
  status: 'complete' | 'partial' | 'unknown';
  /** The block the coins were counted at. */
  blockNumber?: string;
  chain: string;
  /** DefiLlama's URL and the moment of its point for this chain. */
  source?: string;
  at?: string;
  rows: DefillamaComparisonRow[];
};

export function compareWithDefillama(parameters: CompareWithDefillamaParameters): CompareWithDefillamaReturnType {
  const { result, chain } = parameters;
  const point = parameters.amounts?.chains[chain];
  const keys = point === undefined ? [] : Object.keys(point.amounts);
  const partialRead = !result.complete;
  const rows = parameters.symbols.map((symbol): DefillamaComparisonRow => {
    const counted = result.comparisons.find((row) => row.symbol === symbol);
    const missingReads = counted?.missingReads ?? 0;
    const base: DefillamaComparisonRow = { symbol, status: 'no-onchain', missingReads, ...(counted === undefined ? {} : { onChain: counted.onChain }) };
    const candidates = defillamaSymbolCandidates({ symbol, native: symbol === parameters.nativeSymbol });
    const found = keys.filter((key) => candidates.includes(key.toUpperCase()));
    if (found.length > 1) return { ...base, status: 'ambiguous' };
    const key = found[0];
    const amount = key === undefined ? undefined : point?.amounts[key];
    if (key === undefined || amount === undefined) return { ...base, status: counted === undefined ? 'no-onchain' : 'no-defillama' };
    const defillama = decimalFromNumber(amount);
    const withLlama = { ...base, defillamaSymbol: key, defillama };
    if (counted === undefined) return withLlama;
    const scale = Math.max(fractionLength(counted.onChain), fractionLength(defillama));
    const onChainScaled = parseUnits(counted.onChain, scale);
    const llamaScaled = parseUnits(defillama, scale);
    const difference = onChainScaled - llamaScaled;
    return {
      ...withLlama,
      // missingReads counts every read of the coin that did not answer, those never sent included: 0 means its count is exact.
      status: missingReads > 0 ? 'partial' : 'compared',
      difference: formatUnits(difference, scale),
      ...(llamaScaled === 0n ? {} : { differencePercent: formatUnits((difference * 10_000n) / llamaScaled, 2) }),
    };
  });
  const anyFigure = rows.some((row) => row.status === 'compared' || row.status === 'partial');
  const status = result.blockNumber === undefined || point === undefined || !anyFigure ? 'unknown' : partialRead || rows.some((row) => row.status === 'partial') ? 'partial' : 'complete';
  return {
    status,
    ...(result.blockNumber === undefined ? {} : { blockNumber: result.blockNumber }),
    chain,
    ...(parameters.amounts === undefined || point === undefined ? {} : { source: parameters.amounts.source, at: point.at }),
    rows,
  };
}

function fractionLength(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
