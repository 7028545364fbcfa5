import { render } from 'preact';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RunSnoozeView } from '@/lib/view/run-alert-view';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { useRunSnoozes } from './run-snoozes';

effectsOnNextTask();

const BINANCE: RunSnoozeView = { exchangeId: 'binance', name: 'Binance', snoozedUntil: '2026-12-14T09:53:00.000Z' };

/**
 * Draws the hook's list, read with `read`: `shown` is what it lists. Nothing is waited for, so a test on fake timers sets
 * them first and moves them on itself.
 */
function drawn(read: () => Promise<RunSnoozeView[]>) {
  fakeBrowser.reset();
  const { root, window } = page();
  let shown: RunSnoozeView[] | undefined;
  let reload: () => Promise<void> = async () => undefined;
  function Probe() {
    [shown, reload] = useRunSnoozes(read);
    return null;
  }
  render(<Probe />, root);
  return { shown: () => shown, reload: () => reload(), root, window };
}

/** The list drawn and its first read done, read as the background would answer it, which `answer` changes. */
async function answered() {
  let answer: RunSnoozeView[] = [];
  const read = vi.fn(() => Promise.resolve(answer));
  const probe = drawn(read);
  await settle();
  return { ...probe, read, answer: (next: RunSnoozeView[]) => (answer = next) };
}

test('a snooze made elsewhere (the popup) while the options page is open is listed without a reload', async () => {
  const { shown, answer, root } = await answered();
  expect(shown()).toEqual([]);
  // The background stores the snooze, then answers for it.
  answer([BINANCE]);
  await fakeBrowser.storage.local.set({ runAlerts: { binance: { phase: 'alert', raisedBy: ['outflow-24h'], snoozedUntil: BINANCE.snoozedUntil } } });
  await vi.waitFor(() => expect(shown()).toEqual([BINANCE]));
  render(null, root);
});

test("a snooze lifted elsewhere (the popup's undo) leaves the list without a reload", async () => {
  const { shown, answer, read, root } = await answered();
  answer([BINANCE]);
  await fakeBrowser.storage.local.set({ runAlerts: { binance: { phase: 'alert', raisedBy: ['outflow-24h'], snoozedUntil: BINANCE.snoozedUntil } } });
  await vi.waitFor(() => expect(shown()).toEqual([BINANCE]));
  answer([]);
  await fakeBrowser.storage.local.set({ runAlerts: { binance: { phase: 'alert', raisedBy: ['outflow-24h'] } } });
  await vi.waitFor(() => expect(shown()).toEqual([]));
  expect(read).toHaveBeenCalledTimes(3);
  render(null, root);
});

test('an older read that answers after a newer one does not put a lifted snooze back', async () => {
  const answers: ((views: RunSnoozeView[]) => void)[] = [];
  const { shown, reload, root } = drawn(() => new Promise<RunSnoozeView[]>((resolve) => answers.push(resolve)));
  await settle();
  void reload();
  answers[1]?.([]);
  answers[0]?.([BINANCE]);
  await settle();
  expect(shown()).toEqual([]);
  render(null, root);
});

test('once the options page closes, a later change of the stored states asks for no further read', async () => {
  const { read, root } = await answered();
  expect(read).toHaveBeenCalledTimes(1);
  render(null, root);
  await settle();
  await fakeBrowser.storage.local.set({ runAlerts: { binance: { phase: 'alert', raisedBy: ['outflow-24h'], snoozedUntil: BINANCE.snoozedUntil } } });
  await settle();
  expect(read).toHaveBeenCalledTimes(1);
});

test('a snooze that lapses while the options page is open leaves the list at its end, the next at its own, with no read and no timer left', async () => {
  vi.useFakeTimers({ now: new Date('2026-12-14T09:00:00.000Z') });
  try {
    const kraken: RunSnoozeView = { exchangeId: 'kraken', name: 'Kraken', snoozedUntil: '2026-12-14T11:00:00.000Z' };
    const read = vi.fn(() => Promise.resolve([BINANCE, kraken]));
    const { shown, root } = drawn(read);
    await vi.advanceTimersByTimeAsync(0);
    expect(shown()).toEqual([BINANCE, kraken]);
    // Binance's snooze ends at 09:53, a minute short of which it is still in force.
    await vi.advanceTimersByTimeAsync(52 * 60_000);
    expect(shown()).toEqual([BINANCE, kraken]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(shown()).toEqual([kraken]);
    await vi.advanceTimersByTimeAsync(67 * 60_000);
    expect(shown()).toEqual([]);
    // The page asked the background nothing more, and an hour on it keeps no clock running: nothing is snoozed.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    render(null, root);
  } finally {
    vi.useRealTimers();
  }
});

test.each([
  ['visibilitychange', 'document'],
  ['focus', 'window'],
  ['pageshow', 'window'],
] as const)('a snooze whose end passed while the computer slept leaves the list when the page is seen again (%s), before the timer is due', async (event, on) => {
  vi.useFakeTimers({ now: new Date('2026-12-14T09:00:00.000Z') });
  try {
    const read = vi.fn(() => Promise.resolve([BINANCE]));
    const { shown, root, window } = drawn(read);
    // The read, its redraw, then the effect that starts the timer and the listening (at the latest 35 ms on, Preact's fallback).
    for (let turn = 0; turn < 3; turn += 1) await vi.advanceTimersByTimeAsync(50);
    expect(shown()).toEqual([BINANCE]);
    // Asleep 8 h: the wall clock moves on, the pending timer (which does not count sleep) keeps its 53 minutes.
    vi.setSystemTime(new Date('2026-12-14T17:00:00.000Z'));
    (on === 'document' ? window.document : window).dispatchEvent(new window.Event(event));
    await vi.advanceTimersByTimeAsync(0);
    expect(shown(), 'lapsed 7 h ago').toEqual([]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    render(null, root);
  } finally {
    vi.useRealTimers();
  }
});

test('while nothing is snoozed the page listens for no return to it', async () => {
  fakeBrowser.reset();
  const { root, window } = page();
  // The window's listeners are added with the document's (linkedom's window cannot be spied on).
  const listened = vi.spyOn(window.document, 'addEventListener');
  function Probe() {
    useRunSnoozes(() => Promise.resolve([]));
    return null;
  }
  render(<Probe />, root);
  await settle();
  expect(listened).not.toHaveBeenCalled();
  render(null, root);
});
