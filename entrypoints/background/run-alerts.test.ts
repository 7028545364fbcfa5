import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { freshBackground } from './background.testkit';
import { resetData, runAlertsItem } from './data';
import { RUN_NOTIFICATION_PREFIX, forgetRunStates, recheckRunNotifications, runAlertViews, runSnoozeViews, snoozeRunAlert, startRunAlerts, updateRunAlerts } from './run-alerts';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signWarningList } from '@/lib/community/sign-warning-list';
import { inProcessChainWork } from '@/lib/chain-work/in-process';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import type { TabState } from '@/lib/view/exchange-view';
import { RUN_STATES_KEY } from '@/utils/run-states-watch';

// The handlers read the clock themselves, so the reading is dated now: it is fresh for them too.
const NOW = new Date();
const CEXS = 'https://api.llama.fi/cexs';
/** When DefiLlama's reading was taken: 37 minutes before the handlers run, to the minute, so the notification's moment cannot be the clock's. */
const READ_AT = new Date(Math.floor((NOW.getTime() - 37 * 60_000) / 60_000) * 60_000);
// As the pages write a time: the reader's locale and time zone, no zone named.
const READ_AT_WORDS = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(READ_AT);
const self = () => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` });
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;

/** A live /cexs reading for Binance in which `net24hUsd` of the $100B it held a day ago left. */
async function runOnBinance(net24hUsd = -20e9): Promise<void> {
  const base = bundledSnapshot();
  const observedAt = READ_AT.toISOString();
  const binance = base.exchanges.binance!;
  const snapshot = {
    ...base,
    exchanges: {
      ...base.exchanges,
      binance: {
        ...binance,
        onchain: { ...binance.onchain!, totalUsd: 100e9 + net24hUsd, cleanUsd: 70e9, asOf: observedAt.slice(0, 10), observedAt, source: CEXS },
        flows: { net24hUsd, net7dUsd: net24hUsd, net30dUsd: net24hUsd, asOf: observedAt.slice(0, 10), observedAt, source: CEXS },
      },
    },
  };
  await fakeBrowser.storage.local.set({ heldSnapshot: snapshot });
}

/** A verified subscription whose list has a `danger` entry about Kraken, as a check stored it. */
async function listWarningKraken(): Promise<void> {
  const key = generatePrivateKey();
  const created = await inProcessChainWork.createSubscription({ url: 'https://lists.example.org/warnings.json', expectedSigner: privateKeyToAccount(key).address });
  if (!created.ok) throw new Error(created.code);
  const day = 86_400_000;
  // Warning lists write their moments to the second.
  const moment = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const list = {
    name: 'Example watch',
    sequence: 1,
    issued: moment(NOW.getTime() - 2 * day),
    expires: moment(NOW.getTime() + 30 * day),
    entries: [
      {
        exchange: 'kraken',
        severity: 'danger' as const,
        title: 'Withdrawals halted',
        body: 'Body.',
        sources: ['https://status.example.com/incident/1'],
        published: '2026-01-05T00:00:00Z',
        expires: moment(NOW.getTime() + 30 * day),
      },
    ],
  };
  const body = JSON.stringify((await signWarningList({ list, privateKey: key })).envelope);
  const state = await inProcessChainWork.checkSubscription({ state: created.subscription, fetched: { ok: true, body }, now: NOW.getTime() });
  await fakeBrowser.storage.local.set({ warningSubscriptions: [state] });
}

/** A new reading replaces the held one; the run states stay. */
async function newReading(net24hUsd: number): Promise<void> {
  const { runAlerts } = await fakeBrowser.storage.local.get('runAlerts');
  await resetData();
  await fakeBrowser.storage.local.set({ runAlerts });
  await runOnBinance(net24hUsd);
}

const holdingOn = (custodian: string) => ({ holdings: [{ id: 'a', kind: 'asset', custodian, asset: 'ETH', amount: 2, updatedAt: NOW.getTime() }], addresses: [], history: [] });
const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());

describe('run alerts in the background', () => {
  beforeEach(async () => {
    await freshBackground();
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
        message: `Click for the withdrawal guide. $20B left in 24 hours (20% of its assets). Figures from api.llama.fi, as of ${READ_AT_WORDS}.`,
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

  test('a notification that keeps failing is tried a few times per episode and logged once, not every hour for days', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const created = vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValue(new Error('Unable to download all specified images.'));
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('binance') });
    for (let hour = 0; hour < 5; hour++) await updateRunAlerts(new Date(NOW.getTime() + hour * 3_600_000));
    // A change of holdings or settings asks again: no more tries either.
    await recheckRunNotifications(new Date(NOW.getTime() + 5 * 3_600_000));
    expect(created).toHaveBeenCalledTimes(3);
    expect(warned.mock.calls.filter(([text]) => String(text).includes('run notification'))).toHaveLength(1);
    const { runAlerts } = (await fakeBrowser.storage.local.get('runAlerts')) as { runAlerts?: Record<string, { phase: string; startedAt?: string; notifiedAt?: string }> };
    expect(runAlerts?.binance).toMatchObject({ phase: 'alert', startedAt: NOW.toISOString() });
    expect(runAlerts?.binance?.notifiedAt).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  test('an alert a warning list raised is worded by the list, with its source and date, and ends as soon as the entry is gone', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await listWarningKraken();
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('kraken') });
    await updateRunAlerts(NOW);
    expect(created).toHaveBeenCalledWith(
      `${RUN_NOTIFICATION_PREFIX}kraken`,
      expect.objectContaining({
        title: 'A warning list flags Kraken',
        message: 'Click for the withdrawal guide. Warning list “Example watch”: Withdrawals halted (listed since Jan 5, 2026; source: status.example.com).',
      }),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Reserve Radar: Alert: a warning list flags Kraken');
    // The list no longer has the entry: the alert ends at once, not a day later saying the flows calmed.
    await fakeBrowser.storage.local.set({ warningSubscriptions: [] });
    await updateRunAlerts(new Date(NOW.getTime() + 3_600_000));
    const { runAlerts } = (await fakeBrowser.storage.local.get('runAlerts')) as { runAlerts?: Record<string, { phase: string }> };
    expect(runAlerts?.kraken?.phase).toBe('calm');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await runAlertViews(new Date(NOW.getTime() + 3_600_000))).map((view) => view.exchangeId)).not.toContain('kraken');
  });

  test('an hour in which the warning lists cannot be checked keeps a list alert as it is: no end, no second notification, the same "since"', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await listWarningKraken();
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true }, holdings: holdingOn('kraken') });
    await updateRunAlerts(NOW);
    expect(created).toHaveBeenCalledTimes(1);
    const hour = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
    // The hourly check wrote the subscriptions again (a new lastCheck), so their signatures are checked
    // again; in Chrome the offscreen document that does it fails this hour.
    const unreadable = vi.spyOn(inProcessChainWork, 'parseStoredSubscriptions').mockRejectedValue(new Error('no offscreen document'));
    const { warningSubscriptions } = (await fakeBrowser.storage.local.get('warningSubscriptions')) as { warningSubscriptions: { lastCheck: string }[] };
    await fakeBrowser.storage.local.set({ warningSubscriptions: warningSubscriptions.map((state) => ({ ...state, lastCheck: hour(1).toISOString() })) });
    await updateRunAlerts(hour(1));
    const stored = async () => ((await fakeBrowser.storage.local.get('runAlerts')) as { runAlerts?: Record<string, { phase: string; startedAt?: string }> }).runAlerts?.kraken;
    expect(await stored()).toMatchObject({ phase: 'alert', startedAt: NOW.toISOString() });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    const kraken = (await runAlertViews(hour(1))).find((view) => view.exchangeId === 'kraken');
    expect(kraken).toMatchObject({ active: true, cause: 'warning-list', settling: 'lists-unread', startedAt: NOW.toISOString() });
    // The next hour the lists read again, the entry still there: the same episode, told once.
    unreadable.mockRestore();
    await updateRunAlerts(hour(2));
    expect(await stored()).toMatchObject({ phase: 'alert', startedAt: NOW.toISOString() });
    expect(created).toHaveBeenCalledTimes(1);
  });

  test('notifications turned on while an episode settles: nothing goes out until a reason is at alert again, then with its figures', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    await newReading(-0.5e9);
    await updateRunAlerts(NOW);
    await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true } });
    await recheckRunNotifications(NOW);
    expect(created).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    await newReading(-20e9);
    await updateRunAlerts(NOW);
    expect(created).toHaveBeenCalledTimes(1);
    expect(created.mock.calls[0]?.[1]).toMatchObject({ title: 'Money is leaving Binance fast', message: expect.stringContaining('Figures from api.llama.fi') });
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

  test('a run-alert snooze is listed for the options page and can be undone from there or the popup: the badge and the alert come back', async () => {
    await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    await send({ type: 'run-snooze', exchangeId: 'binance' }, self());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const until = new Date(Date.now() + 7 * 86_400_000).getTime();
    const listed = (await send({ type: 'run-snoozes' }, self())) as { exchangeId: string; name: string; snoozedUntil: string }[];
    expect(listed.map(({ exchangeId, name }) => ({ exchangeId, name }))).toEqual([{ exchangeId: 'binance', name: 'Binance' }]);
    expect(Math.abs(Date.parse(listed[0]?.snoozedUntil ?? '') - until)).toBeLessThan(60_000);
    // The exchange's own page can neither list nor lift the snooze.
    const page = { id: fakeBrowser.runtime.id, tab: { id: 21, url: 'https://www.binance.com/' }, url: 'https://www.binance.com/' };
    expect(await send({ type: 'run-unsnooze', exchangeId: 'binance' }, page)).toBeUndefined();
    expect(await send({ type: 'run-snoozes' }, page)).toBeUndefined();
    const views = (await send({ type: 'run-unsnooze', exchangeId: 'binance' }, self())) as { exchangeId: string; active: boolean; snoozedUntil?: string }[];
    expect(views.find((view) => view.exchangeId === 'binance')).toMatchObject({ active: true });
    expect(views.find((view) => view.exchangeId === 'binance')?.snoozedUntil).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await send({ type: 'run-snoozes' }, self())).toEqual([]);
  });

  describe('a snooze lifted before the episode notified', () => {
    /** Binance's episode on, snoozed as `snooze` says, while notifications were off; then they are turned on. */
    async function snoozedUnnotified(snooze: () => Promise<unknown>): Promise<void> {
      vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
      await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
      await snooze();
      await fakeBrowser.storage.local.set({ settings: { runAlertNotifications: true } });
      await recheckRunNotifications(NOW);
      expect(await notifications()).toEqual([]);
    }

    test('an alert the user snoozed from the popup is not notified late when the snooze is lifted, from the options page or the popup, nor the hours after', async () => {
      for (const from of [{}, { shown: true }]) {
        await freshBackground();
        background.main();
        await runOnBinance();
        await snoozedUnnotified(async () => {
          await updateRunAlerts(NOW);
          await send({ type: 'run-snooze', exchangeId: 'binance' }, self());
        });
        await send({ type: 'run-unsnooze', exchangeId: 'binance', ...from }, self());
        expect(await fakeBrowser.action.getBadgeText({}), JSON.stringify(from)).toBe('!');
        await updateRunAlerts(new Date(NOW.getTime() + 3_600_000));
        expect(await notifications(), JSON.stringify(from)).toEqual([]);
      }
    });

    test('an episode that began while snoozed is notified when the options page lifts the snooze (never seen), not when the popup, which shows it, does', async () => {
      await snoozedUnnotified(async () => {
        await snoozeRunAlert('binance', NOW);
        await updateRunAlerts(NOW);
      });
      await send({ type: 'run-unsnooze', exchangeId: 'binance', shown: true }, self());
      expect(await notifications()).toEqual([]);

      await freshBackground();
      background.main();
      await runOnBinance();
      await snoozedUnnotified(async () => {
        await snoozeRunAlert('binance', NOW);
        await updateRunAlerts(NOW);
      });
      await send({ type: 'run-unsnooze', exchangeId: 'binance' }, self());
      expect(await notifications()).toEqual([`${RUN_NOTIFICATION_PREFIX}binance`]);
    });
  });

  test('the popup and the options page follow the key the run watch writes: a snooze or a lift made elsewhere shows there', () => {
    expect(runAlertsItem.key).toBe(RUN_STATES_KEY);
  });

  test('a snooze that has run out is not listed, and the next update of the alerts takes its end out of storage', async () => {
    await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
    await updateRunAlerts(NOW);
    await snoozeRunAlert('binance', NOW);
    // Kraken is calm: its snoozed state holds nothing but the snooze.
    await snoozeRunAlert('kraken', NOW);
    const day = 86_400_000;
    expect((await runSnoozeViews(new Date(NOW.getTime() + 6 * day))).map((view) => view.exchangeId)).toEqual(['binance', 'kraken']);
    expect(await fakeBrowser.storage.local.get('runAlerts')).toMatchObject({ runAlerts: { binance: { snoozedUntil: new Date(NOW.getTime() + 7 * day).toISOString() } } });
    expect(await runSnoozeViews(new Date(NOW.getTime() + 8 * day))).toEqual([]);
    await updateRunAlerts(new Date(NOW.getTime() + 8 * day));
    const { runAlerts } = (await fakeBrowser.storage.local.get('runAlerts')) as { runAlerts: Record<string, unknown> };
    expect(JSON.stringify(runAlerts)).not.toContain('snoozedUntil');
    // Binance's episode stays; Kraken's state, bare calm without its snooze, is the default and leaves storage.
    expect(Object.keys(runAlerts)).toEqual(['binance']);
  });

  describe('when the storage change event comes late', () => {
    /** The run watch restarted with its change events held back: each is delivered only when the test says. */
    function lateEvents(): ((value: unknown) => void)[] {
      const listeners: ((value: unknown) => void)[] = [];
      vi.spyOn(runAlertsItem, 'watch').mockImplementation((callback) => {
        listeners.push((value) => callback(value, undefined));
        return () => undefined;
      });
      startRunAlerts();
      return listeners;
    }
    const stored = async () => (await fakeBrowser.storage.local.get('runAlerts')).runAlerts as unknown;

    test('"Reset data" forgets the states: the re-check that follows writes none back, and no view shows the alert', async () => {
      lateEvents();
      await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
      await updateRunAlerts(NOW);
      expect(await stored()).toMatchObject({ binance: { phase: 'alert' } });
      // The handler re-checks the run alerts itself right after the reset.
      await send({ type: 'reset-data' }, self());
      expect(await stored()).toBeUndefined();
      expect(await runAlertViews(NOW)).toEqual([]);
    });

    test('"Delete everything" forgets the states: no view shows the alert, and a re-check right after writes none back', async () => {
      lateEvents();
      await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
      await updateRunAlerts(NOW);
      await send({ type: 'delete-all-data' }, self());
      expect(await runAlertViews(NOW)).toEqual([]);
      await recheckRunNotifications(NOW);
      expect(await stored()).toBeUndefined();
    });

    test('the states forgotten are forgotten by the views at once, before anything reads storage again', async () => {
      lateEvents();
      await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
      await updateRunAlerts(NOW);
      expect(await runAlertViews(NOW)).toMatchObject([{ exchangeId: 'binance', phase: 'alert' }]);
      await forgetRunStates();
      expect(await runAlertViews(NOW)).toEqual([]);
    });

    test('a snooze stays when the event of the write before it arrives after it', async () => {
      const listeners = lateEvents();
      await fakeBrowser.storage.local.set({ holdings: holdingOn('binance') });
      await updateRunAlerts(NOW);
      const before = await stored();
      await snoozeRunAlert('binance', NOW);
      // The change event of the update's write, delivered only now.
      for (const listener of listeners) listener(before);
      await updateRunAlerts(new Date(NOW.getTime() + 60_000));
      expect(await stored()).toMatchObject({ binance: { snoozedUntil: new Date(NOW.getTime() + 7 * 86_400_000).toISOString() } });
    });
  });
});
