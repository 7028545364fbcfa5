import * as v from 'valibot';
import { KNOWN_BAD_LIMITS, KnownBadListSchema, KnownBadSchema, usableAt, type KnownBad, type KnownBadList } from '../exchanges/known-bad';
import { describeIssues } from '../reserves/schema';
import { stableStringify } from '../reserves/stable-json';
import { knownBadShrink } from './checks';
import { FEED_LIMITS } from './format';
import { describeDrops, type KnownBadOutcome } from './known-bad-lists';

/**
 * The snapshot's known-bad section for one build, list by list on top of the previous feed's
 * (last good wins): a list that failed this run, answered an older copy, or shrank below half of
 * the held copy keeps the held copy; a copy older than `KNOWN_BAD_LIMITS.maxAgeDays` is left out
 * (the extension would not use it); the whole section must pass `KnownBadSchema` and stay within
 * half of the feed's size limit, or the previous section stays. docs/feed.md, "Known-bad hosts".
 */

/** The section's canonical JSON may take at most this share of the feed's byte limit: the PoR figures need the rest. */
export const KNOWN_BAD_MAX_BYTES = FEED_LIMITS.maxBytes / 2;

export interface KnownBadBuildLine {
  /** Where the published copy came from: this run's answer, the previous feed, or nowhere. */
  from: 'read' | 'kept' | 'none';
  hosts?: number;
  fetchedAt?: string;
  /** Plain words: failures, held answers, drops by reason. */
  notes: string[];
}

export interface KnownBadBuildReport {
  lists: Record<string, KnownBadBuildLine>;
  /** Lists whose answer this run failed or could not be read. */
  failed: string[];
  /** Lists whose answer was held for a person (it shrank too much). */
  held: string[];
  /** Why the assembled section was refused (the previous one was kept), when it was. */
  refused?: string;
}

export interface AssembleKnownBadParameters {
  /** This run's answers by list id, in the order the extension consults them. */
  outcomes: Readonly<Record<string, KnownBadOutcome>>;
  previous: KnownBad | undefined;
  now: Date;
}

export function assembleKnownBad({ outcomes, previous, now }: AssembleKnownBadParameters): { section: KnownBad | undefined; report: KnownBadBuildReport } {
  const report: KnownBadBuildReport = { lists: {}, failed: [], held: [] };
  const held = new Map((previous?.lists ?? []).map((list) => [list.id, list]));
  // What may go on if this run's section is refused: only copies the extension would use.
  const usable = (previous?.lists ?? []).filter((list) => usableAt(list, now));
  const lists: KnownBadList[] = [];
  const ids = [...Object.keys(outcomes), ...[...held.keys()].filter((id) => outcomes[id] === undefined)];

  for (const id of ids) {
    const outcome = outcomes[id];
    const before = held.get(id);
    const line: KnownBadBuildLine = { from: 'none', notes: [] };
    report.lists[id] = line;
    const keep = (why: string) => {
      line.notes.push(before === undefined ? `${why}; there is no earlier copy` : `${why}; the copy read ${before.fetchedAt} is kept`);
      return before;
    };
    let chosen: KnownBadList | undefined;
    if (outcome === undefined) chosen = keep('not read this run');
    else if (!outcome.ok) {
      report.failed.push(id);
      chosen = keep(`failed: ${outcome.reason}`);
    } else {
      const checked = v.safeParse(KnownBadListSchema, outcome.list);
      const shrink = before === undefined ? undefined : knownBadShrink(before, outcome.list);
      if (!checked.success) {
        report.failed.push(id);
        chosen = keep(`refused: ${describeIssues(checked.issues)}`);
      } else if (Date.parse(outcome.list.fetchedAt) > now.getTime() + KNOWN_BAD_LIMITS.maxAheadMs) {
        report.failed.push(id);
        chosen = keep(`refused: read ${outcome.list.fetchedAt}, ahead of this build's clock`);
      } else if (before !== undefined && Date.parse(outcome.list.fetchedAt) < Date.parse(before.fetchedAt)) {
        chosen = keep(`the answer was read ${outcome.list.fetchedAt}, before the copy held`);
      } else if (shrink !== undefined) {
        report.held.push(id);
        chosen = keep(`held for review: ${shrink}`);
      } else {
        chosen = outcome.list;
        line.notes.push(`read ${outcome.listed.toLocaleString('en-US')} entries, kept ${outcome.list.hosts.length.toLocaleString('en-US')}; dropped ${describeDrops(outcome.dropped)}`);
      }
    }
    if (chosen !== undefined && !usableAt(chosen, now)) {
      line.notes.push(`the copy read ${chosen.fetchedAt} is more than ${KNOWN_BAD_LIMITS.maxAgeDays} days old, or dated ahead of this build, which the extension does not use; left out`);
      chosen = undefined;
    }
    if (chosen === undefined) continue;
    line.from = chosen === before ? 'kept' : 'read';
    line.hosts = chosen.hosts.length;
    line.fetchedAt = chosen.fetchedAt;
    lists.push(chosen);
  }

  if (lists.length === 0) return { section: undefined, report };
  const section: KnownBad = { lists };
  const checked = v.safeParse(KnownBadSchema, section);
  const bytes = checked.success ? new TextEncoder().encode(stableStringify(section)).length : 0;
  const refused = !checked.success
    ? describeIssues(checked.issues)
    : bytes > KNOWN_BAD_MAX_BYTES
      ? `the section takes ${bytes.toLocaleString('en-US')} bytes, more than ${KNOWN_BAD_MAX_BYTES.toLocaleString('en-US')} (half the feed's limit)`
      : undefined;
  if (refused === undefined) return { section, report };
  report.refused = `${refused}; ${usable.length === 0 ? 'no section is published' : 'the previous section is kept, less any copy too old to use'}`;
  for (const [id, line] of Object.entries(report.lists)) {
    const kept = held.get(id);
    if (kept === undefined) report.lists[id] = { from: 'none', notes: line.notes };
    else report.lists[id] = { from: 'kept', hosts: kept.hosts.length, fetchedAt: kept.fetchedAt, notes: line.notes };
  }
  return { section: usable.length === 0 ? undefined : { lists: usable }, report };
}
