import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import { applyGuideAction, createGuideState } from '@/lib/custody/steps';
import { removeFromAddressBook } from '@/utils/guide-state';
import { startGuidePage } from './app';

// The guide page as `startGuidePage` draws it, into linkedom against WXT's in-memory browser. What ./main.tsx adds (the root
// element, reading `location.search`) only the e2e tests meet.
effectsOnNextTask();

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

function guideWithAddress(exchangeId: string, asset: string) {
  const state = applyGuideAction(createGuideState(new Date('2026-11-25T10:00:00Z')), { type: 'set-route', exchangeId, asset, network: 'ethereum' });
  return applyGuideAction(state, { type: 'set-address', address: WALLET.toLowerCase() });
}

describe('the guide page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  test("opened from OKX's page: OKX's own guide, whose steps are saved under OKX's key and the guide last worked on alone", async () => {
    const binance = guideWithAddress('binance', 'ETH');
    await fakeBrowser.storage.local.set({ guideState: binance, 'guide:binance': binance });
    const { window, root, $ } = page();
    await startGuidePage(root, '?exchange=okx');
    await settle();
    // A fresh guide for OKX: Binance's answers stay Binance's.
    expect($('step-route')).not.toBeNull();
    expect($('progress-text')?.textContent).toBe('0 of 6 steps done');

    const network = $('route-network') as HTMLSelectElement;
    // linkedom's select has no value setter: choose the option itself.
    for (const option of network.querySelectorAll('option')) option.toggleAttribute('selected', option.value === 'ethereum');
    network.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    const asset = $('route-asset') as HTMLInputElement;
    asset.value = 'USDT';
    asset.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();

    const stored = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(stored).sort()).toEqual(['guide:binance', 'guide:okx', 'guideState']);
    expect(stored['guide:okx']).toMatchObject({ exchangeId: 'okx', network: 'ethereum', asset: 'USDT', address: null });
    expect(stored.guideState).toEqual(stored['guide:okx']);
    expect(stored['guide:binance']).toEqual(binance);
    render(null, root);
  });

  test('a guide an older version saved in its one map of guides opens where it was left', async () => {
    const okx = guideWithAddress('okx', 'USDT');
    await fakeBrowser.storage.local.set({ guides: { okx } });
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=okx');
    await settle();
    // Its route and address kept: the wallet is the step to do.
    expect($('step-wallet')).not.toBeNull();
    expect($('progress-text')?.textContent).toBe('1 of 6 steps done');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'guide:okx': okx });
    render(null, root);
  });

  /** A Binance guide whose address was checked and saved, with the book holding that address. */
  async function storeSavedToBook() {
    const withAddress = guideWithAddress('binance', 'ETH');
    const saved = applyGuideAction(applyGuideAction(withAddress, { type: 'verify-on-device', verified: true }), { type: 'address-book', outcome: 'saved' });
    await fakeBrowser.storage.local.set({
      guideState: saved,
      'guide:binance': saved,
      addressBook: [{ label: 'Ledger', network: 'ethereum', address: WALLET, addedAt: '2026-11-25T10:01:00Z' }],
    });
  }

  test('the address book changed in another tab or the options page: the guide follows it, and the saved address removed there is no longer saved here', async () => {
    await storeSavedToBook();
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    // Route, address and address book done.
    expect($('progress-text')?.textContent).toBe('3 of 6 steps done');
    // Another page takes the entry out of the book.
    await removeFromAddressBook({ network: 'ethereum', address: WALLET });
    await settle();
    await settle();
    expect($('progress-text')?.textContent).toBe('2 of 6 steps done');
    expect($('goto-address-book')?.textContent).toContain('not done');
    render(null, root);
  });

  test('the book changed elsewhere while the page was still loading: the guide holds the book as it is now, not as first read', async () => {
    await storeSavedToBook();
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=binance');
    // Drawn from the first read; the page's own effects have not run yet when another page takes the entry out.
    await removeFromAddressBook({ network: 'ethereum', address: WALLET });
    await settle();
    await settle();
    expect($('progress-text')?.textContent).toBe('2 of 6 steps done');
    expect($('goto-address-book')?.textContent).toContain('not done');
    render(null, root);
  });

  test('saved here, then taken out of the book elsewhere: the step no longer says it is saved', async () => {
    const withAddress = applyGuideAction(guideWithAddress('binance', 'ETH'), { type: 'verify-on-device', verified: true });
    await fakeBrowser.storage.local.set({ guideState: withAddress, 'guide:binance': withAddress });
    const { window, root, $, press } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    press('goto-address-book');
    await settle();
    const label = $('book-label') as HTMLInputElement;
    label.value = 'Ledger';
    label.dispatchEvent(new window.Event('input', { bubbles: true }));
    await settle();
    ($('book-save') as HTMLElement).closest('form')?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    await settle();
    expect($('book-status')?.textContent).toBe('Saved to your address book.');
    expect($('progress-text')?.textContent).toBe('3 of 6 steps done');
    await removeFromAddressBook({ network: 'ethereum', address: WALLET });
    await settle();
    await settle();
    expect($('progress-text')?.textContent).toBe('2 of 6 steps done');
    expect($('book-empty')).not.toBeNull();
    expect($('book-status')?.textContent).toBe('');
    render(null, root);
  });

  test.each([
    ['nothing', undefined],
    ['an object', { error: 'not routed' }],
  ])('the background answering %s for the alerts: the guide still opens, with no alert', async (_what, answer) => {
    fakeBrowser.runtime.onMessage.addListener((message: { type?: string }) => (message.type === 'run-alerts' ? Promise.resolve(answer) : undefined));
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    await settle();
    expect($('step-route')).not.toBeNull();
    expect($('run-alert')).toBeNull();
    render(null, root);
  });
});
