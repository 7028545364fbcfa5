import * as v from 'valibot';
import { getNetwork, networkIds, type NetworkFamily, type NetworkId } from './networks';
import { validateAddress, type AddressError } from './validate-address';
import { splitAddressPrefix } from './format';

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

export const POISONING_MATCH_LENGTH = 4;

export interface LookalikeMatch {
  entry: AddressBookEntry;
  sharedStart: number;
  sharedEnd: number;
}

export interface CheckPoisoningParameters {
  candidate: { network: NetworkId; address: string };
  book: readonly AddressBookEntry[];
}

export interface CheckPoisoningReturnType {
  /** `known`: exactly a saved address; `lookalike`: resembles a saved one but is not it; `new`: neither. */
  status: 'known' | 'lookalike' | 'new';
  known: AddressBookEntry | null;
  lookalikes: LookalikeMatch[];
}

function family(network: string): NetworkFamily | undefined {
  return getNetwork(network)?.family;
}

/** The spelling we compare: normalised when the address is valid, as typed otherwise. */
function canonical(network: string, address: string): string {
  return validateAddress({ network, address }).normalized ?? address.trim();
}

/**
 * The identifying part, in one case: look-alikes are built to fool eyes, and eyes ignore case.
 * The saved entry's prefix is stripped from both, so "bc1"/"0x" never count as shared characters.
 */
function bodies(saved: string, candidate: string): [string, string] {
  const { prefix, body } = splitAddressPrefix(saved);
  const candidateBody = candidate.toLowerCase().startsWith(prefix.toLowerCase()) ? candidate.slice(prefix.length) : candidate;
  return [body.toLowerCase(), candidateBody.toLowerCase()];
}

function sharedStartLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

function sharedEndLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length++;
  return length;
}

/**
 * Address-poisoning check: scammers send dust from an address that copies the first and
 * last characters of one you use, hoping you copy theirs from your history. A candidate
 * that shares ≥4 leading and ≥4 trailing characters with a saved address but differs in
 * between is flagged, naming the saved entry.
 */
export function checkPoisoning({ candidate, book }: CheckPoisoningParameters): CheckPoisoningReturnType {
  const candidateFamily = family(candidate.network);
  const candidateText = canonical(candidate.network, candidate.address);
  let known: AddressBookEntry | null = null;
  const lookalikes: LookalikeMatch[] = [];
  for (const entry of book) {
    // One family shares one address space (a 0x address is the same account on every EVM chain).
    if (family(entry.network) !== candidateFamily) continue;
    const entryText = canonical(entry.network, entry.address);
    // Known only when the normalised spellings match: where case carries meaning (base58), a case
    // variant is another account, and falls through to the look-alike test below.
    if (entryText === candidateText) {
      if (known === null || entry.network === candidate.network) known = entry;
      continue;
    }
    const [entryBody, candidateBody] = bodies(entryText, candidateText);
    const sharedStart = sharedStartLength(entryBody, candidateBody);
    const sharedEnd = sharedEndLength(entryBody, candidateBody);
    if (sharedStart >= POISONING_MATCH_LENGTH && sharedEnd >= POISONING_MATCH_LENGTH) lookalikes.push({ entry, sharedStart, sharedEnd });
  }
  return { status: known !== null ? 'known' : lookalikes.length > 0 ? 'lookalike' : 'new', known, lookalikes };
}
