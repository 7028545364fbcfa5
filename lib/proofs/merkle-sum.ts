import type { Decimal } from './decimal';
import { sha256Hex } from './sha256';
import type { InclusionProofChecked, InclusionProofFailed, ProofBalances, ProofFailure, ProofFormat, ProofRunOptions, ProofStep } from './types';

/** Sums per asset, in the order the format hashes them. */
export type AssetSums = ReadonlyArray<readonly [asset: string, amount: Decimal]>;

export interface SumSibling {
  hash: string;
  sums: AssetSums;
  balances: ProofBalances;
  side: 'left' | 'right';
}

/** What differs between exchanges; the walk from leaf to root is shared. */
export interface MerkleSumRules {
  format: ProofFormat;
  variant: string;
  snapshotId?: string;
  leafPreimage: string;
  leafHash: string;
  leafSums: AssetSums;
  leafBalances: ProofBalances;
  siblings: SumSibling[];
  root: { hash: string; balances: ProofBalances; height: number };
  /** Hex characters kept of each SHA-256 (Bitget keeps 16). */
  hashLength: number;
  /** Height number of the parent made at step `index` (1-based). */
  heightAt(index: number): number;
  /** `current` is the node we computed, `sibling` the one from the file; some formats care which is on the left. */
  add(current: AssetSums, sibling: AssetSums, siblingSide: 'left' | 'right'): AssetSums | SumMismatch;
  formatSums(sums: AssetSums): ProofBalances;
  parentPreimage(leftHash: string, rightHash: string, sums: AssetSums, height: number): string;
  rootBalancesMatch(computed: AssetSums, written: ProofBalances): boolean;
}

export type WalkResult = Omit<InclusionProofChecked, 'rootMatches' | 'verdict'> | InclusionProofFailed;

function cancelled(format: ProofFormat): InclusionProofFailed {
  return { ok: false, format, cancelled: true, failure: { code: 'cancelled' } };
}

/**
 * Recomputes the leaf hash, then every parent up to the root, and requires the result to equal
 * the root written in the file (hash, sums and height). Only then is the path "consistent".
 */
export async function walkMerkleSumPath(rules: MerkleSumRules, options: ProofRunOptions = {}): Promise<WalkResult> {
  const { format } = rules;
  const total = rules.siblings.length + 1;
  if (options.signal?.aborted) return cancelled(format);
  const leafHash = (await sha256Hex(rules.leafPreimage)).slice(0, rules.hashLength);
  if (leafHash !== rules.leafHash.toLowerCase()) {
    return {
      ok: false,
      format,
      failure: { code: 'leaf-hash', computed: leafHash, written: rules.leafHash },
    };
  }
  options.onProgress?.({ done: 1, total });

  let current = { hash: rules.leafHash, sums: rules.leafSums };
  const path: ProofStep[] = [];
  for (const [offset, sibling] of rules.siblings.entries()) {
    const index = offset + 1;
    if (options.signal?.aborted) return cancelled(format);
    const sums = rules.add(current.sums, sibling.sums, sibling.side);
    if ('kind' in sums) return { ok: false, format, step: index, failure: mismatchFailure(sums, index) };
    const [left, right] = sibling.side === 'left' ? [sibling.hash, current.hash] : [current.hash, sibling.hash];
    const height = rules.heightAt(index);
    const hash = (await sha256Hex(rules.parentPreimage(left, right, sums, height))).slice(0, rules.hashLength);
    path.push({
      index,
      siblingSide: sibling.side,
      siblingHash: sibling.hash,
      siblingBalances: sibling.balances,
      nodeHash: hash,
      nodeBalances: rules.formatSums(sums),
      nodeHeight: height,
    });
    current = { hash, sums };
    options.onProgress?.({ done: index + 1, total });
  }

  const lastHeight = rules.heightAt(rules.siblings.length);
  if (current.hash !== rules.root.hash.toLowerCase()) {
    return { ok: false, format, failure: { code: 'root-hash', computed: current.hash, written: rules.root.hash } };
  }
  if (!rules.rootBalancesMatch(current.sums, rules.root.balances)) {
    return { ok: false, format, failure: { code: 'root-sums' } };
  }
  if (lastHeight !== rules.root.height) {
    return { ok: false, format, failure: { code: 'root-height', written: rules.root.height, computed: lastHeight } };
  }
  return {
    ok: true,
    format,
    variant: rules.variant,
    ...(rules.snapshotId === undefined ? {} : { snapshotId: rules.snapshotId }),
    leaf: { hash: rules.leafHash, balances: rules.leafBalances },
    path,
    computedRoot: current.hash,
    rootBalances: rules.formatSums(current.sums),
  };
}

/** Why two sum lists could not be added: the sibling names other assets than the path. */
export type SumMismatch = { kind: 'count'; found: number; expected: number } | { kind: 'order'; asset: string };

function mismatchFailure(mismatch: SumMismatch, step: number): ProofFailure {
  return mismatch.kind === 'count' ? { code: 'sibling-asset-count', step, found: mismatch.found, expected: mismatch.expected } : { code: 'sibling-asset-order', step, asset: mismatch.asset };
}

/** Adds two sum lists that must name the same assets in the same order. */
export function addSameAssets(a: AssetSums, b: AssetSums, add: (asset: string, x: Decimal, y: Decimal) => Decimal): AssetSums | SumMismatch {
  if (a.length !== b.length) return { kind: 'count', found: b.length, expected: a.length };
  const out: [string, Decimal][] = [];
  for (const [i, [asset, x]] of a.entries()) {
    const other = b[i];
    if (other === undefined || other[0] !== asset) return { kind: 'order', asset };
    out.push([asset, add(asset, x, other[1])]);
  }
  return out;
}
