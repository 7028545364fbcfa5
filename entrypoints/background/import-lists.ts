import { MAX_SUBSCRIPTIONS, type WarningSubscription } from '@/lib/community/subscription';
import { keptFloor } from '@/lib/community/sequence-floors';
import { chainWork } from './chain-work';
import { mayRead } from './warning-list-access';
import { changeSubscriptions, type SubscriptionsChange } from './warning-store';

/** What came of adding an imported file's lists: how many were added, how many of those wait for the user's access, how many held ones the file named with another maintainer. */
export type ListsImport = { ok: true; added: number; needAccess: number; keptOther: number } | { ok: false; refused: 'too-many' | 'bad-list' };

/** Both checksummed or not: addresses compared as the same 20 bytes. */
const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Adds each of an imported file's lists not held yet, in the subscriptions' own turn. A list held already stays exactly as
 * it is, even when the file names another maintainer for it: a new maintainer needs the user's own confirmation, never a
 * file's. No access to a list's host is asked for or given here (the file's input is no user gesture, and a file must not
 * widen what Reserve Radar may read): such a list waits, on its row, for the user's "Allow access". A new list starts from
 * the floor kept for its URL, as a subscribe does. One list the subscribe form would refuse, or more lists than are kept,
 * add none.
 */
export async function addImportedLists(lists: readonly { url: string; expectedSigner: string }[]): Promise<ListsImport> {
  const created: WarningSubscription[] = [];
  for (const list of lists) {
    const made = await chainWork().createSubscription(list);
    if (!made.ok) return { ok: false, refused: 'bad-list' };
    created.push(made.subscription);
  }
  return changeSubscriptions(async (current, kept): Promise<SubscriptionsChange<ListsImport>> => {
    const fresh: WarningSubscription[] = [];
    let keptOther = 0;
    for (const add of created) {
      const held = current.find((subscription) => subscription.url === add.url);
      if (held !== undefined && !sameAddress(held.expectedSigner, add.expectedSigner)) keptOther += 1;
      if (held === undefined && !fresh.some((subscription) => subscription.url === add.url)) fresh.push(add);
    }
    if (current.length + fresh.length > MAX_SUBSCRIPTIONS) return { answer: { ok: false, refused: 'too-many' } };
    if (fresh.length === 0) return { answer: { ok: true, added: 0, needAccess: 0, keptOther } };
    const { floors } = await kept();
    const next = [
      ...current,
      ...fresh.map((add) => {
        const floor = keptFloor(floors, add.url);
        return floor === undefined ? add : { ...add, floor };
      }),
    ];
    const readable = await Promise.all(fresh.map((add) => mayRead(add.url)));
    return { next, answer: { ok: true, added: fresh.length, needAccess: readable.filter((may) => !may).length, keptOther } };
  });
}
