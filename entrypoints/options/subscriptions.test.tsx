import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SubscriptionRow } from '@/components/Options';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { t } from '@/components/options/warning-lists.testkit';
import { WarningLists } from '@/components/options/WarningLists';
import { I18nContext } from '@/utils/i18n';
import { useSubscriptions, type SubscriptionsState } from './subscriptions';

effectsOnNextTask();

const SIGNER = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const URL_A = 'https://lists.example.org/radar.json';
const fine: SubscriptionRow = { url: URL_A, expectedSigner: SIGNER, health: 'ok', message: 'Test list: 1 entry, checked just now.', listName: 'Test list' };
const URL_B = 'https://other-lists.example.net/warnings.json';
const listB: SubscriptionRow = { ...fine, url: URL_B, listName: 'Other list', message: 'Other list: 1 entry, checked just now.' };
const failing: SubscriptionRow = { ...fine, health: 'failing', message: 'The latest check failed.' };
/** What the background stores for a subscription: the hook reads none of it, only that it changed. */
const storedA = (lastCheck: string) => ({ warningSubscriptions: [{ url: URL_A, expectedSigner: SIGNER, lastCheck }] });

/** Draws the hook with `read` and `remove` standing for the background, and its rows in the lists section (in German, from the section's testkit). */
async function drawnWith(read: () => Promise<SubscriptionRow[]>, remove: (url: string) => Promise<SubscriptionRow[]> = () => Promise.resolve([])) {
  fakeBrowser.reset();
  const { root, $ } = page();
  let state: SubscriptionsState | undefined;
  function Probe() {
    state = useSubscriptions(read, remove);
    return (
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <WarningLists
          subscriptions={state.subscriptions}
          failed={state.failed}
          onSubscribe={() => Promise.resolve({ ok: true })}
          onUnsubscribe={state.unsubscribe}
          onAllowAccess={() => Promise.resolve('granted' as const)}
        />
      </I18nContext.Provider>
    );
  }
  render(<Probe />, root);
  await settle();
  return { shown: () => state?.subscriptions, state: () => state, root, $ };
}

/** Draws the hook's rows as the background would answer them, which `answer` changes. */
async function drawn() {
  let answer: SubscriptionRow[] = [];
  const read = vi.fn(() => Promise.resolve(answer));
  return { read, answer: (next: SubscriptionRow[]) => (answer = next), ...(await drawnWith(read)) };
}

/** Reads that answer only when the test says, in the order they were asked. */
function heldReads() {
  const asked: { resolve: (rows: SubscriptionRow[]) => void; reject: (error: Error) => void }[] = [];
  const read = () => new Promise<SubscriptionRow[]>((resolve, reject) => asked.push({ resolve, reject }));
  return { read, asked };
}

test('a list subscribed on another options page while this one is open is listed without a reload', async () => {
  const { shown, answer, root } = await drawn();
  expect(shown()).toEqual([]);
  // The other page's subscribe: the background stores the list, then answers with it.
  answer([fine]);
  await fakeBrowser.storage.local.set(storedA('2026-12-07T10:00:00.000Z'));
  await vi.waitFor(() => expect(shown()).toEqual([fine]));
  render(null, root);
});

test("a list's state changed by a check of the background (fine, then failing) shows, and so does its removal elsewhere", async () => {
  const { shown, answer, root } = await drawn();
  answer([fine]);
  await fakeBrowser.storage.local.set(storedA('2026-12-07T10:00:00.000Z'));
  await vi.waitFor(() => expect(shown()).toEqual([fine]));
  answer([failing]);
  await fakeBrowser.storage.local.set(storedA('2026-12-07T16:00:00.000Z'));
  await vi.waitFor(() => expect(shown()).toEqual([failing]));
  answer([]);
  await fakeBrowser.storage.local.set({ warningSubscriptions: [] });
  await vi.waitFor(() => expect(shown()).toEqual([]));
  render(null, root);
});

test('a change of another stored value asks for no read', async () => {
  const { read, root } = await drawn();
  await fakeBrowser.storage.local.set({ runAlerts: {} });
  await settle();
  expect(read).toHaveBeenCalledTimes(1);
  render(null, root);
});

