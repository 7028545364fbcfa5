import { storage } from '#imports';
import { defineLazyItem } from '@/utils/lazy-item';
import { checkPoisoning, parseAddressBook, type AddressBookEntry } from '@/lib/custody/address-book';
import { guideForExchange, savedGuides } from '@/lib/custody/guides';
import type { GuideResetReason, GuideState } from '@/lib/custody/steps';
import { exchanges } from '@/lib/exchanges/registry';
import { isExchangeId } from '@/lib/exchanges/is-exchange-id';
import { GUIDE_STATE_KEY, guideKey } from './chosen-address';
import { replaceInTurns, replacement, updateItem, type Replacement } from './in-turn';
import { markGuides } from './guide-marks';
import { moveLegacyGuides } from './legacy-guides';
import { LookalikeRefused } from './lookalike-refused';

export { LookalikeRefused };

/**
 * The withdrawal guide's memory, on this device only: the guide last worked on, and each exchange's own guide under a key of its
 * own (`guideKey`, lib/custody/guides.ts). Stored as `unknown` and validated on every read: storage can hold anything (an older
 * version, a hand edit), and a guide that resumes from damaged state must start over rather than show a stale "verified".
 */
const guideStateItem = defineLazyItem<unknown>(`local:${GUIDE_STATE_KEY}`, { version: 1 });
const addressBookItem = defineLazyItem<unknown>('local:addressBook', { version: 1 });

const storageKeyOf = (exchangeId: string) => `local:${guideKey(exchangeId)}` as const;

export interface LoadGuideStateReturnType {
  state: GuideState;
  /** Set when the stored guide was unusable and a fresh one was started. */
  resetReason: GuideResetReason | null;
}

/**
 * Moves an older version's guides first (utils/legacy-guides.ts). A move that fails is logged and the page reads anyway: the guides
 * already under their own keys still open, and the map stays for the next try.
 */
const moveLegacyGuidesFirst = () => moveLegacyGuides().catch((error: unknown) => console.warn('[reserve-radar] saved guides not moved to their own keys:', error));

/** The guide for `exchangeId` (its own, or a fresh one); without an exchange, the guide last worked on. */
export async function loadGuideState(exchangeId?: string): Promise<LoadGuideStateReturnType> {
  await moveLegacyGuidesFirst();
  const keyed = exchangeId !== undefined && isExchangeId(exchangeId);
  const [current, own] = await storage.getItems([guideStateItem, ...(keyed ? [storageKeyOf(exchangeId)] : [])]);
  const parsed = guideForExchange({ current: current?.value, own: own?.value ?? undefined, exchangeId });
  return { state: parsed.state, resetReason: parsed.reset ? parsed.reason : null };
}

/** Every registry exchange's saved guide that still reads, in one read, for a page that lets the user switch exchange. */
export async function loadSavedGuides(): Promise<Map<string, GuideState>> {
  await moveLegacyGuidesFirst();
  const ids = exchanges.map((exchange) => exchange.id).filter(isExchangeId);
  const stored = await storage.getItems(ids.map(storageKeyOf));
  return savedGuides(ids.map((exchangeId, index) => [exchangeId, stored[index]?.value] as const));
}

/**
 * What a guide page hears of "Delete everything" removing the guide last worked on (only it removes it: every save writes it).
 * The page follows it from before its first read, so a delete while it loads is counted too, and drops what it holds at each
 * (entrypoints/guide/memory.ts).
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
 * Saves `state` as the guide last worked on and, when it has an exchange, as that exchange's own, in one write and with no read
 * before it: two saves at once (two guide tabs, two quick steps) each keep their exchange's guide, and a save never writes
 * another exchange's guide back. Written at once, not in a turn: a guide page closed or sent to another exchange right after a
 * choice must still have dispatched its write, and waiting for a turn first lost it.
 *
 * A save asked for after "Delete everything" has cleared storage, but before the page has heard of it (the change event still on
 * its way), still writes: the guide on screen comes back, as the guide last worked on and as its exchange's own. Nothing else can.
 * The page drops what it holds as it hears of the delete (entrypoints/guide/memory.ts), but that one guide stays stored until
 * its exchange's guide is saved again or everything is deleted again. No check here could close that window: the page cannot
 * know of a delete it has not heard of.
 */
