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

/** What a schema check found wrong with one field; worded by lib/words/proof-failure.ts. */
export const proofSchemaProblems = [
  'hash-text',
  'hash-hex64',
  'hash-hex16',
  'balance-text',
  'balance-decimal',
  'amount',
  'asset-symbol',
  'text-empty',
  'text-long',
  'no-balances',
  'too-many-assets',
  'path-list',
  'path-short',
  'path-long',
  'leaf-side',
  'node-type',
  'node-role',
  'okx-balances',
  'missing-fields',
  'invalid',
] as const;
export type ProofSchemaProblem = (typeof proofSchemaProblems)[number];

/**
 * Why a proof was not verified, as a code and its figures; lib/words/proof-failure.ts words it
 * from messages.json for the verify page and the command line. `node` is a 1-based path node.
 */
export type ProofFailure =
  | { code: 'cancelled' }
  | { code: 'unknown-format'; requested: string }
  | { code: 'too-large'; maxBytes: number }
  | { code: 'not-text' }
  | { code: 'empty' }
  | { code: 'not-json' }
  | { code: 'not-object' }
  | { code: 'too-many-values' }
  | { code: 'text-too-long' }
  | { code: 'too-deep' }
  | { code: 'not-a-proof' }
  | { code: 'root-length'; length: number }
  /** A bug of ours; `detail` is the thrown message, for logs and --json only. */
  | { code: 'unexpected'; detail?: string }
  /** `field` is the dotted path in the file (`path.3.hash`), empty for the whole file. */
  | { code: 'schema'; field: string; problem: ProofSchemaProblem }
  | { code: 'same-side' }
  | { code: 'asset-twice' }
  | { code: 'node-height'; node: number; found: number; expected: number }
  | { code: 'node-level'; node: number; found: number; expected: number }
  | { code: 'mixed-amounts' }
  | { code: 'leaf-not-decimal' }
  | { code: 'node-not-decimal'; node: number }
  | { code: 'leaf-missing-balance'; asset: string }
  | { code: 'node-missing-balance'; node: number; asset: string }
  | { code: 'leaf-extra-assets' }
  | { code: 'node-extra-assets'; node: number }
  | { code: 'sibling-asset-count'; step: number; found: number; expected: number }
  | { code: 'sibling-asset-order'; step: number; asset: string }
  | { code: 'leaf-hash'; computed: string; written: string }
  | { code: 'root-hash'; computed: string; written: string }
  | { code: 'root-sums' }
  | { code: 'root-height'; written: number; computed: number };

export type ProofFailureCode = ProofFailure['code'];

export interface InclusionProofFailed {
  ok: false;
  /** What went wrong, as a code and figures (no words: see lib/words/proof-failure.ts). */
  failure: ProofFailure;
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
