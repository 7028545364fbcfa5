/**
 * How verdicts compare: one order for the property tests (how much a verdict vouches for its
 * exchange), one for lists (what a user should look at first). See docs/risk-model.md,
 * "Comparing verdicts" and "Sorting".
 *
 * Vouching rank, higher is better:
 *
 *   ok A > ok B > caution C > caution D > danger F = any incomplete verdict (caution·incomplete,
 *   danger·incomplete, unknown ?)
 *
 * An incomplete verdict shows the worst level its known figures support, but the missing figure
 * could be anything, danger included: what it guarantees is nothing, so it ranks at the bottom
 * with danger. Anything higher breaks a promise the model must keep:
 * - above complete ok: a missing figure would beat a present good one (fail-closed forbids it);
 * - above complete caution or danger: removing the figure behind a caution or a danger (the ratio
 *   table that showed a shortfall, say) leaves an incomplete verdict, which must not count as an
 *   improvement;
 * - ordered among themselves: a larger outflow turns unknown into caution·incomplete, which needs
 *   caution·incomplete ≤ unknown; removing the ratio table behind a caution·incomplete turns it
 *   into unknown, which needs unknown ≤ caution·incomplete. Only a tie satisfies both.
 * Level and grade still tell incomplete verdicts apart on screen and in lists (see
 * `compareWorstFirst`); this rank only says none of them vouches for anything.
 */

export type RiskLevel = 'ok' | 'caution' | 'danger' | 'unknown';
export type RiskGrade = 'A' | 'B' | 'C' | 'D' | 'F' | '?';

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = { ok: 2, caution: 1, danger: 0, unknown: 0 };
const GRADE_RANK: Readonly<Record<RiskGrade, number>> = { A: 4, B: 3, C: 2, D: 1, F: 0, '?': 0 };

export interface VerdictRankParameters {
  level: RiskLevel;
  grade: RiskGrade;
  /**
   * A required figure is missing or too old. Absent on verdicts made before the flag existed;
   * those rated every missing figure `unknown`, so their level already says it.
   */
  incomplete?: boolean | undefined;
}

/** Higher is better. Complete verdicts by level, then grade; every incomplete verdict at the bottom. */
export function verdictRank({ level, grade, incomplete }: VerdictRankParameters): number {
  if (incomplete === true || level === 'unknown') return 0;
  return LEVEL_RANK[level] * 10 + GRADE_RANK[grade];
}

/** Positive when `a` vouches for its exchange more than `b` does, 0 when equally. */
export function compareVerdicts(a: VerdictRankParameters, b: VerdictRankParameters): number {
  return verdictRank(a) - verdictRank(b);
}

/**
 * Display order, worst first: danger, then caution, then unknown, then ok. Within a level a
 * complete verdict comes before an incomplete one (it is the surer warning), then the worse grade
 * (D before C, B before A). An unknown verdict sits between caution and ok: nothing bad is known,
 * but it is not vouched for either.
 */
const LEVEL_SEVERITY: Readonly<Record<RiskLevel, number>> = { danger: 0, caution: 1, unknown: 2, ok: 3 };
const GRADE_SEVERITY: Readonly<Record<RiskGrade, number>> = { F: 0, D: 1, C: 2, '?': 3, B: 4, A: 5 };

/** Negative when `a` belongs before `b` in a worst-first list, 0 when they are level. */
export function compareWorstFirst(a: VerdictRankParameters, b: VerdictRankParameters): number {
  return LEVEL_SEVERITY[a.level] - LEVEL_SEVERITY[b.level] || Number(a.incomplete === true) - Number(b.incomplete === true) || GRADE_SEVERITY[a.grade] - GRADE_SEVERITY[b.grade];
}
