import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, createGuideState } from '@/lib/custody/steps';
import { loadAddressBook, loadGuideState, removeFromAddressBook, saveGuideState, saveToAddressBook } from '@/utils/guide-state';
import { readChosenAddress, watchChosenAddress } from '@/utils/chosen-address';

// The guide page's storage (utils/guide-state.ts), against WXT's in-memory browser.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function guideWithAddress() {
  let state = createGuideState(new Date('2026-11-25T10:00:00Z'));
  state = applyGuideAction(state, { type: 'set-route', exchangeId: 'binance', asset: 'ETH', network: 'ethereum' });
  return applyGuideAction(state, { type: 'set-address', address: WALLET.toLowerCase() });
}

describe('guide state in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a fresh browser starts a fresh guide, without calling it a reset', async () => {
    const { state, resetReason } = await loadGuideState();
    expect(state.exchangeId).toBeNull();
    expect(state.address).toBeNull();
    expect(resetReason).toBeNull();
  });

  test('what was saved is what a reopened page resumes with', async () => {
    const saved = guideWithAddress();
    await saveGuideState(saved);
    const { state, resetReason } = await loadGuideState();
    expect(state).toEqual(saved);
    expect(state.address).toBe(WALLET);
    expect(resetReason).toBeNull();
  });

  test('a damaged stored guide starts over and says why', async () => {
    await fakeBrowser.storage.local.set({ guideState: { version: 1, exchangeId: 'BINANCE!', address: 42 } });
    const { state, resetReason } = await loadGuideState();
    expect(state.exchangeId).toBeNull();
    expect(resetReason).toMatch(/could not be read/);
  });

  test('the exchange-page script reads only the chosen network and address, and nothing when unset', async () => {
    expect(await readChosenAddress()).toBeNull();
    await saveGuideState(guideWithAddress());
    expect(await readChosenAddress()).toEqual({ network: 'ethereum', address: WALLET });
    await fakeBrowser.storage.local.set({ guideState: { address: 'x'.repeat(200), network: 'ethereum' } });
    expect(await readChosenAddress()).toBeNull();
  });

  test('a watcher hears about a new chosen address', async () => {
    const heard: unknown[] = [];
    const stop = watchChosenAddress((chosen) => heard.push(chosen));
    await saveGuideState(guideWithAddress());
    stop();
    expect(heard).toEqual([{ network: 'ethereum', address: WALLET }]);
  });
});

describe('address book in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('saves normalised, relabels the same address instead of duplicating it, and removes', async () => {
    expect(await loadAddressBook()).toEqual([]);
    await saveToAddressBook({ label: 'Ledger', network: 'ethereum', address: WALLET.toLowerCase() }, new Date('2026-11-25T10:00:00Z'));
    const book = await saveToAddressBook({ label: 'Hardware wallet', network: 'ethereum', address: WALLET }, new Date('2026-11-25T11:00:00Z'));
    expect(book).toEqual([{ label: 'Hardware wallet', network: 'ethereum', address: WALLET, addedAt: '2026-11-25T11:00:00.000Z' }]);
    expect(await loadAddressBook()).toEqual(book);
    expect(await removeFromAddressBook({ network: 'ethereum', address: WALLET })).toEqual([]);
  });

  test('refuses an entry that is not a valid address, with the reason, and keeps the book as it was', async () => {
    await saveToAddressBook({ label: 'Ledger', network: 'ethereum', address: WALLET });
    await expect(saveToAddressBook({ label: 'Typo', network: 'ethereum', address: '0x1234' })).rejects.toThrow(/40 characters/);
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Ledger']);
  });

  test('a stored book with damaged entries keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({ addressBook: [{ label: 'Good', network: 'ethereum', address: WALLET, addedAt: '2026-11-25T10:00:00Z' }, { label: 'Bad', network: 'mars', address: 'x', addedAt: 'now' }] });
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Good']);
  });
});
