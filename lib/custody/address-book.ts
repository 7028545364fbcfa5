import * as v from 'valibot';
import { networkIds, type NetworkId } from './networks';
import { validateAddress, type AddressError } from './validate-address';
import { poisoningCheck, type LookalikeMatch as PoisoningMatch, type PoisoningCheckReturnType } from './poisoning';

/** Which part of an entry was refused; for the address, the validator's own error on the entry's network. */
export type AddressBookProblem = { field: 'list' | 'entry' | 'label' | 'network' | 'addedAt' } | { field: 'address'; network: string; error: AddressError };

/**
 * The user's own saved receiving addresses. Stored on the device only; the schema guards
 * imports and storage reads, since both can hold anything.
 */
export const AddressBookEntrySchema = v.pipe(
  v.object({
    label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
    network: v.picklist(networkIds),
    address: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(128)),
    addedAt: v.pipe(v.string(), v.isoTimestamp()),
  }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const entry = dataset.value;
    const checked = validateAddress({ network: entry.network, address: entry.address });
    if (!checked.valid || checked.normalized === null) {
      addIssue({ message: 'address', path: [{ type: 'object', origin: 'value', input: entry, key: 'address', value: entry.address }] });
      return NEVER;
    }
    // Stored normalised, so comparisons never depend on how it was pasted.
    return { ...entry, address: checked.normalized };
  }),
);

/** The first problem valibot reported, as the field it concerns (an address is checked again for its error code). */
function problemOf(issues: readonly v.BaseIssue<unknown>[]): AddressBookProblem {
  const at = issues[0]?.path?.[0];
  const key = at?.key;
  if (key === 'address') {
    const entry = at!.input as { network?: unknown };
    const network = typeof entry.network === 'string' ? entry.network : '';
    const error = validateAddress({ network, address: typeof at!.value === 'string' ? at!.value : '' }).error;
    return { field: 'address', network, error: error ?? { code: 'bad-format' } };
  }
  if (key === 'label' || key === 'network' || key === 'addedAt') return { field: key };
  return { field: 'entry' };
}

export type AddressBookEntry = v.InferOutput<typeof AddressBookEntrySchema>;

export interface ParseAddressBookReturnType {
  entries: AddressBookEntry[];
  /** Entries left out, with why, so an import can say what it skipped. */
  rejected: { index: number; problem: AddressBookProblem }[];
}

/** Reads an imported or stored address book, keeping every good entry and naming the bad ones. */
export function parseAddressBook(input: unknown): ParseAddressBookReturnType {
  if (!Array.isArray(input)) return { entries: [], rejected: [{ index: -1, problem: { field: 'list' } }] };
  const entries: AddressBookEntry[] = [];
  const rejected: ParseAddressBookReturnType['rejected'] = [];
  input.forEach((item, index) => {
    const parsed = v.safeParse(AddressBookEntrySchema, item);
    if (parsed.success) entries.push(parsed.output);
    else rejected.push({ index, problem: problemOf(parsed.issues) });
  });
  return { entries, rejected };
}

export interface CreateAddressBookEntryParameters {
  label: string;
  network: string;
  address: string;
  now?: Date;
}

export type CreateAddressBookEntryReturnType = { ok: true; entry: AddressBookEntry } | { ok: false; problem: AddressBookProblem };

/** Builds a validated, normalised entry for the "save this address" button. Never throws. */
export function createAddressBookEntry({ label, network, address, now = new Date() }: CreateAddressBookEntryParameters): CreateAddressBookEntryReturnType {
  const parsed = v.safeParse(AddressBookEntrySchema, { label, network, address, addedAt: now.toISOString() });
  return parsed.success ? { ok: true, entry: parsed.output } : { ok: false, problem: problemOf(parsed.issues) };
}

/** Characters at each end a look-alike must copy before we call it one (the common poisoning pattern). */
/** Whether the book holds this address on this network, compared in the validator's normalised form, as entries are stored. */
export function isInBook({ network, address, book }: { network: NetworkId; address: string; book: readonly AddressBookEntry[] }): boolean {
  const normalized = validateAddress({ network, address }).normalized ?? address;
  return book.some((entry) => entry.network === network && entry.address === normalized);
}

export { POISONING_MATCH_LENGTH } from './poisoning';

export type LookalikeMatch = PoisoningMatch<AddressBookEntry>;

export interface CheckPoisoningParameters {
  candidate: { network: NetworkId; address: string };
  book: readonly AddressBookEntry[];
}

export type CheckPoisoningReturnType = PoisoningCheckReturnType<AddressBookEntry>;

/** The spelling we compare: normalised when the address is valid, as typed otherwise. */
function canonical(network: string, address: string): string {
  return validateAddress({ network, address }).normalized ?? address.trim();
}

/**
 * Address-poisoning check: scammers send dust from an address that copies the first and
 * last characters of one you use, hoping you copy theirs from your history. A candidate
 * that shares ≥4 leading and ≥4 trailing characters with a saved address but differs in
 * between is flagged, naming the saved entry (lib/custody/poisoning.ts).
 */
export function checkPoisoning({ candidate, book }: CheckPoisoningParameters): CheckPoisoningReturnType {
  return poisoningCheck({ candidate, book, canonical });
}
