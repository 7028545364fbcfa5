import type { PorMethod } from '../reserves/schema';

/**
 * Proof-of-reserves methods from weakest to strongest. The order is argued in
 * docs/risk-model.md ("PoR method strength"): what each method lets a customer check for
 * themselves, and whether liabilities are in the picture at all.
 */
const STRENGTH: Readonly<Record<PorMethod, number>> = {
  none: 0,
  'wallet-list': 1,
  'auditor-attestation': 2,
  'merkle-liabilities': 3,
  'zk-proof': 4,
};

/** 0 (no report) … 4 (zk proof of solvency with liabilities). */
export function porMethodStrength(method: PorMethod): number {
  return STRENGTH[method];
}
