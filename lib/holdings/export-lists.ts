import * as v from 'valibot';
import { createSubscription, MAX_SUBSCRIPTIONS, type SubscribeFailureCode } from '../community/subscription';
import { WARNING_LIST_LIMITS } from '../community/warning-list';

/**
 * The warning-list subscriptions in an export file: each list by its address and its maintainer's
 * address only. The lists themselves, their checks and their numbers stay behind: each list is
 * fetched and verified afresh where the file is loaded, and only once the user there lets Reserve
 * Radar read its host.
 */
export interface ExportedList {
  url: string;
  expectedSigner: string;
}

/** The shape each entry must have; its values are then checked as the subscribe form checks them (`checkFileLists`). */
export const ExportedListsSchema = v.array(
  v.object({
    url: v.pipe(v.string(), v.maxLength(WARNING_LIST_LIMITS.maxUrlLength * 2)),
    expectedSigner: v.pipe(v.string(), v.maxLength(200)),
  }),
);

/** Why one of the file's lists was refused; `index` counts from 0. */
export type FileListProblem = { code: 'bad-warning-list'; index: number; reason: SubscribeFailureCode } | { code: 'warning-list-twice'; index: number };

/** Only the fields a list is exported by: no held copy, check or error goes into the file. */
export function exportedLists(rows: readonly ExportedList[]): ExportedList[] {
  return rows.map(({ url, expectedSigner }) => ({ url, expectedSigner }));
}

/** More lists than Reserve Radar keeps: said before any entry is looked at. */
export function tooManyLists(value: unknown): { code: 'too-many-lists'; limit: number } | undefined {
  return Array.isArray(value) && value.length > MAX_SUBSCRIPTIONS ? { code: 'too-many-lists', limit: MAX_SUBSCRIPTIONS } : undefined;
}

/**
 * Each list checked as if typed into the subscribe form (https only, no user name, a real maintainer
 * address), and kept as the form keeps it (no fragment, a checksummed address). One list twice is
 * refused: with two maintainers it would not be known which to trust. The first problem refuses all.
 */
export function checkFileLists(lists: readonly ExportedList[]): { ok: true; lists: ExportedList[] } | { ok: false; problem: FileListProblem } {
  const checked: ExportedList[] = [];
  for (const [index, list] of lists.entries()) {
    const created = createSubscription(list);
    if (!created.ok) return { ok: false, problem: { code: 'bad-warning-list', index, reason: created.code } };
    const { url, expectedSigner } = created.subscription;
    if (checked.some((held) => held.url === url)) return { ok: false, problem: { code: 'warning-list-twice', index } };
    checked.push({ url, expectedSigner });
  }
  return { ok: true, lists: checked };
}
