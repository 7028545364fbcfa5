import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from './index';
import { freshBackground, gate } from './background.testkit';
import { REFRESH_ALARM } from './data';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import type { PageState } from '@/lib/view/page-state';

/**
 * At browser start the background asks its sources again, after the run the waking alarm began (data.ts `refreshDue`). The
 * first question of an exchange page meanwhile is answered from the data held, at once: it waits for neither run.
 */

const BINANCE = 'https://www.binance.com/en/trade/BTC_USDT';
const pageOf = (tabId: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url }, url, frameId: 0 });
const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined))[0] as unknown;

describe('browser start', () => {
  const network = gate();
  const asked: string[] = [];

  beforeEach(async () => {
    await freshBackground();
    asked.length = 0;
    // Every request waits on a network that answers only when the test is over.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: string) => {
        asked.push(input);
        await network.shut;
        throw new TypeError('network down');
      }),
    );
  });
  afterEach(() => {
    network.open();
    vi.unstubAllGlobals();
  });

  test('the first page question after a start is answered from the stored data while the alarm’s run and the start’s wait on the network', async () => {
    // The data a run stored in the last session, with a figure the bundled snapshot does not have.
    const base = bundledSnapshot();
    const binance = base.exchanges.binance!;
    const onchain = { ...binance.onchain!, totalUsd: 123_456_789_012 };
    await fakeBrowser.storage.local.set({ heldSnapshot: { ...base, exchanges: { ...base.exchanges, binance: { ...binance, onchain } } } });
    background.main();

    // The wake: the alarm's run starts and waits on the network; then the browser's start, which waits for that run to ask again.
    void fakeBrowser.alarms.onAlarm.trigger({ name: REFRESH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(0));
    void fakeBrowser.runtime.onStartup.trigger();

    // Answered with the network still held: were the answer to wait for either run, this would never resolve.
    const state = (await send({ type: 'page-state' }, pageOf(21, BINANCE))) as PageState;
    expect(state.kind).toBe('exchange');
    expect(state.kind === 'exchange' && state.view.onchain?.totalUsd).toBe(123_456_789_012);
    expect(state.nudge).toBeDefined();
  });
});
