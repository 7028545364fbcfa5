/**
 * How verdicts compare, for the property tests and for anything that sorts exchanges.
 *
 * The rank is "how much the verdict vouches for the exchange". `unknown` ranks with `danger`, at
 * the bottom: neither vouches for anything, and a model that fails closed must never let missing
 * figures look better than present bad ones (removing the figure behind a `danger` can at best
 * leave `unknown`). See docs/risk-model.md, "Comparing verdicts".
 */

export type RiskLevel = 'ok' | 'caution' | 'danger' | 'unknown';
export type RiskGrade = 'A' | 'B' | 'C' | 'D' | 'F' | '?';

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { ok: 2, caution: 1, danger: 0, unknown: 0 };
const GRADE_RANK: Readonly<Record<RiskGrade, number>> = { A: 4, B: 3, C: 2, D: 1, F: 0, '?': 0 };

export interface VerdictRankParameters {
  level: RiskLevel;
  grade: RiskGrade;
}
export type VerdictRankReturnType = number;

/** Higher is better. Level first, grade within the level. */
export function verdictRank({ level, grade }: VerdictRankParameters): VerdictRankReturnType {
  return LEVEL_RANK[level] * 10 + GRADE_RANK[grade];
}

/** Positive when `a` vouches for its exchange more than `b` does, 0 when equally. */
export function compareVerdicts(a: VerdictRankParameters, b: VerdictRankParameters): number {
  return verdictRank(a) - verdictRank(b);
}
