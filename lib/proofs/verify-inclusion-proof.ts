import { looksLikeBitget, verifyBitgetProof } from './bitget';
import { looksLikeBybit, verifyBybitProof } from './bybit';
import { readProofInput } from './input';
import type { WalkResult } from './merkle-sum';
import { looksLikeOkxV1, verifyOkxV1Proof } from './okx-v1';
import { isProofFormat, type InclusionProofResult, type ProofFormat, type ProofRunOptions } from './types';

export interface VerifyInclusionProofParameters extends ProofRunOptions {
  /** The proof as the exchange gave it: pasted text, dropped bytes, or already-parsed JSON. */
  file: unknown;
  /** Detected from the file's fields when omitted. */
  format?: ProofFormat;
  /** The root the exchange published for this snapshot, hex with or without `0x`. */
  expectedRoot?: string;
}

const hashLength: Record<ProofFormat, number> = { 'okx-v1': 64, bybit: 64, bitget: 16 };

/** Which known format a parsed file has, from the field names each exchange uses. */
export function detectProofFormat(file: unknown): ProofFormat | undefined {
  if (looksLikeBitget(file)) return 'bitget';
  if (looksLikeBybit(file)) return 'bybit';
  if (looksLikeOkxV1(file)) return 'okx-v1';
  return undefined;
}

function normaliseRoot(root: string): string {
  return root.trim().replace(/^0x/i, '').toLowerCase();
}

/**
 * Checks a Merkle-sum inclusion proof locally: recomputes the user's leaf from their balances,
 * every parent up to the root, and compares that root with the published one.
 * Never throws; `verdict: 'verified'` only when the path is consistent *and* a published root was given and matches.
 */
export async function verifyInclusionProof(parameters: VerifyInclusionProofParameters): Promise<InclusionProofResult> {
  try {
    const { format: requested, expectedRoot, ...options } = parameters;
    if (requested !== undefined && !isProofFormat(requested)) {
      return { ok: false, failure: { code: 'unknown-format', requested: String(requested).slice(0, 40) } };
    }
    const input = readProofInput(parameters.file);
    if (!input.ok) return { ok: false, unreadable: true, failure: input.failure, ...(requested === undefined ? {} : { format: requested }) };
    const format = requested ?? detectProofFormat(input.value);
    if (format === undefined) {
      return { ok: false, failure: { code: 'not-a-proof' } };
    }
    let expected: string | undefined;
    if (expectedRoot !== undefined && expectedRoot.trim() !== '') {
      expected = normaliseRoot(expectedRoot);
      const length = hashLength[format];
      if (!new RegExp(`^[0-9a-f]{${length}}$`).test(expected)) {
        return { ok: false, format, failure: { code: 'root-length', length } };
      }
    }
    const walked: WalkResult =
      format === 'okx-v1' ? await verifyOkxV1Proof(input.value, options) : format === 'bybit' ? await verifyBybitProof(input.value, options) : await verifyBitgetProof(input.value, options);
    if (!walked.ok) return walked;
    if (expected === undefined) return { ...walked, rootMatches: 'no-root-given', verdict: 'consistent-no-root' };
    const matches = walked.computedRoot.toLowerCase() === expected;
    return { ...walked, rootMatches: matches, verdict: matches ? 'verified' : 'root-mismatch' };
  } catch (error) {
    // A bug of ours must read as "not verified", never as a crash or a pass.
    return { ok: false, failure: { code: 'unexpected', detail: error instanceof Error ? error.message : String(error) } };
  }
}
