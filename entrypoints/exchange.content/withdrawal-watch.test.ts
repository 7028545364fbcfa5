import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from './page-context';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { translateFrom, type I18n, type Messages } from '@/utils/i18n';
import { watchWithdrawalFields } from './withdrawal-watch';

// The exchange page's address watch against WXT's in-memory browser, in linkedom; the context's listeners are not
// needed here.
effectsOnNextTask();

const english: I18n = { t: translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages), locale: 'en' };
// EIP-55's own example address, as the guide kept it, and another.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = `0x${'ab'.repeat(20)}`;

const ctx = { isValid: true, onInvalidated: () => undefined, addEventListener: () => undefined } as unknown as PageContext;

describe('the address-mismatch warning after a change of language', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test('with no warning on screen, no words are asked for', async () => {
    vi.stubGlobal('window', page().window);
    const words = vi.fn((): Promise<I18n> => Promise.resolve({ t: () => '', locale: 'de' } as unknown as I18n));
    const reword = await watchWithdrawalFields({ ctx, exchangeId: () => 'binance', words });
    await reword();
    expect(words).not.toHaveBeenCalled();
  });
});

/**
 * The page as the watch sees it: a withdrawal field, the user's own (trusted) input events handed to the watch's
 * listener as the page context would, and a way into the warning's closed shadow root (DevTools' view, as the e2e tests
 * have it). linkedom does no layout: the observers the warning uses to keep off the field are stand-ins.
 */
function withdrawalPage() {
  const { document, window } = parseHTML('<!doctype html><html><body><input id="withdraw-address" type="text"></body></html>');
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('HTMLInputElement', window.HTMLInputElement);
  vi.stubGlobal('HTMLTextAreaElement', window.HTMLTextAreaElement);
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
  const standIn = class {
    observe() {}
    disconnect() {}
  };
  vi.stubGlobal('ResizeObserver', standIn);
  vi.stubGlobal('MutationObserver', standIn);
  const roots: ShadowRoot[] = [];
  const attach = window.HTMLElement.prototype.attachShadow;
  vi.spyOn(window.HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const listeners: ((event: Event) => void)[] = [];
  const pageCtx = {
    isValid: true,
    onInvalidated: () => undefined,
    addEventListener: (_target: unknown, type: string, listener: (event: Event) => void) => {
      if (type === 'input') listeners.push(listener);
    },
  } as unknown as PageContext;
  const field = document.getElementById('withdraw-address') as unknown as HTMLInputElement;
  /** The user types or pastes `value`; `trusted: false` is the page's own script setting it and announcing it. */
  const type = (value: string, trusted = true) => {
    field.value = value;
    for (const listener of listeners) listener({ isTrusted: trusted, composedPath: () => [field] } as unknown as Event);
  };
  const warning = () => {
    const host = document.querySelector('reserve-radar-mismatch');
    const root = roots.find((candidate) => candidate.host === host);
    return root?.querySelector<HTMLElement>('[data-testid="mismatch-warning"]') ?? null;
  };
  /** The user's own click on the warning's dismiss button (the host stops clicks the page's script makes). */
  const dismiss = () => {
    const button = warning()?.querySelector<HTMLElement>('[data-testid="mismatch-dismiss"]');
    const click = new window.Event('click', { bubbles: true, composed: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button?.dispatchEvent(click);
  };
  return { ctx: pageCtx, field, type, warning, dismiss };
}

describe('on the withdrawal page while the guide marks its address a look-alike of a saved one', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const words = () => Promise.resolve(english);

  test('an address the user pastes gets the plain look-alike warning, not silence, with no address in it; the field stays as typed', async () => {
    await fakeBrowser.storage.local.set({ 'guide:binance': { exchangeId: 'binance', network: 'ethereum', address: WALLET, addressSuspect: true } });
    const { ctx: pageCtx, field, type, warning } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    // The page's own script filling the field is never answered (its answer would tell the page about the guide).
    type(OTHER, false);
    await settle();
    expect(warning()).toBeNull();
    for (const pasted of [OTHER, WALLET]) {
      type(pasted);
      await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchSuspect')));
      expect(warning()?.getAttribute('role')).toBe('alert');
      // A short title, then what to do: the withdrawal is not to be confirmed before the guide's address is checked.
      expect(warning()?.querySelector('.mismatch__title')?.textContent).toBe(english.t('mismatchSuspect'));
      expect(warning()?.textContent).toContain(english.t('mismatchSuspectBody'));
      expect(english.t('mismatchSuspectBody')).toContain('Do not confirm this withdrawal');
      expect(warning()?.textContent).not.toContain(english.t('mismatchTitle'));
      expect(warning()?.textContent?.toLowerCase()).not.toMatch(/0x ?5aae|0x ?abab/);
      expect(field.value).toBe(pasted);
    }
  });

  test('the same guide unmarked: the address from the guide gets no warning, another gets the mismatch warning', async () => {
    await fakeBrowser.storage.local.set({ 'guide:binance': { exchangeId: 'binance', network: 'ethereum', address: WALLET } });
    const { ctx: pageCtx, type, warning } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    type(OTHER);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchTitle')));
    expect(warning()?.textContent).not.toContain(english.t('mismatchSuspect'));
    type(WALLET);
    await vi.waitFor(() => expect(warning()).toBeNull());
  });
});

describe('on the withdrawal page when the guide is marked or unmarked while the user is there', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const words = () => Promise.resolve(english);
  const guide = { exchangeId: 'binance', network: 'ethereum', address: WALLET };
  const mark = (addressSuspect: boolean) => fakeBrowser.storage.local.set({ 'guide:binance': addressSuspect ? { ...guide, addressSuspect } : guide });

  test("the guide's own address, pasted with no warning, gets the look-alike warning once the guide is marked, with no retyping", async () => {
    await mark(false);
    const { ctx: pageCtx, field, type, warning } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    type(WALLET);
    await settle();
    expect(warning()).toBeNull();
    await mark(true);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchSuspect')));
    expect(warning()?.textContent?.toLowerCase()).not.toMatch(/0x ?5aae/);
    expect(field.value).toBe(WALLET);
  });

  test("a mismatch warning showing the guide's address gives way to the look-alike warning, with no address, once the guide is marked", async () => {
    await mark(false);
    const { ctx: pageCtx, type, warning } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    type(OTHER);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchTitle')));
    await mark(true);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchSuspect')));
    expect(warning()?.textContent).not.toContain(english.t('mismatchTitle'));
    expect(warning()?.textContent?.toLowerCase()).not.toMatch(/0x ?5aae|0x ?abab/);
  });

  test('the mark cleared: the look-alike warning becomes the mismatch warning for the address in the field, and the guide address is silent again', async () => {
    await mark(true);
    const { ctx: pageCtx, type, warning } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    type(OTHER);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchSuspect')));
    await mark(false);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchTitle')));
    expect(warning()?.textContent).not.toContain(english.t('mismatchSuspect'));
    type(WALLET);
    await vi.waitFor(() => expect(warning()).toBeNull());
  });

  test('a look-alike warning the user dismissed comes back as the mismatch warning once the mark clears: that is news about the address', async () => {
    await mark(true);
    const { ctx: pageCtx, type, warning, dismiss } = withdrawalPage();
    await watchWithdrawalFields({ ctx: pageCtx, exchangeId: () => 'binance', words });
    type(OTHER);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchSuspect')));
    dismiss();
    await vi.waitFor(() => expect(warning()).toBeNull());
    await mark(false);
    await vi.waitFor(() => expect(warning()?.textContent).toContain(english.t('mismatchTitle')));
  });
});
