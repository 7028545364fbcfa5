import { getAddress } from 'viem';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, createGuideState, nextStep } from '@/lib/custody/steps';
import {
  LookalikeRefused,
  loadAddressBook,
  loadGuideState,
  loadSavedGuides,
  markStoredSuspect,
  removeFromAddressBook,
  replaceAddressBook,
  saveGuideState,
  saveToAddressBook,
} from '@/utils/guide-state';
import { chosenAddressFor, readChosenAddress, readStoredGuides, watchChosenAddress } from '@/utils/chosen-address';

// The guide page's storage (utils/guide-state.ts), against WXT's in-memory browser.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';

function guideWithAddress(exchangeId = 'binance', asset = 'ETH') {
  let state = createGuideState(new Date('2026-11-25T10:00:00Z'));
  state = applyGuideAction(state, { type: 'set-route', exchangeId, asset, network: 'ethereum' });
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
    expect(resetReason).toBe('unreadable');
  });

  test('a guide used for OKX does not follow the user to Coinbase, and each exchange keeps its own', async () => {
    const okx = guideWithAddress('okx', 'USDT');
    await saveGuideState(okx);
    // Opened from Coinbase: Coinbase's own guide, from the first step, with none of OKX's answers.
    const coinbase = await loadGuideState('coinbase');
    expect(coinbase.state).toMatchObject({ exchangeId: 'coinbase', asset: null, network: null, address: null });
    expect(nextStep({ state: coinbase.state })).toBe('route');
    expect(coinbase.resetReason).toBeNull();
    await saveGuideState(applyGuideAction(coinbase.state, { type: 'set-route', exchangeId: 'coinbase', asset: 'BTC', network: 'bitcoin' }));
    // Back to OKX: where it was left. Coinbase's answers stay Coinbase's.
    expect((await loadGuideState('okx')).state).toEqual(okx);
    expect((await loadGuideState('coinbase')).state).toMatchObject({ exchangeId: 'coinbase', asset: 'BTC', network: 'bitcoin' });
    // Opened with no exchange named: the guide last worked on.
    expect((await loadGuideState()).state.exchangeId).toBe('coinbase');
    expect([...(await loadSavedGuides()).keys()].sort()).toEqual(['coinbase', 'okx']);
  });

  test('a damaged or misfiled saved guide of one exchange starts that exchange over and says why, and leaves the others', async () => {
    await saveGuideState(guideWithAddress('okx', 'USDT'));
    await fakeBrowser.storage.local.set({ 'guide:kraken': { version: 1, exchangeId: 'kraken', address: 42 }, 'guide:bybit': guideWithAddress('okx', 'USDT') });
    const kraken = await loadGuideState('kraken');
    expect(kraken.state).toMatchObject({ exchangeId: 'kraken', address: null });
    expect(kraken.resetReason).toBe('unreadable');
    const bybit = await loadGuideState('bybit');
    expect(bybit.state).toMatchObject({ exchangeId: 'bybit', address: null });
    expect(bybit.resetReason).toBe('other-exchange');
    expect([...(await loadSavedGuides()).keys()]).toEqual(['okx']);
  });

  test("each exchange's guide is stored under its own key, written without a read: two saves at once both keep their guide", async () => {
    const okx = guideWithAddress('okx', 'USDT');
    const binance = guideWithAddress('binance', 'ETH');
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    // Two guide tabs saving at the same moment.
    await Promise.all([saveGuideState(okx), saveGuideState(binance)]);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const saved = await loadSavedGuides();
    expect([...saved.keys()].sort()).toEqual(['binance', 'okx']);
    expect(saved.get('okx')).toEqual(okx);
    expect(await fakeBrowser.storage.local.get(['guide:okx', 'guide:binance'])).toEqual({ 'guide:okx': okx, 'guide:binance': binance });
  });

  test('a save that lands just after "Delete everything" brings back no other exchange\'s guide', async () => {
    await saveGuideState(guideWithAddress('okx', 'USDT'));
    const binance = { ...guideWithAddress('binance', 'ETH'), address: OTHER };
    const saving = saveGuideState(binance);
    // What "Delete everything" does to storage, before the page has heard of it.
    await fakeBrowser.storage.local.clear();
    await saving;
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null)).toLowerCase();
    expect(stored).not.toContain(WALLET.toLowerCase());
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.includes('okx') || key === 'guides')).toEqual([]);
  });

  test("the exchange-page script reads the chosen network and address of that exchange's guide, and nothing when unset", async () => {
    expect(await readChosenAddress('binance')).toBeNull();
    await saveGuideState(guideWithAddress());
    expect(await readChosenAddress('binance')).toEqual({ network: 'ethereum', address: WALLET });
    // Another exchange's page: the Binance guide's address is not the one to compare with there.
    expect(await readChosenAddress('okx')).toBeNull();
    await saveGuideState(createGuideState());
    // A guide tied to no exchange yet applies on every exchange's page.
    await fakeBrowser.storage.local.remove('guide:binance');
    await fakeBrowser.storage.local.set({ guideState: { network: 'ethereum', address: WALLET } });
    expect(await readChosenAddress('okx')).toEqual({ network: 'ethereum', address: WALLET });
    await fakeBrowser.storage.local.set({ guideState: { address: 'x'.repeat(200), network: 'ethereum' } });
    expect(await readChosenAddress('okx')).toBeNull();
    expect(chosenAddressFor(await readStoredGuides('okx'), undefined)).toBeNull();
  });

  test('a guide whose address has become a look-alike of a saved one gives the exchange page no address to compare with, only the mark', async () => {
    const suspect = applyGuideAction(guideWithAddress(), { type: 'address-suspect', suspect: true });
    await saveGuideState(suspect);
    expect(await readChosenAddress('binance')).toBe('suspect');
    // Another exchange's page hears nothing of Binance's guide, marked or not.
    expect(await readChosenAddress('okx')).toBeNull();
    // The look-alike removed from the book: the same address counts again, and nothing else of the guide was lost.
    const cleared = applyGuideAction(suspect, { type: 'address-suspect', suspect: false });
    await saveGuideState(cleared);
    expect(await readChosenAddress('binance')).toEqual({ network: 'ethereum', address: WALLET });
  });

  test("on each exchange's page, that exchange's own guide's address, whichever guide was worked on last", async () => {
    await saveGuideState({ ...guideWithAddress('okx', 'USDT'), address: OTHER });
    await saveGuideState(guideWithAddress('binance', 'ETH'));
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(await readChosenAddress('okx')).toEqual({ network: 'ethereum', address: OTHER });
    expect(await readChosenAddress('binance')).toEqual({ network: 'ethereum', address: WALLET });
    // The page's script reads the guide last worked on and its own exchange's, nothing else.
    expect(reads.mock.calls).toEqual([[['guideState', 'guide:okx']], [['guideState', 'guide:binance']]]);
    // Values read for another exchange's page are not taken for this one's.
    expect(chosenAddressFor(await readStoredGuides('okx'), 'binance')).toBeNull();
  });

  test("an exchange's own key holding a guide that is not that exchange's gives no address on its page, as the guide page shows none", async () => {
    const binance = guideWithAddress('binance', 'ETH');
    // Moved as it was filed in the old map, or edited by hand.
    await fakeBrowser.storage.local.set({ 'guide:okx': binance, guideState: binance });
    expect(await readChosenAddress('okx')).toBeNull();
    expect((await loadGuideState('okx')).state.address).toBeNull();
    await fakeBrowser.storage.local.set({ 'guide:okx': { network: 'ethereum', address: WALLET } });
    expect(await readChosenAddress('okx')).toBeNull();
    expect((await loadGuideState('okx')).state.address).toBeNull();
  });

  test("a watcher on an exchange's page hears of a new address in that exchange's guide, and not of another exchange's", async () => {
    const heard: unknown[] = [];
    const stop = watchChosenAddress(
      () => 'okx',
      (stored) => heard.push(chosenAddressFor(stored, 'okx')),
    );
    await saveGuideState({ ...guideWithAddress('okx', 'USDT'), address: OTHER });
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ network: 'ethereum', address: OTHER }));
    const before = heard.length;
    // Binance's guide alone changes (the guide last worked on is left as it is): nothing to read again on OKX's page.
    await fakeBrowser.storage.local.set({ 'guide:binance': guideWithAddress('binance', 'ETH') });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toHaveLength(before);
    stop();
  });
});

