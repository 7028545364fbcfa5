import type { Flows } from '../reserves/schema';

export interface NetFlowSharesParameters {
  flows: Pick<Flows, 'net7dUsd' | 'net30dUsd'>;
  totalUsd: number;
}
export interface NetFlowSharesReturnType {
  /** Net outflow over 7 days as a fraction of total assets; 0 when money flowed in. Absent when unknown. */
  outflow7dShare?: number;
  outflow30dShare?: number;
}

/**
 * Net flows as a share of assets, signed so that bigger means worse: a run shows up as a large
 * outflow share. Shares are taken of today's total, which already excludes what left, so a run
 * reads larger than against the pre-run total; that errs toward warning.
 */
export function netFlowShares({ flows, totalUsd }: NetFlowSharesParameters): NetFlowSharesReturnType {
  const result: NetFlowSharesReturnType = {};
  if (!(totalUsd > 0)) return result;
  const share = (net: number | undefined): number | undefined => (net === undefined || !Number.isFinite(net) ? undefined : Math.max(0, -net) / totalUsd);
  const week = share(flows.net7dUsd);
  const month = share(flows.net30dUsd);
  if (week !== undefined) result.outflow7dShare = week;
  if (month !== undefined) result.outflow30dShare = month;
  return result;
}
