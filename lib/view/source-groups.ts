import type { SourceStatus } from '../reserves/schedule';

/**
 * The options page's data sources, one row per source: the signed feed, DefiLlama's exchange
 * totals, and DefiLlama's per-exchange answers (one request per exchange) as a single row that
 * says how many of them are at its state, with each exchange's own state in its details.
 */

export interface SourceGroupMember {
  group: string;
  status: SourceStatus;
  lastSuccess?: string;
}

export interface SourceGroup<T extends SourceGroupMember> {
  /** The group's name: `feed`, `cexs`, `protocol`. */
  id: string;
  members: T[];
  /** The worst state among its members: failing, then stale, then not fetched yet, then fresh. */
  status: SourceStatus;
  /** How many members are at that state. */
  count: number;
  /** The oldest last success among the members that had one: the age of the oldest data in use. */
  oldestSuccess: string | undefined;
}

const WORST_FIRST: readonly SourceStatus[] = ['failing', 'stale', 'never', 'fresh'];

/** Rows grouped by source, in the order each source first appears. */
export function groupSources<T extends SourceGroupMember>(rows: readonly T[]): SourceGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  return [...groups].map(([id, members]) => {
    const status = WORST_FIRST.find((candidate) => members.some((member) => member.status === candidate)) ?? 'never';
    const successes = members.flatMap((member) => (member.lastSuccess === undefined ? [] : [member.lastSuccess])).sort((a, b) => Date.parse(a) - Date.parse(b));
    return { id, members, status, count: members.filter((member) => member.status === status).length, oldestSuccess: successes[0] };
  });
}
