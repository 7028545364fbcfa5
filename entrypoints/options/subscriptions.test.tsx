import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SubscriptionRow } from '@/components/Options';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { useSubscriptions, type SubscriptionsState } from './subscriptions';

effectsOnNextTask();

const SIGNER = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const URL_A = 'https://lists.example.org/radar.json';
const fine: SubscriptionRow = { url: URL_A, expectedSigner: SIGNER, health: 'ok', message: 'Test list: 1 entry, checked just now.', listName: 'Test list' };
const failing: SubscriptionRow = { ...fine, health: 'failing', message: 'The latest check failed.' };
/** What the background stores for a subscription: the hook reads none of it, only that it changed. */
const storedA = (lastCheck: string) => ({ warningSubscriptions: [{ url: URL_A, expectedSigner: SIGNER, lastCheck }] });

/** Draws the hook's rows as the background would answer them, which `answer` changes. */
async function drawn() {
  fakeBrowser.reset();
  let answer: SubscriptionRow[] = [];
  const read = vi.fn(() => Promise.resolve(answer));
  const { root } = page();
  let state: SubscriptionsState | undefined;
  function Probe() {
    state = useSubscriptions(read);
    return null;
  }
  render(<Probe />, root);
  await settle();
  return { read, shown: () => state?.subscriptions, state: () => state, answer: (next: SubscriptionRow[]) => (answer = next), root };
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
  fakeBrowser.reset();
  const answers: ((rows: SubscriptionRow[]) => void)[] = [];
  const read = () => new Promise<SubscriptionRow[]>((resolve) => answers.push(resolve));
  const { root } = page();
  let state: SubscriptionsState | undefined;
  function Probe() {
    state = useSubscriptions(read);
    return null;
  }
  render(<Probe />, root);
  await settle();
  // The first read is on its way with the list; an unsubscribe answers the rows without it first.
  await state?.show(Promise.resolve([]));
  answers[0]?.([fine]);
  await settle();
  expect(state?.subscriptions).toEqual([]);
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