export async function saveGuideState(state: GuideState): Promise<void> {
  if (state.exchangeId === null || !isExchangeId(state.exchangeId)) return guideStateItem.setValue(state);
  await storage.setItems([
    { item: guideStateItem, value: state },
    { key: storageKeyOf(state.exchangeId), value: state },
  ]);
}

/**
 * Marks (or unmarks) every stored guide that holds `state`'s address on its network as a look-alike of a saved one, changing
 * nothing else: every open guide tab hears of a book change, and one that wrote its whole guide would put back an older step
 * taken in another tab. Every exchange's guide with that address is marked, not only the open one: the same wallet is often the
 * receiving address for several exchanges, and each exchange page reads its own. Each mark is written in its guide's turn, read
 * afresh there, and only while the guide still holds that address: a guide changed to another address in another tab is not
 * marked. Guide saves are written at once, not in a turn (saveGuideState), so one landing between this read and write can still
 * be overwritten; the window is the turn's one read and write. The background marks every stored guide by its own address at each
 * change of the book (utils/guide-marks.ts), through the same turns, whether or not a guide tab is open.
 */
export function markStoredSuspect(state: GuideState, suspect: boolean): Promise<void> {
  return markGuides((guide) => (guide.address === state.address && guide.network === state.network ? suspect : undefined));
}

export async function loadAddressBook(): Promise<AddressBookEntry[]> {
  return parseAddressBook((await addressBookItem.getValue()) ?? []).entries;
}

/** Calls back with the book as stored at each change, by any page (another guide tab, the options page's import, a delete); returns the way to stop. */
export function watchAddressBook(callback: (book: AddressBookEntry[]) => void): () => void {
  return addressBookItem.watch((stored) => callback(parseAddressBook(stored ?? []).entries));
}

export interface BookFollow {
  /** The book as stored at the last change heard; undefined while none has been. */
  readonly latest: AddressBookEntry[] | undefined;
  /** Calls back with the book at each change heard from now on; returns the way to stop. */
  watch: (callback: (book: AddressBookEntry[]) => void) => () => void;
}

/**
 * Starts following the book, for as long as the page is open. Begun before the book's first read, a change by another page
 * while this one loads is held in `latest`: the events come in order, so the last one heard is the book as it is now.
 */
export function followAddressBook(): BookFollow {
  const callbacks = new Set<(book: AddressBookEntry[]) => void>();
  let latest: AddressBookEntry[] | undefined;
  watchAddressBook((book) => {
    latest = book;
    for (const callback of callbacks) callback(book);
  });
  return {
    get latest() {
      return latest;
    },
    watch: (callback) => {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
  };
}

/**
 * The book as stored, changed by `change` in the book's turn (utils/in-turn.ts): guide tabs and the
 * options page changing it at the same moment all keep their change.
 */
async function changeAddressBook(change: (book: AddressBookEntry[]) => AddressBookEntry[]): Promise<AddressBookEntry[]> {
  return (await updateItem(addressBookItem, (stored) => change(parseAddressBook(stored ?? []).entries))) as AddressBookEntry[];
}

/**
 * Adds or relabels an entry (same network and address); returns the book as stored. Refused with `LookalikeRefused` when the book,
 * as it is in its write turn, holds a look-alike of the address: another page may have saved it after this page last heard of the book.
 */
export function saveToAddressBook(entry: Omit<AddressBookEntry, 'addedAt'>, now: Date = new Date()): Promise<AddressBookEntry[]> {
  return changeAddressBook((book) => {
    if (checkPoisoning({ candidate: entry, book }).status === 'lookalike') throw new LookalikeRefused();
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
export async function replaceAddressBook(entries: AddressBookEntry[]): Promise<void> {
  await replaceInTurns([addressBookReplacement(entries)]);
}

/** The book replaced by `entries` (validated by the caller with `parseAddressBook`), for a write with other values (utils/import-write.ts). */
export function addressBookReplacement(entries: AddressBookEntry[]): Replacement<AddressBookEntry[]> {
  return replacement(addressBookItem, entries);
}
