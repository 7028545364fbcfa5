import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { resetData } from './data';
import { RUN_NOTIFICATION_PREFIX, runAlertViews, snoozeRunAlert, updateRunAlerts } from './run-alerts';
import { translateFrom } from '@/utils/i18n';
import english from '@/public/_locales/en/messages.json';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import type { TabState } from '@/lib/view/exchange-view';

const getMessage = (key: string, substitutions?: string | string[]) => translateFrom(english)(key as keyof typeof english, substitutions);
// The handlers read the clock themselves, so the reading is dated now: it is fresh for them too.
const NOW = new Date();
const CEXS = 'https://api.llama.fi/cexs';
/** When DefiLlama's reading was taken: 37 minutes before the handlers run, to the minute, so the notification's moment cannot be the clock's. */
const READ_AT = new Date(Math.floor((NOW.getTime() - 37 * 60_000) / 60_000) * 60_000);
// As the pages write a time: the reader's locale and time zone, no zone named.
const READ_AT_WORDS = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(READ_AT);
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` });
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;

/** A live /cexs reading for Binance in which a fifth of its assets left in a day. */
async function runOnBinance(): Promise<void> {
  const base = bundledSnapshot();
  const observedAt = READ_AT.toISOString();
  const binance = base.exchanges.binance!;
  const snapshot = {
    ...base,
    exchanges: {
      ...base.exchanges,
      binance: {
        ...binance,
        onchain: { ...binance.onchain!, totalUsd: 80e9, cleanUsd: 70e9, asOf: observedAt.slice(0, 10), observedAt, source: CEXS },
        flows: { net24hUsd: -20e9, net7dUsd: -20e9, net30dUsd: -20e9, asOf: observedAt.slice(0, 10), observedAt, source: CEXS },
      },
    },
  };
  await fakeBrowser.storage.local.set({ heldSnapshot: snapshot });
}

const holdingOn = (custodian: string) => ({ holdings: [{ id: 'a', kind: 'asset', custodian, asset: 'ETH', amount: 2, updatedAt: NOW.getTime() }], addresses: [], history: [] });
const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('run alerts in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await resetData();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(getMessage as typeof fakeBrowser.i18n.getMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0', manifest_version: 3, name: 'Reserve Radar' });
    background.main();
    await runOnBinance();
  });

  test('a run on an exchange with recorded holdings: one notification per episode, the badge red everywhere', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    expect(await notifications()).toEqual([`${RUN_NOTIFICATION_PREFIX}binance`]);
    expect(created).toHaveBeenCalledWith(
      `${RUN_NOTIFICATION_PREFIX}binance`,
      expect.objectContaining({
        title: 'Money is leaving Binance fast',
        // The figures name their source and the moment they describe: the notification has no link, and stays.
        message: `$20.00B left in the last 24 hours: 20.0% of the $100.00B it held (an alert from 15%). Figures from api.llama.fi, as of ${READ_AT_WORDS}. Click to open the withdrawal guide.`,
      }),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    // The next hour, same episode: nothing new.
    await fakeBrowser.notifications.clear(`${RUN_NOTIFICATION_PREFIX}binance`);
    await updateRunAlerts(new Date(NOW.getTime() + 3_600_000));
    expect(await notifications()).toEqual([]);
    // One click on the notification opens the withdrawal guide for Binance.
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`${RUN_NOTIFICATION_PREFIX}binance`);
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/guide\.html\?exchange=binance$/) }));
  });

  test('a notification that fails is logged and tried again next hour; the episode is still saved and the badge still turns red', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const created = vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('notifications unavailable'));
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    expect(created).toHaveBeenCalledTimes(1);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('notification'), expect.any(Error));
    const { runAlerts } = (await fakeBrowser.storage.local.get('runAlerts')) as { runAlerts?: Record<string, { phase: string; notifiedAt?: string }> };
    expect(runAlerts?.binance).toMatchObject({ phase: 'alert', startedAt: NOW.toISOString() });
    expect(runAlerts?.binance?.notifiedAt).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    // The next hour it goes out, once.
    await updateRunAlerts(new Date(NOW.getTime() + 3_600_000));
    expect(created).toHaveBeenCalledTimes(2);
    expect(await notifications()).toEqual([`${RUN_NOTIFICATION_PREFIX}binance`]);
  });

  test("no notification without holdings there, without the setting, or without the permission; the exchange's own tab still turns red", async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('kraken') });
    await updateRunAlerts(NOW);
    expect(await notifications()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const state = (await send({ type: 'check-url', url: 'https://www.binance.com/en' }, self())) as TabState;
    expect(state.kind === 'exchange' && state.view.runAlert).toMatchObject({ phase: 'alert', active: true, level: 'alert' });

    await fakeBrowser.storage.local.set({ holdings: holdingOn('binance'), settings: { runAlertNotifications: false } });
    await updateRunAlerts(NOW);
    expect(await notifications()).toEqual([]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true } });
    await updateRunAlerts(NOW);
    expect(await notifications()).toEqual([]);
  });

  test('"Snooze this exchange\'s alerts for a week" is one request from the popup, and silences the badge', async () => {
    await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    await snoozeRunAlert('binance', NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const [view] = await runAlertViews(NOW);
    expect(view).toMatchObject({ exchangeId: 'binance', phase: 'alert', active: false, snoozedUntil: new Date(NOW.getTime() + 7 * 86_400_000).toISOString() });
  });

  test("the exchange's own page cannot snooze its alert; the popup can", async () => {
    const page = { id: fakeBrowser.runtime.id, tab: { id: 21, url: 'https://www.binance.com/' }, url: 'https://www.binance.com/' };
    expect(await send({ type: 'run-snooze', exchangeId: 'binance' }, page)).toBeUndefined();
    expect(await send({ type: 'run-alerts' }, page)).toBeUndefined();
    await updateRunAlerts(NOW);
    const views = (await send({ type: 'run-snooze', exchangeId: 'binance' }, self())) as { exchangeId: string; active: boolean }[];
    expect(views.find((view) => view.exchangeId === 'binance')?.active).toBe(false);
  });
});
