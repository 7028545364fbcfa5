import { render } from 'preact';
import { getAddress } from 'viem';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { englishMessage } from '@/entrypoints/background/background.testkit';
import { applyGuideAction, createGuideState, seedChecklistIds, type GuideAction } from '@/lib/custody/steps';
import { readChosenAddress } from '@/utils/chosen-address';
import { removeFromAddressBook, saveToAddressBook } from '@/utils/guide-state';
import { startGuidePage } from './app';

// The guide page while the address book gains, on another page, a look-alike of the address the guide goes on with: every step
// that shows the address warns, the exchange page no longer compares with it (it warns of the mark instead), and nothing recorded is lost.
effectsOnNextTask();

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
// The same first and last four characters of the body, another middle.
const LOOKALIKE = getAddress(`0x5aae${'7'.repeat(32)}eaed`);

/** A Binance guide with its wallet and recovery phrase done, its address checked and skipped for the book, and the test sent and arrived. */
function guideAtArrival(upTo = Number.POSITIVE_INFINITY) {
  const steps = [
    { type: 'set-route', exchangeId: 'binance', asset: 'ETH', network: 'ethereum' },
    { type: 'choose-wallet', walletKind: 'hardware' },
    ...seedChecklistIds.map((item) => ({ type: 'check-seed-item', item, checked: true }) as const),
    { type: 'set-address', address: WALLET },
    { type: 'verify-on-device', verified: true },
    { type: 'address-book', outcome: 'skipped' },
    { type: 'test-sent' },
    { type: 'test-arrived' },
  ] satisfies GuideAction[];
  return steps.slice(0, upTo).reduce((state, action) => applyGuideAction(state, action, new Date('2026-12-07T10:00:00Z')), createGuideState(new Date('2026-12-07T10:00:00Z')));
}

describe('a look-alike of the guide address saved on another page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  test('while the guide is on the test step: the alert replaces "send the test to", the exchange page stops comparing, and removing it gives all back', async () => {
    const start = guideAtArrival();
    await fakeBrowser.storage.local.set({ guideState: start, 'guide:binance': start });
    const { root, $, press } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    press('goto-test-transaction');
    await settle();
    expect($('test-send-to')).not.toBeNull();
    expect(await readChosenAddress('binance')).toEqual({ network: 'ethereum', address: WALLET });

    await saveToAddressBook({ label: 'Copy', network: 'ethereum', address: LOOKALIKE });
    await settle();
    await settle();
    expect($('poisoning-alert')?.textContent).toContain('DANGER');
    expect($('test-send-to')).toBeNull();
    expect($('test-sent')).toBeNull();
    expect(await readChosenAddress('binance')).toBe('suspect');
    press('goto-arrival');
    await settle();
    expect($('poisoning-alert')?.textContent).toContain('DANGER');
    expect($('withdrawal-sent')).toBeNull();

    await removeFromAddressBook({ network: 'ethereum', address: LOOKALIKE });
    await settle();
    await settle();
    expect($('poisoning-alert')).toBeNull();
    expect($('withdrawal-sent')).not.toBeNull();
    expect(await readChosenAddress('binance')).toEqual({ network: 'ethereum', address: WALLET });
    const stored = (await fakeBrowser.storage.local.get('guide:binance'))['guide:binance'];
    expect(stored).toMatchObject({ address: WALLET, addressVerifiedOnDevice: true, addressBook: 'skipped', testSentAt: start.testSentAt, testArrivedAt: start.testArrivedAt });
    render(null, root);
  });

  test('opened with the look-alike already in the book: the address step blocks, and nothing recorded is wiped', async () => {
    const start = guideAtArrival();
    await fakeBrowser.storage.local.set({
      guideState: start,
      'guide:binance': start,
      addressBook: [{ label: 'Copy', network: 'ethereum', address: LOOKALIKE, addedAt: '2026-12-07T11:00:00Z' }],
    });
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    await settle();
    expect($('step-address')).not.toBeNull();
    expect($('poisoning-alert')).not.toBeNull();
    const stored = (await fakeBrowser.storage.local.get('guide:binance'))['guide:binance'];
    expect(stored).toMatchObject({ address: WALLET, addressVerifiedOnDevice: true, testSentAt: start.testSentAt, testArrivedAt: start.testArrivedAt });
    expect(await readChosenAddress('binance')).toBe('suspect');
    render(null, root);
  });

  test('the balance watch reads nothing for an address marked as a look-alike, and starts once the look-alike is gone', async () => {
    // Up to the address book skipped, the test not sent: the step that reads the balance before the test.
    const start = guideAtArrival(-2);
    expect(start.testSentAt).toBeNull();
    await fakeBrowser.storage.local.set({
      guideState: start,
      'guide:binance': start,
      settings: { rpcUrl: 'http://127.0.0.1:8545' },
      addressBook: [{ label: 'Copy', network: 'ethereum', address: LOOKALIKE, addedAt: '2026-12-07T11:00:00Z' }],
    });
    // The node the reads would go to, stood in for: every request is kept (a read starts with the block number), each answered with an error.
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: unknown, init?: { body?: unknown }) => {
        asked.push(String(init?.body));
        return new Response(JSON.stringify({ jsonrpc: '2.0', id: 0, error: { code: -32000, message: 'stand-in' } }), { headers: { 'content-type': 'application/json' } });
      }),
    );
    const reads = () => asked.length;
    const { root, $ } = page();
    await startGuidePage(root, '?exchange=binance');
    await settle();
    await settle();
    expect($('poisoning-alert')).not.toBeNull();
    expect(reads()).toBe(0);

    await removeFromAddressBook({ network: 'ethereum', address: LOOKALIKE });
    await vi.waitFor(() => expect(reads()).toBeGreaterThan(0));
    render(null, root);
  });
});
