import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateKeyToAccount } from 'viem/accounts';
import background from './index';
import { resetData } from './data';
import { signWarningList } from '@/lib/community/sign-warning-list';
import type { WarningList } from '@/lib/community/warning-list';
import { translateFrom } from '@/utils/i18n';
import { readTabState } from '@/utils/tab-states';
import english from '@/public/_locales/en/messages.json';

/**
 * A subscription added or removed in the options page reaches what the user sees at once: the
 * run alert a `danger` entry raises, and the open exchange tabs (their badge, stored state, and
 * our script, told to ask again), as the scheduled refresh does.
 */

const getMessage = (key: string, substitutions?: string | string[]) => translateFrom(english)(key as keyof typeof english, substitutions);
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` });
const pageOf = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url });
/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const LIST_URL = 'https://lists.example.org/radar.json';
const BINANCE_TAB = 21;
const BINANCE = 'https://www.binance.com/en/trade/BTC_USDT';

const list: WarningList = {
  name: 'Test list',
  sequence: 1,
  issued: '2026-01-01T00:00:00Z',
  expires: '2099-01-01T00:00:00Z',
  entries: [
    { exchange: 'binance', severity: 'danger', title: 'Withdrawals halted', body: 'Body.', sources: ['https://example.org/'], published: '2026-01-01T00:00:00Z', expires: '2099-01-01T00:00:00Z' },
  ],
};

describe('subscribing and unsubscribing reach the run alert and the open exchange tabs', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetData();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
    const body = JSON.stringify((await signWarningList({ list, privateKey: KEY })).envelope);
    // The list host; every other host is unreachable.
    vi.stubGlobal('fetch', async (input: string) =>
      input === LIST_URL ? new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }) : Promise.reject(new TypeError('no network in tests')),
    );
    background.main();
  });
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
