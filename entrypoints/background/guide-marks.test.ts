import { getAddress } from 'viem';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, createGuideState } from '@/lib/custody/steps';
import { parseAddressBook } from '@/lib/custody/address-book';
import { replaceAddressBook, saveGuideState } from '@/utils/guide-state';
import { freshBackground, noNetwork } from './background.testkit';

// The background marks every stored guide against the address book at each change of the book, with no guide tab open.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
// Same first and last four characters as WALLET, different in between: what an address-poisoning transfer plants.
const LOOKALIKE = getAddress(`0x5aae${'7'.repeat(32)}eaed`);

function guideWith(exchangeId: string, address: string) {
  const state = applyGuideAction(createGuideState(new Date('2026-11-25T10:00:00Z')), { type: 'set-route', exchangeId, asset: 'ETH', network: 'ethereum' });
  return applyGuideAction(state, { type: 'set-address', address });
}

/** The book as the options page's import writes it: validated entries, the whole book replaced. */
async function importBook(addresses: string[]): Promise<void> {
  const { entries } = parseAddressBook(addresses.map((address, index) => ({ label: `Wallet ${index + 1}`, network: 'ethereum', address, addedAt: '2026-11-25T10:00:00.000Z' })));
  expect(entries).toHaveLength(addresses.length);
  await replaceAddressBook(entries);
}

const suspectOf = async (key: string) => ((await fakeBrowser.storage.local.get(key))[key] as { addressSuspect?: boolean } | undefined)?.addressSuspect;

let marks: typeof import('@/utils/guide-marks');

describe('guides marked against the address book by the background', () => {
  beforeEach(async () => {
    await freshBackground();
    noNetwork();
    vi.resetModules();
    (await import('./index')).default.main();
    marks = await import('@/utils/guide-marks');
  });

  test("an import that adds a look-alike of a guide's address marks it with no guide tab open, and one that removes it clears the mark", async () => {
    const binance = guideWith('binance', WALLET);
    await saveGuideState(binance);
    await importBook([LOOKALIKE]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBe(true));
    expect(await suspectOf('guideState')).toBe(true);
    // Nothing but the mark changed.
    expect((await fakeBrowser.storage.local.get('guide:binance'))['guide:binance']).toEqual({ ...binance, addressSuspect: true });
    await importBook([]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBeUndefined());
    expect(await fakeBrowser.storage.local.get(['guideState', 'guide:binance'])).toEqual({ guideState: binance, 'guide:binance': binance });
  });

  test('the guide of an exchange not being worked on is marked and cleared by its own address, and the others are left alone', async () => {
    const binance = guideWith('binance', WALLET);
    const okx = guideWith('okx', OTHER);
    await saveGuideState(binance);
    // The guide last worked on is OKX's, with another address.
    await saveGuideState(okx);
    await importBook([OTHER, LOOKALIKE]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBe(true));
    expect(await fakeBrowser.storage.local.get(['guideState', 'guide:okx'])).toEqual({ guideState: okx, 'guide:okx': okx });
    await importBook([OTHER]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBeUndefined());
    expect((await fakeBrowser.storage.local.get('guide:binance'))['guide:binance']).toEqual(binance);
  });

  test('a guide whose own address is in the book is not marked, even beside a look-alike of it', async () => {
    const binance = guideWith('binance', WALLET);
    await saveGuideState(binance);
    await importBook([LOOKALIKE]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBe(true));
    await importBook([WALLET, LOOKALIKE]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBeUndefined());
  });

  test('two quick changes of the book: the marks follow the last one, whichever way round', async () => {
    const binance = guideWith('binance', WALLET);
    await saveGuideState(binance);
    const book = (addresses: string[]) => parseAddressBook(addresses.map((address) => ({ label: 'W', network: 'ethereum', address, addedAt: '2026-11-25T10:00:00.000Z' }))).entries;
    // Added, then removed at once: no mark is left on an empty book.
    await fakeBrowser.storage.local.set({ addressBook: book([LOOKALIKE]) });
    await fakeBrowser.storage.local.set({ addressBook: book([]) });
    await marks.guideMarksDone();
    expect(await suspectOf('guide:binance')).toBeUndefined();
    // Added, removed and added again at once: the book ends with the look-alike, so the guide ends marked.
    await fakeBrowser.storage.local.set({ addressBook: book([LOOKALIKE]) });
    await fakeBrowser.storage.local.set({ addressBook: book([]) });
    await fakeBrowser.storage.local.set({ addressBook: book([LOOKALIKE]) });
    await marks.guideMarksDone();
    expect(await suspectOf('guide:binance')).toBe(true);
  });

  test('a stored book that is not a list changes no mark: the last good marks stay', async () => {
    await saveGuideState(guideWith('binance', WALLET));
    await importBook([LOOKALIKE]);
    await vi.waitFor(async () => expect(await suspectOf('guide:binance')).toBe(true));
    await fakeBrowser.storage.local.set({ addressBook: 'not a book' });
    await marks.guideMarksDone();
    expect(await suspectOf('guide:binance')).toBe(true);
  });
});
