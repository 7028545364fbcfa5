import * as v from 'valibot';
import { KNOWN_BAD_LIMITS, type KnownBadList } from '../exchanges/known-bad';
import { describeIssues, IsoDateSchema } from '../reserves/schema';
import { knownBadSources } from './known-bad-lists';

/**
 * data/known-bad-accepted.json: the shrinks of known-bad lists a person checked and found real (a
 * list that took names off, not a half-served file). The build holds a list whose answer ties fewer
 * than half the hosts of the copy held (lib/feed/known-bad-section.ts); an entry here lets the
 * answer through when it still ties at least `hosts` hosts and was read on the day `checked` or in
 * the 30 days after it. The floor is the person's: the held note's count, less room for the list's
 * daily changes; a half-served file falls below it and stays held. Committed, so every acceptance
 * is reviewed and kept in the history like a reviewed PoR file. docs/feed.md, "Known-bad hosts".
 */
export interface KnownBadAcceptance {
  list: string;
  hosts: number;
  checked: string;
  why: string;
}

const AcceptedFileSchema = v.object({
  comment: v.optional(v.string()),
  accepted: v.array(
    v.object({
      list: v.picklist(
        knownBadSources.map((source) => source.id),
        `list must be one of ${knownBadSources.map((source) => source.id).join(', ')}`,
      ),
      hosts: v.pipe(v.number('hosts must be a number'), v.integer('hosts must be a whole number'), v.minValue(1, 'hosts must be at least 1')),
      checked: IsoDateSchema,
      why: v.pipe(v.string('why must be text'), v.trim(), v.minLength(1, 'why must say what the person checked')),
    }),
    'accepted must be a list',
  ),
});

/** The file's entries, or what is wrong with it in plain words. */
export function parseKnownBadAccepted(body: unknown): { ok: true; accepted: KnownBadAcceptance[] } | { ok: false; reason: string } {
  const parsed = v.safeParse(AcceptedFileSchema, body);
  return parsed.success ? { ok: true, accepted: parsed.output.accepted } : { ok: false, reason: describeIssues(parsed.issues) };
}

/** The entry that lets this shrunken answer through, if one does. */
export function acceptanceFor(accepted: readonly KnownBadAcceptance[], answer: KnownBadList): KnownBadAcceptance | undefined {
  const read = Date.parse(answer.fetchedAt);
  return accepted.find((entry) => {
    const from = Date.parse(`${entry.checked}T00:00:00.000Z`);
    return entry.list === answer.id && answer.hosts.length >= entry.hosts && read >= from && read < from + (KNOWN_BAD_LIMITS.maxAgeDays + 1) * 86_400_000;
  });
}
