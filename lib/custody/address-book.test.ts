import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { getAddress, toHex } from 'viem';
import { AddressBookEntrySchema, checkPoisoning, createAddressBookEntry, parseAddressBook, type AddressBookEntry } from './address-book';

const addedAt = '2026-11-25T09:00:00.000Z';
const mine = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function entry(label: string, network: AddressBookEntry['network'], address: string): AddressBookEntry {
  return v.parse(AddressBookEntrySchema, { label, network, address, addedAt });
}

/** An EVM address copying the first and last `keep` hex characters of `original`. */
function lookalikeOf(original: string, middle: Uint8Array, keep = 4): string {
  const body = original.slice(2).toLowerCase();
  const replacement = toHex(middle).slice(2, 2 + 40 - 2 * keep);
  return getAddress(`0x${body.slice(0, keep)}${replacement}${body.slice(40 - keep)}`);
}

describe('AddressBookEntrySchema', () => {
  it('stores the normalised address', () => {
    expect(entry(' Ledger ', 'ethereum', mine.toLowerCase())).toEqual({ label: 'Ledger', network: 'ethereum', address: mine, addedAt });
  });

  it('rejects invalid entries, naming the field and, for the address, the validator’s own code', () => {
    const parsed = v.safeParse(AddressBookEntrySchema, { label: 'x', network: 'ethereum', address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', addedAt });
    expect(parsed.success).toBe(false);
    expect(parseAddressBook([{ label: 'x', network: 'ethereum', address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', addedAt }]).rejected).toEqual([
      { index: 0, problem: { field: 'address', network: 'ethereum', error: { code: 'wrong-network', belongsTo: ['tron'] } } },
    ]);
    expect(parseAddressBook([{ label: '', network: 'ethereum', address: mine, addedAt }]).rejected[0]!.problem).toEqual({ field: 'label' });
    expect(parseAddressBook([{ label: 'a', network: 'ethereum-classic', address: mine, addedAt }]).rejected[0]!.problem).toEqual({ field: 'network' });
    expect(parseAddressBook([{ label: 'a', network: 'ethereum', address: mine, addedAt: 'yesterday' }]).rejected[0]!.problem).toEqual({ field: 'addedAt' });
    expect(parseAddressBook([{ label: 'a', network: 'ethereum', address: '', addedAt }]).rejected[0]!.problem).toEqual({ field: 'address', network: 'ethereum', error: { code: 'empty' } });
    expect(v.safeParse(AddressBookEntrySchema, { label: '', network: 'ethereum', address: mine, addedAt }).success).toBe(false);
    expect(v.safeParse(AddressBookEntrySchema, { label: 'a', network: 'ethereum-classic', address: mine, addedAt }).success).toBe(false);
    expect(v.safeParse(AddressBookEntrySchema, { label: 'a', network: 'ethereum', address: mine, addedAt: 'yesterday' }).success).toBe(false);
  });

  it('creates entries for the save button, or says why not', () => {
    const created = createAddressBookEntry({ label: 'Phone', network: 'xrp', address: ' rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf ', now: new Date(addedAt) });
    expect(created).toEqual({ ok: true, entry: { label: 'Phone', network: 'xrp', address: 'rGWrZyQqhTp9Xu7G5Pkayo7bXjH4k4QYpf', addedAt } });
    const refused = createAddressBookEntry({ label: 'Burn', network: 'xrp', address: 'rrrrrrrrrrrrrrrrrrrrrhoLvTp' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problem).toEqual({ field: 'address', network: 'xrp', error: { code: 'burn-address' } });
  });

  it('imports the good entries of a mixed list and names the bad ones', () => {
    const result = parseAddressBook([
      { label: 'Cold', network: 'bitcoin', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', addedAt },
      { label: 'Typo', network: 'bitcoin', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', addedAt },
      'garbage',
    ]);
    expect(result.entries.map((e) => e.label)).toEqual(['Cold']);
    expect(result.rejected).toEqual([
      { index: 1, problem: { field: 'address', network: 'bitcoin', error: { code: 'bad-checksum' } } },
      { index: 2, problem: { field: 'entry' } },
    ]);
    expect(parseAddressBook({ not: 'a list' }).rejected).toEqual([{ index: -1, problem: { field: 'list' } }]);
  });
});

describe('checkPoisoning', () => {
  const book = [entry('Ledger', 'ethereum', mine), entry('Cold BTC', 'bitcoin', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')];

  it('reports an exact saved address as known, across EVM networks and letter case', () => {
    const result = checkPoisoning({ candidate: { network: 'arbitrum', address: mine.toLowerCase() }, book });
    expect(result.status).toBe('known');
    expect(result.known!.label).toBe('Ledger');
    expect(result.lookalikes).toEqual([]);
  });

  it('a Solana address differing from a saved one only in letter case is another account: a look-alike, not known', () => {
    // Base58 is case-sensitive, so the variant decodes to another key; eyes reading it still see the saved one.
    const saved = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
    const solanaBook = [entry('Phantom', 'solana', saved)];
    const variant = checkPoisoning({ candidate: { network: 'solana', address: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623vQ5DA' }, book: solanaBook });
    expect(variant.status).toBe('lookalike');
    expect(variant.known).toBeNull();
    expect(variant.lookalikes.map((match) => match.entry.label)).toEqual(['Phantom']);
    expect(checkPoisoning({ candidate: { network: 'solana', address: saved }, book: solanaBook }).status).toBe('known');
  });

  it('flags a look-alike loudly and names the saved entry', () => {
    const poisoned = lookalikeOf(mine, new Uint8Array(20).fill(0x77));
    const result = checkPoisoning({ candidate: { network: 'ethereum', address: poisoned }, book });
    expect(result.status).toBe('lookalike');
    expect(result.lookalikes[0]!.entry.label).toBe('Ledger');
  });

  it('ignores addresses that share fewer than four characters at an end, and other families', () => {
    const threeOnly = lookalikeOf(mine, new Uint8Array(20).fill(0x77), 3);
    expect(checkPoisoning({ candidate: { network: 'ethereum', address: threeOnly }, book }).status).toBe('new');
    expect(checkPoisoning({ candidate: { network: 'tron', address: 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8' }, book }).status).toBe('new');
  });

  it('flags look-alikes of bech32 addresses after the shared "bc1" prefix, even when typed invalid', () => {
    // Same first five and last seven characters after "bc1", different middle (checksum broken:
    // a real poisoning address would be valid, but it must be caught either way).
    const result = checkPoisoning({ candidate: { network: 'bitcoin', address: 'bc1qw508zzzzzzzzzzzzzzzzzzzzzzzzzzzzzkv8f3t4' }, book });
    expect(result.status).toBe('lookalike');
    expect(result.lookalikes[0]).toMatchObject({ sharedStart: 5, sharedEnd: 7 });
  });

  it('warns when a known address has a look-alike already saved in the book', () => {
    const poisoned = lookalikeOf(mine, new Uint8Array(20).fill(0x11));
    const dirtyBook = [...book, entry('From history', 'ethereum', poisoned)];
    const result = checkPoisoning({ candidate: { network: 'ethereum', address: mine }, book: dirtyBook });
    expect(result.status).toBe('known');
    expect(result.lookalikes.map((match) => match.entry.label)).toEqual(['From history']);
  });

  it('property: any address copying ≥4 characters at both ends of a saved one, but not equal, is flagged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 4, max: 8 }), (saved, middle, keep) => {
        const savedAddress = getAddress(toHex(saved));
        const candidate = lookalikeOf(savedAddress, middle, keep);
        fc.pre(candidate.toLowerCase() !== savedAddress.toLowerCase());
        const result = checkPoisoning({ candidate: { network: 'base', address: candidate }, book: [entry('Saved', 'ethereum', savedAddress)] });
        expect(result.status).toBe('lookalike');
        expect(result.lookalikes[0]!.entry.label).toBe('Saved');
        expect(result.lookalikes[0]!.sharedStart).toBeGreaterThanOrEqual(keep);
      }),
    );
  });

  it('property: the saved address itself is always known, never a look-alike', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.boolean(), (saved, lower) => {
        const savedAddress = getAddress(toHex(saved));
        const candidate = lower ? savedAddress.toLowerCase() : savedAddress;
        const result = checkPoisoning({ candidate: { network: 'ethereum', address: candidate }, book: [entry('Saved', 'polygon', savedAddress)] });
        expect(result.status).toBe('known');
        expect(result.lookalikes).toEqual([]);
      }),
    );
  });

  it('property: unrelated random addresses are new unless they happen to share both ends', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.uint8Array({ minLength: 20, maxLength: 20 }), (a, b) => {
        const savedAddress = getAddress(toHex(a));
        const candidate = getAddress(toHex(b));
        const sa = savedAddress.slice(2).toLowerCase();
        const sb = candidate.slice(2).toLowerCase();
        const expectLookalike = sa !== sb && sa.slice(0, 4) === sb.slice(0, 4) && sa.slice(-4) === sb.slice(-4);
        const result = checkPoisoning({ candidate: { network: 'ethereum', address: candidate }, book: [entry('Saved', 'ethereum', savedAddress)] });
        expect(result.status).toBe(sa === sb ? 'known' : expectLookalike ? 'lookalike' : 'new');
      }),
    );
  });
});
