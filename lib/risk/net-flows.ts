import type { Flows } from '../reserves/schema';

export interface NetFlowSharesParameters {
  flows: Pick<Flows, 'net7dUsd' | 'net30dUsd'>;
  totalUsd: number;
}
export interface NetFlowSharesReturnType {
  /** Net outflow over 7 days as a fraction of what the exchange held when the window began; 0 when money flowed in. Absent when unknown or when nothing was held and nothing left. */
  outflow7dShare?: number;
  outflow30dShare?: number;
}

/**
 * "x % left" in its usual sense: the net outflow as a share of what was held when the window
 * began, which is today's total plus what left. The card's grade and the run alert both read
 * shares from here, so one outflow reads as one percentage wherever it is shown.
 */
export function outflowShare(netUsd: number, totalUsd: number): { share: number; outflowUsd: number; baseUsd: number } {
  const outflowUsd = Math.max(0, -netUsd);
  const baseUsd = totalUsd + outflowUsd;
  return { share: baseUsd > 0 ? outflowUsd / baseUsd : 0, outflowUsd, baseUsd };
}

/** Net flows as a share of assets, signed so that bigger means worse: a run shows up as a large outflow share. */
export function netFlowShares({ flows, totalUsd }: NetFlowSharesParameters): NetFlowSharesReturnType {
  const result: NetFlowSharesReturnType = {};
  // A total of 0 still has a base when money left: all of what was held went. Only a base of 0 has no share.
  if (!(totalUsd >= 0)) return result;
  const share = (net: number | undefined): number | undefined => {
    if (net === undefined || !Number.isFinite(net)) return undefined;
    const flow = outflowShare(net, totalUsd);
    return flow.baseUsd > 0 ? flow.share : undefined;
  };
  const week = share(flows.net7dUsd);
  const month = share(flows.net30dUsd);
  if (week !== undefined) result.outflow7dShare = week;
  if (month !== undefined) result.outflow30dShare = month;
  return result;
}
