import { storage } from '#imports';
import type { NetworkId } from '@/lib/custody/networks';
import { poisoningCheck, type BookAddress } from '@/lib/custody/poisoning';
import { exchanges } from '@/lib/exchanges/registry';
import { isExchangeId } from '@/lib/exchanges/is-exchange-id';
import { familyOf } from '@/lib/custody/network-families';
import { GUIDE_STATE_KEY, guideKey } from './chosen-address';
import { updateItem } from './in-turn';
import { defineLazyItem } from './lazy-item';

/** A stored guide's address as far as the mark needs it; storage can hold anything, so every field is unknown. */
interface StoredGuide {
  address?: unknown;
  network?: unknown;
  addressSuspect?: unknown;
}

/** Every key a guide is stored under: the guide last worked on and each registry exchange's own. */
const guideKeys = (): `local:${string}`[] => [
  `local:${GUIDE_STATE_KEY}`,
  ...exchanges
    .map((exchange) => exchange.id)
    .filter(isExchangeId)
    .map((id) => `local:${guideKey(id)}` as const),
];

/**
 * Sets or clears `addressSuspect` on every stored guide as `wanted` says for it (undefined: leave that guide alone), changing
 * nothing else. One read finds the guides to change; each is read again and written in its own turn (utils/in-turn.ts), so a
 * guide tab and the background marking at once never undo each other, and a guide changed meanwhile is judged as it is then.
 */
export async function markGuides(wanted: (guide: StoredGuide) => boolean | undefined): Promise<void> {
  const keys = guideKeys();
  const stored = await storage.getItems(keys);
  const marked = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const guide = value as StoredGuide;
    const suspect = wanted(guide);
    if (suspect === undefined || (guide.addressSuspect === true) === suspect) return value;
    const { addressSuspect: _, ...rest } = guide;
    return suspect ? { ...rest, addressSuspect: true } : rest;
  };
  const toChange = stored.filter(({ value }) => marked(value) !== value).map(({ key }) => key as `local:${string}`);
  await Promise.all(toChange.map((key) => updateItem(defineLazyItem<unknown>(key, { version: 1 }), marked)));
}

/**
 * The stored book's entries. Every write of the book validates and normalises it (utils/guide-state.ts, parseAddressBook), so
 * the schema and the address validators stay out of the background: anything not shaped as an entry is passed over.
 */
function storedEntries(stored: unknown): BookAddress[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((entry): entry is BookAddress => typeof entry === 'object' && entry !== null && typeof entry.network === 'string' && typeof entry.address === 'string');
}

/** As stored, both spellings are already the validators' normalised ones. */
const asStored = (_network: string, address: string) => address.trim();

/** Whether `guide`'s address is a look-alike of an entry in `book`, by the guide page's comparison (false without an address). */
export function suspectIn(book: readonly BookAddress[], guide: StoredGuide): boolean {
  if (typeof guide.network !== 'string' || familyOf(guide.network) === undefined || typeof guide.address !== 'string') return false;
  return poisoningCheck({ candidate: { network: guide.network as NetworkId, address: guide.address }, book, canonical: asStored }).status === 'lookalike';
}

/** Every stored guide marked or unmarked against `book`, whichever exchange it is for and whether or not a guide tab is open. */
export function markGuidesAgainst(book: readonly BookAddress[]): Promise<void> {
  return markGuides((guide) => suspectIn(book, guide));
}

const addressBook = defineLazyItem<unknown>('local:addressBook', { version: 1 });

/** The marking runs, one after another; each reads the book as it then is, so the last change of the book decides. */
let marking: Promise<void> = Promise.resolve();

/** Marks every stored guide against the book as stored now; a stored book that is not a list changes no mark. */
async function markAgainstStoredBook(): Promise<void> {
  const stored = await addressBook.getValue();
  if (stored !== null && !Array.isArray(stored)) return;
  await markGuidesAgainst(storedEntries(stored));
}

/**
 * Follows the address book (changed by a guide tab, the options page's import or removal, a delete) for the background, and marks
 * the stored guides against it at each change: an exchange page reads only its stored guide, and no guide tab may be open. Runs
 * that overlapped would each judge by the book they were told of, and the older could write last.
 */
export function markGuidesOnBookChange(): void {
  addressBook.watch(() => {
    marking = marking.then(markAgainstStoredBook).catch((error: unknown) => console.error('[reserve-radar] the guides could not be marked against the address book', error));
  });
}

/** Resolves once every marking run started so far has ended. */
export function guideMarksDone(): Promise<void> {
  return marking;
}