test('a read that fails after a change keeps the rows shown before and says the failure; the next change that reads clears it', async () => {
  const { shown, state, read, answer, root } = await drawn();
  answer([fine]);
  await state()?.reload();
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  read.mockImplementationOnce(() => Promise.reject(new Error('no background')));
  await fakeBrowser.storage.local.set(storedA('2026-12-07T10:00:00.000Z'));
  await vi.waitFor(() => expect(state()?.failed).toBe(true));
  expect(shown()).toEqual([fine]);
  expect(error).toHaveBeenCalled();
  await fakeBrowser.storage.local.set(storedA('2026-12-07T11:00:00.000Z'));
  await vi.waitFor(() => expect(state()?.failed).toBe(false));
  render(null, root);
});

test('an older read that answers after a newer one does not put a removed list back', async () => {
  const { read, asked } = heldReads();
  const { shown, state, root } = await drawnWith(read);
  // The first read is on its way with the list; an unsubscribe asked after it answers the rows without it first.
  await state()?.unsubscribe(URL_A);
  asked[0]?.resolve([fine]);
  await settle();
  expect(shown()).toEqual([]);
  render(null, root);
});

test("a list subscribed on another page while this page's unsubscribe is on its way shows once the newer read answers, after the unsubscribe", async () => {
  const { read, asked } = heldReads();
  let removed: (rows: SubscriptionRow[]) => void = () => undefined;
  const { shown, state, root } = await drawnWith(read, () => new Promise((resolve) => (removed = resolve)));
  asked[0]?.resolve([fine]);
  await vi.waitFor(() => expect(shown()).toEqual([fine]));
  // This page unsubscribes list A; the background works out the rows without it and answers...
  const unsubscribed = state()?.unsubscribe(URL_A);
  // ... while another page subscribes list B: that change starts a read, asked after the unsubscribe.
  await fakeBrowser.storage.local.set({ warningSubscriptions: [{ url: URL_B, expectedSigner: SIGNER, lastCheck: '2026-12-07T10:00:00.000Z' }] });
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  // The unsubscribe's answer comes first, drawn last; the read asked later holds the newer state and wins.
  removed([]);
  await unsubscribed;
  asked[1]?.resolve([listB]);
  await settle();
  expect(shown()).toEqual([listB]);
  render(null, root);
});

test('a refused unsubscribe passes the refusal on, keeps the rows, says no read failed, and lets a read asked before it still answer', async () => {
  const { read, asked } = heldReads();
  const { shown, state, root } = await drawnWith(read, () => Promise.reject(new Error('no background')));
  asked[0]?.resolve([fine]);
  await vi.waitFor(() => expect(shown()).toEqual([fine]));
  await fakeBrowser.storage.local.set({ warningSubscriptions: [{ url: URL_B, expectedSigner: SIGNER, lastCheck: '2026-12-07T10:00:00.000Z' }] });
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  await expect(state()?.unsubscribe(URL_A)).rejects.toThrow('no background');
  expect(state()?.failed).toBe(false);
  expect(shown()).toEqual([fine]);
  asked[1]?.resolve([fine, listB]);
  await settle();
  expect(shown()).toEqual([fine, listB]);
  render(null, root);
});

test('an older read that fails after a newer one answered does not say the lists could not be read', async () => {
  const { read, asked } = heldReads();
  const { shown, state, root, $ } = await drawnWith(read);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  // The first read is still on its way when a change starts a newer one, which answers first.
  await fakeBrowser.storage.local.set(storedA('2026-12-07T10:00:00.000Z'));
  await vi.waitFor(() => expect(asked).toHaveLength(2));
  asked[1]?.resolve([fine]);
  await vi.waitFor(() => expect(shown()).toEqual([fine]));
  asked[0]?.reject(new Error('no background'));
  await settle();
  expect(error).toHaveBeenCalled();
  expect(state()?.failed).toBe(false);
  expect($('lists-failed')).toBeNull();
  expect(shown()).toEqual([fine]);
  error.mockRestore();
  render(null, root);
});

test('once the options page closes, a later change of the stored subscriptions asks for no further read', async () => {
  const { read, root } = await drawn();
  expect(read).toHaveBeenCalledTimes(1);
  render(null, root);
  await settle();
  await fakeBrowser.storage.local.set(storedA('2026-12-07T10:00:00.000Z'));
  await settle();
  expect(read).toHaveBeenCalledTimes(1);
});