describe('the look-alike mark in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  test('every stored guide with the same address and network is marked and unmarked; a guide with another address is left as it is', async () => {
    const binance = guideWithAddress('binance');
    const okx = guideWithAddress('okx');
    const kraken = applyGuideAction(guideWithAddress('kraken'), { type: 'set-address', address: OTHER });
    await fakeBrowser.storage.local.set({ guideState: binance, 'guide:binance': binance, 'guide:okx': okx, 'guide:kraken': kraken });
    await markStoredSuspect(binance, true);
    const marked = await fakeBrowser.storage.local.get(['guideState', 'guide:binance', 'guide:okx', 'guide:kraken']);
    expect(marked).toEqual({
      guideState: { ...binance, addressSuspect: true },
      'guide:binance': { ...binance, addressSuspect: true },
      'guide:okx': { ...okx, addressSuspect: true },
      'guide:kraken': kraken,
    });
    await markStoredSuspect(binance, false);
    expect(await fakeBrowser.storage.local.get(['guideState', 'guide:binance', 'guide:okx', 'guide:kraken'])).toEqual({
      guideState: binance,
      'guide:binance': binance,
      'guide:okx': okx,
      'guide:kraken': kraken,
    });
  });

  test('a stored guide whose address was changed in another tab is not marked for the old address', async () => {
    const before = guideWithAddress('binance');
    const changed = applyGuideAction(before, { type: 'set-address', address: OTHER });
    await fakeBrowser.storage.local.set({ guideState: changed, 'guide:binance': changed });
    await markStoredSuspect(before, true);
    expect(await fakeBrowser.storage.local.get(['guideState', 'guide:binance'])).toEqual({ guideState: changed, 'guide:binance': changed });
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

  test('entries saved and removed at the same moment (guide tabs, an import) all take effect', async () => {
    const other = '0x000000000000000000000000000000000000bEEF';
    await saveToAddressBook({ label: 'Old', network: 'ethereum', address: other });
    await Promise.all([
      saveToAddressBook({ label: 'Ledger', network: 'ethereum', address: WALLET }),
      saveToAddressBook({ label: 'Cold', network: 'bitcoin', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }),
      removeFromAddressBook({ network: 'ethereum', address: other }),
    ]);
    expect((await loadAddressBook()).map((entry) => entry.label).sort()).toEqual(['Cold', 'Ledger']);
    // A replace (an import) asked after a save is not undone by that save's write.
    await Promise.all([saveToAddressBook({ label: 'Late', network: 'ethereum', address: other }), replaceAddressBook([])]);
    expect(await loadAddressBook()).toEqual([]);
  });

  test('refuses an entry that is not a valid address, with the reason, and keeps the book as it was', async () => {
    await saveToAddressBook({ label: 'Ledger', network: 'ethereum', address: WALLET });
    await expect(saveToAddressBook({ label: 'Typo', network: 'ethereum', address: '0x1234' })).rejects.toThrow(/"code":"bad-length"/);
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Ledger']);
  });

  test("refuses, in the book's own turn, an address that copies the ends of one saved since (another tab saved it first)", async () => {
    const lookalike = getAddress(`0x5aae${'7'.repeat(32)}eaed`);
    await saveToAddressBook({ label: 'Copy', network: 'ethereum', address: lookalike });
    await expect(saveToAddressBook({ label: 'Mine', network: 'ethereum', address: WALLET })).rejects.toBeInstanceOf(LookalikeRefused);
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Copy']);
  });

  test('a removal storage refuses rejects, so the guide keeps the entry shown and says so, and the book keeps it', async () => {
    await saveToAddressBook({ label: 'Ledger', network: 'ethereum', address: WALLET });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(removeFromAddressBook({ network: 'ethereum', address: WALLET })).rejects.toThrow('QUOTA_BYTES');
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Ledger']);
  });

  test('a stored book with damaged entries keeps the good ones', async () => {
    await fakeBrowser.storage.local.set({
      addressBook: [
        { label: 'Good', network: 'ethereum', address: WALLET, addedAt: '2026-11-25T10:00:00Z' },
        { label: 'Bad', network: 'mars', address: 'x', addedAt: 'now' },
      ],
    });
    expect((await loadAddressBook()).map((entry) => entry.label)).toEqual(['Good']);
  });
});
