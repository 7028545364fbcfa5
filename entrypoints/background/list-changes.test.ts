import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateKeyToAccount } from 'viem/accounts';
import background from './index';
import { freshBackground } from './background.testkit';
import { readTabState } from '@/utils/tab-states';
import { binanceDangerList, serveListHosts, servedList } from './warning-lists.testkit';

/**
 * A subscription added or removed in the options page reaches what the user sees at once: the
 * run alert a `danger` entry raises, and the open exchange tabs (their badge, stored state, and
 * our script, told to ask again), as the scheduled refresh does.
 */

const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
const pageOf = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url });
/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const LIST_URL = 'https://lists.example.org/radar.json';
const BINANCE_TAB = 21;
const BINANCE = 'https://www.binance.com/en/trade/BTC_USDT';

const list = binanceDangerList({ sequence: 1, title: 'Withdrawals halted', issued: '2026-01-01T00:00:00Z' });

/** A fresh background with the list served at its host (every other host unreachable) and that host's access granted, as the options page asked for it when the user subscribed. */
async function listServedAndBackgroundStarted(): Promise<void> {
  await freshBackground();
  const served = await servedList(list, KEY);
  await serveListHosts(['https://lists.example.org/*'], (url) => (url === LIST_URL ? served() : Promise.reject(new TypeError('no network in tests'))));
  background.main();
}

describe('subscribing and unsubscribing reach the run alert and the open exchange tabs', () => {
  beforeEach(listServedAndBackgroundStarted);
  afterEach(() => vi.unstubAllGlobals());

  test('a danger entry turns the open tab red and tells its script at once; unsubscribing calms it again', async () => {
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await send({ type: 'page-state' }, pageOf(BINANCE_TAB, BINANCE));
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toMatch(/^[A-F]\??$/));
    told.mockClear();

    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: BINANCE_TAB })).toBe('!');
    const stored = await readTabState(BINANCE_TAB);
    expect(stored?.kind === 'exchange' && stored.view.warnings.map((warning) => warning.title)).toEqual(['Withdrawals halted']);
    expect(stored?.kind === 'exchange' && stored.view.runAlert?.active).toBe(true);
    expect(told).toHaveBeenCalledWith(BINANCE_TAB, { type: 'view-changed' });

    told.mockClear();
    await send({ type: 'unsubscribe', url: LIST_URL }, self());
    const after = await readTabState(BINANCE_TAB);
    expect(after?.kind === 'exchange' && after.view.warnings).toEqual([]);
    expect(told).toHaveBeenCalledWith(BINANCE_TAB, { type: 'view-changed' });
  });
});

describe('a subscribe or an unsubscribe that is done', () => {
  beforeEach(listServedAndBackgroundStarted);
  afterEach(() => vi.unstubAllGlobals());

  test('is answered as done when telling the tabs about it fails afterwards (logged)', async () => {
    // The open tabs' held states cannot be read: what follows the change fails, the change itself is made.
    const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(((keys?: unknown) =>
      keys == null ? Promise.reject(new Error('session storage broke')) : read(keys as Parameters<typeof read>[0])) as typeof read);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    expect(await send({ type: 'unsubscribe', url: LIST_URL }, self())).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('warning lists changed'), expect.any(Error));
  });
});

describe('an update that finds warning lists it may not read', () => {
  beforeEach(listServedAndBackgroundStarted);
  afterEach(() => vi.unstubAllGlobals());

  const listsTabs = () => fakeBrowser.tabs.query({ url: `chrome-extension://${fakeBrowser.runtime.id}/options.html#lists-title` });
  const update = () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' } as Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0]);

  test('opens the options at the lists once, in front: a page, not a prompt', async () => {
    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    // A subscriber from before each list was read with its host's access.
    await fakeBrowser.permissions.remove({ origins: ['https://lists.example.org/*'] });
    await update();
    expect(await listsTabs()).toHaveLength(1);
    expect((await listsTabs())[0]?.active).toBe(true);
    await update();
    expect(await listsTabs()).toHaveLength(1);
  });

  test('a fresh install never opens it at a later update: it is for lists subscribed before this version', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as Parameters<typeof fakeBrowser.runtime.onInstalled.trigger>[0]);
    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    // Taken away later (Chrome: site access restricted, or lookalike protection turned off).
    await fakeBrowser.permissions.remove({ origins: ['https://lists.example.org/*'] });
    await update();
    expect(await listsTabs()).toEqual([]);
  });

  test('a tab the browser could not open (no window yet) is opened at the next update', async () => {
    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    await fakeBrowser.permissions.remove({ origins: ['https://lists.example.org/*'] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.tabs, 'create').mockRejectedValueOnce(new Error('No current window'));
    await update();
    expect(await listsTabs()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not looked at'), expect.any(Error));
    await update();
    expect(await listsTabs()).toHaveLength(1);
  });

  test('opens nothing when every list is read, and not at a later update either', async () => {
    expect(await send({ type: 'subscribe', url: LIST_URL, signer: privateKeyToAccount(KEY).address }, self())).toEqual({ ok: true });
    await update();
    await fakeBrowser.permissions.remove({ origins: ['https://lists.example.org/*'] });
    await update();
    expect(await listsTabs()).toEqual([]);
  });
});
