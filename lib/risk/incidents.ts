import type { Incident } from '../exchanges/types';
import { daysSince } from './dates';
import { thresholdValue } from './thresholds';

export interface RecentIncident extends Incident {
  ageDays: number;
  windowDays: number;
}

export interface RecentIncidentsParameters {
  incidents: readonly Incident[] | undefined;
  now: Date;
}

/**
 * Incidents that still weigh on the verdict: hacks and withdrawal halts within their window,
 * insolvencies within theirs. Incidents dated after `now` are ignored so that a backtest sees
 * only what was known then. Regulatory actions are shown by the registry but not graded.
 */
export function recentIncidents({ incidents, now }: RecentIncidentsParameters): RecentIncident[] {
  const result: RecentIncident[] = [];
  for (const incident of incidents ?? []) {
    const windowDays = incidentWindowDays(incident.kind);
    if (windowDays === undefined) continue;
    const ageDays = daysSince(incident.date, now);
    if (ageDays >= 0 && ageDays <= windowDays) result.push({ ...incident, ageDays, windowDays });
  }
  return result;
}

function incidentWindowDays(kind: Incident['kind']): number | undefined {
  switch (kind) {
    case 'hack':
      return thresholdValue('incident.hack.window-days');
    case 'withdrawal-halt':
      return thresholdValue('incident.withdrawal-halt.window-days');
    case 'insolvency':
      return thresholdValue('incident.insolvency.window-days');
    case 'regulatory':
      return undefined;
  }
}
