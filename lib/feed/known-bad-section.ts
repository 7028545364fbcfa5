import * as v from 'valibot';
import { KNOWN_BAD_LIMITS, KnownBadListSchema, KnownBadSchema, usableAt, type KnownBad, type KnownBadList } from '../exchanges/known-bad';
import { describeIssues } from '../reserves/schema';
import { stableStringify } from '../reserves/stable-json';
import { knownBadShrink } from './checks';
import { FEED_LIMITS } from './format';
import { acceptanceFor, type KnownBadAcceptance } from './known-bad-accepted';
import { describeDrops, type KnownBadOutcome } from './known-bad-lists';

/**
 * The snapshot's known-bad section for one build, list by list on top of the previous feed's
 * (last good wins): a list that failed this run, answered an older copy, or shrank below half of
 * the held copy (unless a person accepted the shrink, ./known-bad-accepted.ts) keeps the held copy;
 * a copy older than `KNOWN_BAD_LIMITS.maxAgeDays` is left out (the extension would not use it). The
 * section must pass `KnownBadSchema` and stay within half of the feed's size limit: the copies held
 * go in first, in order, then each list's new copy takes its place where the section still fits,
 * those that grew least first, so a list that grew more than the others costs only itself.
 * docs/feed.md, "Known-bad hosts".
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
  /** Lists whose copy did not fit the section beside the others (the held copy went in, or none). */
  overBudget: string[];
}

export interface AssembleKnownBadParameters {
  /** This run's answers by list id, in the order the extension consults them. */
  outcomes: Readonly<Record<string, KnownBadOutcome>>;
  previous: KnownBad | undefined;
  now: Date;
  /** Shrinks a person checked and accepted (data/known-bad-accepted.json). */
  accepted?: readonly KnownBadAcceptance[];
}

export function assembleKnownBad({ outcomes, previous, now, accepted = [] }: AssembleKnownBadParameters): { section: KnownBad | undefined; report: KnownBadBuildReport } {
  const report: KnownBadBuildReport = { lists: {}, failed: [], held: [], overBudget: [] };
  const held = new Map((previous?.lists ?? []).map((list) => [list.id, list]));
  const ids = [...Object.keys(outcomes), ...[...held.keys()].filter((id) => outcomes[id] === undefined)];
  // Per list: the held copy the extension would still use, and this run's copy when it replaces it.
  const base = new Map<string, KnownBadList>();
  const fresh = new Map<string, KnownBadList>();

  for (const id of ids) {
    const outcome = outcomes[id];
    const before = held.get(id);
    // The answer is weighed against the held copy only while the extension would still use it.
    const usable = before !== undefined && usableAt(before, now) ? before : undefined;
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
      const shrink = usable === undefined ? undefined : knownBadShrink(usable, outcome.list);
      const acceptance = shrink === undefined ? undefined : acceptanceFor(accepted, outcome.list);
      if (!checked.success) {
        report.failed.push(id);
        chosen = keep(`refused: ${describeIssues(checked.issues)}`);
      } else if (Date.parse(outcome.list.fetchedAt) > now.getTime() + KNOWN_BAD_LIMITS.maxAheadMs) {
        report.failed.push(id);
        chosen = keep(`refused: read ${outcome.list.fetchedAt}, ahead of this build's clock`);
      } else if (usable !== undefined && Date.parse(outcome.list.fetchedAt) < Date.parse(usable.fetchedAt)) {
        chosen = keep(`the answer was read ${outcome.list.fetchedAt}, before the copy held`);
      } else if (shrink !== undefined && acceptance === undefined) {
        report.held.push(id);
        chosen = keep(`held for review: ${shrink} (answer read ${outcome.list.fetchedAt}, SHA-256 ${outcome.list.sha256})`);
      } else {
        chosen = outcome.list;
        if (acceptance !== undefined) line.notes.push(`${shrink}; taken, as data/known-bad-accepted.json accepts down to ${acceptance.hosts} hosts (checked ${acceptance.checked})`);
        line.notes.push(`read ${outcome.listed.toLocaleString('en-US')} entries, kept ${outcome.list.hosts.length.toLocaleString('en-US')}; dropped ${describeDrops(outcome.dropped)}`);
      }
    }
    if (chosen !== undefined && !usableAt(chosen, now)) {
      line.notes.push(`the copy read ${chosen.fetchedAt} is more than ${KNOWN_BAD_LIMITS.maxAgeDays} days old, or dated ahead of this build, which the extension does not use; left out`);
      chosen = undefined;
    }
    if (usable !== undefined) base.set(id, usable);
    if (chosen !== undefined && chosen !== before) fresh.set(id, chosen);
  }

  // The copies held first (a section published before, so they fit unless the caps changed), then each new copy in its place.
  const section = new Map<string, KnownBadList>();
  const inOrder = () => ids.flatMap((id) => section.get(id) ?? []);
  const fits = (id: string, list: KnownBadList): string | undefined => {
    const previousCopy = section.get(id);
    section.set(id, list);
    const why = overflow(inOrder());
    if (why === undefined) return undefined;
    if (previousCopy === undefined) section.delete(id);
    else section.set(id, previousCopy);
    return why;
  };
  const notFit = (id: string, note: string) => {
    if (!report.overBudget.includes(id)) report.overBudget.push(id);
    report.lists[id]!.notes.push(note);
  };
  for (const [id, list] of base) {
    const why = fits(id, list);
    if (why !== undefined && !fresh.has(id)) notFit(id, `does not fit the section: ${why}; left out`);
  }
  // The new copies that grew least go in first: a list that grew more than the others is the one that does not fit.
  const growth = new Map([...fresh].map(([id, list]) => [id, canonicalBytes(list) - canonicalBytes(base.get(id))]));
  for (const [id, list] of [...fresh].sort(([a], [b]) => growth.get(a)! - growth.get(b)!)) {
    const why = fits(id, list);
    if (why === undefined) continue;
    const kept = section.get(id);
    notFit(id, `does not fit the section: ${why}; ${kept === undefined ? 'left out' : `the copy read ${kept.fetchedAt} is kept`}`);
  }

  for (const id of ids) {
    const list = section.get(id);
    const line = report.lists[id]!;
    if (list === undefined) continue;
    line.from = list === held.get(id) ? 'kept' : 'read';
    line.hosts = list.hosts.length;
    line.fetchedAt = list.fetchedAt;
  }
  const lists = inOrder();
  return { section: lists.length === 0 ? undefined : { lists }, report };
}

/** The size of a value's canonical JSON, as the feed carries it; nothing takes none. */
function canonicalBytes(value: unknown): number {
  return value === undefined ? 0 : new TextEncoder().encode(stableStringify(value)).length;
}

/** Why a section of these lists could not be published (`KnownBadSchema`'s caps together, or the byte budget), or undefined when it can. */
function overflow(lists: KnownBadList[]): string | undefined {
  const checked = v.safeParse(KnownBadSchema, { lists });
  if (!checked.success) return describeIssues(checked.issues);
  const bytes = canonicalBytes({ lists });
  if (bytes <= KNOWN_BAD_MAX_BYTES) return undefined;
  return `the section would take ${bytes.toLocaleString('en-US')} bytes, more than ${KNOWN_BAD_MAX_BYTES.toLocaleString('en-US')} (half the feed's limit)`;
}
