import { storage } from '#imports';
import { defineLazyItem } from '@/utils/lazy-item';
import { parseAddressBook, type AddressBookEntry } from '@/lib/custody/address-book';
import { guideForExchange, savedGuides } from '@/lib/custody/guides';
import type { GuideResetReason, GuideState } from '@/lib/custody/steps';
import { GUIDE_STATE_KEY, GUIDES_KEY } from './chosen-address';
import { replaceInTurns, replacement, updateItem, type Replacement } from './in-turn';

/**
 * The withdrawal guide's memory, on this device only: the guide last worked on, and each
 * exchange's own guide by exchange id (lib/custody/guides.ts). Stored as `unknown` and validated
 * on every read: storage can hold anything (an older version, a hand edit), and a guide that
 * resumes from damaged state must start over rather than show a stale "verified".
 */
const guideStateItem = defineLazyItem<unknown>(`local:${GUIDE_STATE_KEY}`, { version: 1 });
const guidesItem = defineLazyItem<unknown>(`local:${GUIDES_KEY}`, { version: 1 });
const addressBookItem = defineLazyItem<unknown>('local:addressBook', { version: 1 });

export interface LoadGuideStateReturnType {
  state: GuideState;
  /** Set when the stored guide was unusable and a fresh one was started. */
  resetReason: GuideResetReason | null;
}

/** The guide for `exchangeId` (its own, or a fresh one); without an exchange, the guide last worked on. */
export async function loadGuideState(exchangeId?: string): Promise<LoadGuideStateReturnType> {
  const [current, byExchange] = await Promise.all([guideStateItem.getValue(), guidesItem.getValue()]);
  const parsed = guideForExchange({ current, byExchange, exchangeId });
  return { state: parsed.state, resetReason: parsed.reset ? parsed.reason : null };
}

/** Every exchange's saved guide that still reads, for a page that lets the user switch exchange. */
export async function loadSavedGuides(): Promise<Map<string, GuideState>> {
  return savedGuides(await guidesItem.getValue());
}

/**
 * What a guide page hears of "Delete everything" removing the guide last worked on (only it removes it: every save writes it).
 * The page follows it from before its first read, so a delete while it loads is counted too.
 */
export interface GuideClears {
  /** How many deletes the page has heard of. */
  readonly count: number;
  /** Calls back at each delete heard from now on; returns the way to stop. */
  watch: (callback: () => void) => () => void;
}

/** Starts following the deletes, for as long as the page is open. */
export function followGuideClears(): GuideClears {
  const callbacks = new Set<() => void>();
  let count = 0;
  guideStateItem.watch((value) => {
    if (value !== null) return;
    count += 1;
    for (const callback of callbacks) callback();
  });
  return {
    get count() {
      return count;
    },
    watch: (callback) => {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
  };
}

/**
 * Saves `state` as the guide last worked on and, when it has an exchange, as that exchange's own.
 * Written at once, not in the guides' turn: a guide page closed or sent to another exchange right
 * after a choice must still have dispatched its write, and waiting for a turn first lost it.
 * With `clears`, nothing is written when a delete was heard after the saved guides were read: the write would put them back.
 */
export async function saveGuideState(state: GuideState, clears?: GuideClears): Promise<void> {
  if (state.exchangeId === null) return guideStateItem.setValue(state);
  const clearsBefore = clears?.count;
  const stored = await guidesItem.getValue();
  // Checked in the same step as the write goes out, so no delete heard can come between them. A delete not heard yet (its change
  // event still on the way to this page) is not seen: that window stays.
  if (clears !== undefined && clears.count !== clearsBefore) return;
  const byExchange = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  await storage.setItems([
    { item: guideStateItem, value: state },
    { item: guidesItem, value: { ...byExchange, [state.exchangeId]: state } },
  ]);
}

export async function loadAddressBook(): Promise<AddressBookEntry[]> {
  return parseAddressBook((await addressBookItem.getValue()) ?? []).entries;
}

/**
 * The book as stored, changed by `change` in the book's turn (utils/in-turn.ts): guide tabs and the
 * options page changing it at the same moment all keep their change.
 */
async function changeAddressBook(change: (book: AddressBookEntry[]) => AddressBookEntry[]): Promise<AddressBookEntry[]> {
  return (await updateItem(addressBookItem, (stored) => change(parseAddressBook(stored ?? []).entries))) as AddressBookEntry[];
}

/** Adds or relabels an entry (same network and address); returns the book as stored. */
export function saveToAddressBook(entry: Omit<AddressBookEntry, 'addedAt'>, now: Date = new Date()): Promise<AddressBookEntry[]> {
  return changeAddressBook((book) => {
    const others = book.filter((saved) => !(saved.network === entry.network && saved.address === entry.address));
    const { entries, rejected } = parseAddressBook([...others, { ...entry, addedAt: now.toISOString() }]);
    // The page shows its own words for a failed save; the problem is kept for the console and tests.
    if (rejected.length > 0) throw new Error(`address book entry refused: ${JSON.stringify(rejected[0]!.problem)}`);
    return entries;
  });
}

export function removeFromAddressBook(entry: Pick<AddressBookEntry, 'network' | 'address'>): Promise<AddressBookEntry[]> {
  return changeAddressBook((book) => book.filter((saved) => !(saved.network === entry.network && saved.address === entry.address)));
}

/** Replaces the whole book, in its turn; the caller has validated the entries with `parseAddressBook`. */
export function replaceAddressBook(entries: AddressBookEntry[]): Promise<void> {
  return replaceInTurns([addressBookReplacement(entries)]);
}

/** The book replaced by `entries` (validated by the caller with `parseAddressBook`), for a write with other values (utils/import-write.ts). */
export function addressBookReplacement(entries: AddressBookEntry[]): Replacement<AddressBookEntry[]> {
  return replacement(addressBookItem, entries);
}
