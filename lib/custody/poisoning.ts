import type { NetworkId } from './networks';
import { familyOf as family } from './network-families';
import { splitAddressPrefix } from './format';

/**
 * The address-poisoning comparison itself, apart from the address book's schema and the address validators: the
 * background marks stored guides with it (utils/guide-marks.ts) and keeps its bundle small. `canonical` gives the spelling
 * compared: the book's `checkPoisoning` normalises with the validators; stored guides and book entries are stored normalised.
 */
export interface BookAddress {
  network: string;
  address: string;
}

export const POISONING_MATCH_LENGTH = 4;

export interface LookalikeMatch<Entry extends BookAddress = BookAddress> {
  entry: Entry;
  sharedStart: number;
  sharedEnd: number;
}

export interface PoisoningCheckParameters<Entry extends BookAddress> {
  candidate: { network: NetworkId; address: string };
  book: readonly Entry[];
  canonical: (network: string, address: string) => string;
}

export interface PoisoningCheckReturnType<Entry extends BookAddress> {
  /** `known`: exactly a saved address; `lookalike`: resembles a saved one but is not it; `new`: neither. */
  status: 'known' | 'lookalike' | 'new';
  known: Entry | null;
  lookalikes: LookalikeMatch<Entry>[];
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
export function poisoningCheck<Entry extends BookAddress>({ candidate, book, canonical }: PoisoningCheckParameters<Entry>): PoisoningCheckReturnType<Entry> {
  const candidateFamily = family(candidate.network);
  const candidateText = canonical(candidate.network, candidate.address);
  let known: Entry | null = null;
  const lookalikes: LookalikeMatch<Entry>[] = [];
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
