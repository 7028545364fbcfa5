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
 * (the extension would not use it). The section must pass `KnownBadSchema` and stay within half of
 * the feed's size limit: lists are fitted in order, and one that does not fit beside those before it
 * goes back to its held copy, or out, so a list that grew costs only itself. docs/feed.md, "Known-bad hosts".
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
  /** Lists whose copy did not fit the section beside the lists before them (the held copy went in, or none). */
  overBudget: string[];
}

export interface AssembleKnownBadParameters {
  /** This run's answers by list id, in the order the extension consults them. */
  outcomes: Readonly<Record<string, KnownBadOutcome>>;
  previous: KnownBad | undefined;
  now: Date;
  /** Lists whose shrunken answer a person checked and accepted (`radar feed build --accept-shrunk`): taken despite the shrink rule. */
  acceptShrunk?: ReadonlySet<string>;
}

export function assembleKnownBad({ outcomes, previous, now, acceptShrunk }: AssembleKnownBadParameters): { section: KnownBad | undefined; report: KnownBadBuildReport } {
  const report: KnownBadBuildReport = { lists: {}, failed: [], held: [], overBudget: [] };
  const held = new Map((previous?.lists ?? []).map((list) => [list.id, list]));
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
      } else if (shrink !== undefined && acceptShrunk?.has(id) !== true) {
        report.held.push(id);
        chosen = keep(`held for review: ${shrink}`);
      } else {
        chosen = outcome.list;
        if (shrink !== undefined) line.notes.push(`${shrink}; taken, as a person accepted it`);
        line.notes.push(`read ${outcome.listed.toLocaleString('en-US')} entries, kept ${outcome.list.hosts.length.toLocaleString('en-US')}; dropped ${describeDrops(outcome.dropped)}`);
      }
    }
    if (chosen !== undefined && !usableAt(chosen, now)) {
      line.notes.push(`the copy read ${chosen.fetchedAt} is more than ${KNOWN_BAD_LIMITS.maxAgeDays} days old, or dated ahead of this build, which the extension does not use; left out`);
      chosen = undefined;
    }
    const over = chosen === undefined ? undefined : overflow([...lists, chosen]);
    if (over !== undefined) {
      // This run's copy does not fit beside the lists before it: the held copy goes in if it fits, else none.
      report.overBudget.push(id);
      const fallback = chosen !== before && before !== undefined && usableAt(before, now) && overflow([...lists, before]) === undefined ? before : undefined;
      line.notes.push(`does not fit the section: ${over}; ${fallback === undefined ? 'left out' : `the copy read ${fallback.fetchedAt} is kept`}`);
      chosen = fallback;
    }
    if (chosen === undefined) continue;
    line.from = chosen === before ? 'kept' : 'read';
    line.hosts = chosen.hosts.length;
    line.fetchedAt = chosen.fetchedAt;
    lists.push(chosen);
  }
  return { section: lists.length === 0 ? undefined : { lists }, report };
}

/** Why a section of these lists could not be published (`KnownBadSchema`'s caps together, or the byte budget), or undefined when it can. */
function overflow(lists: KnownBadList[]): string | undefined {
  const checked = v.safeParse(KnownBadSchema, { lists });
  if (!checked.success) return describeIssues(checked.issues);
  const bytes = new TextEncoder().encode(stableStringify({ lists })).length;
  if (bytes <= KNOWN_BAD_MAX_BYTES) return undefined;
  return `the section would take ${bytes.toLocaleString('en-US')} bytes, more than ${KNOWN_BAD_MAX_BYTES.toLocaleString('en-US')} (half the feed's limit)`;
}
