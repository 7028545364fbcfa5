/** Merkle-sum proof formats we can check in the browser (SHA-256 only; zk proofs are out of reach). */
export const proofFormats = ['okx-v1', 'bybit', 'bitget'] as const;
export type ProofFormat = (typeof proofFormats)[number];

export function isProofFormat(value: unknown): value is ProofFormat {
  return typeof value === 'string' && (proofFormats as readonly string[]).includes(value);
}

/** Asset symbol → amount as decimal text, exactly as hashed (or, for the leaf, as written in the file). */
export type ProofBalances = Record<string, string>;

export interface ProofLeaf {
  /** The leaf hash written in the file, which we recomputed from the balances and the user's identifiers. */
  hash: string;
  balances: ProofBalances;
}

export interface ProofStep {
  /** 1 for the node just above the leaf. */
  index: number;
  /** Where the sibling sits; the computed node is the other child. */
  siblingSide: 'left' | 'right';
  siblingHash: string;
  siblingBalances: ProofBalances;
  /** The parent we computed from the current node and the sibling. */
  nodeHash: string;
  nodeBalances: ProofBalances;
  /** The level or height number the format mixes into the parent hash. */
  nodeHeight: number;
}

export type ProofVerdict =
  /** The path is consistent and ends at the root the user says the exchange published. */
  | 'verified'
  /** The path is consistent, but no published root was given, so only the file agrees with itself. */
  | 'consistent-no-root'
  /** The path is consistent, but ends at a different root than the one published. */
  | 'root-mismatch';

export interface InclusionProofChecked {
  ok: true;
  format: ProofFormat;
  /** Which revision of the exchange's format matched, e.g. `bybit-asset-table` or `bitget-2025`. */
  variant: string;
  /** The exchange's audit or snapshot id when the file names one. */
  snapshotId?: string;
  leaf: ProofLeaf;
  path: ProofStep[];
  computedRoot: string;
  rootBalances: ProofBalances;
  rootMatches: boolean | 'no-root-given';
  verdict: ProofVerdict;
}

export interface InclusionProofFailed {
  ok: false;
  /** Plain words for the user. */
  reason: string;
  format?: ProofFormat;
  /** The path step (1-based) where the proof broke, when it broke on the path. */
  step?: number;
  cancelled?: boolean;
  /** The input could not be read as a JSON object at all (empty, not text, not JSON, over the caps). */
  unreadable?: boolean;
}

export type InclusionProofResult = InclusionProofChecked | InclusionProofFailed;

export interface ProofProgress {
  done: number;
  total: number;
}

export interface ProofRunOptions {
  onProgress?: (progress: ProofProgress) => void;
  signal?: AbortSignal;
}
