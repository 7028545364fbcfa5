// Moments the user made (a snooze's end, an address saved, a balance read), drawn in New York:
// they must read as the user's own day and time, not UTC's, which is a day ahead in the evening.
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createGuideState } from '../lib/custody/steps';
import { emptyHoldingsState } from '../lib/holdings/model';
import { defaultSettings } from '../lib/settings';
import { I18nContext, translateFrom } from '../utils/i18n';
import { AddressBookStep } from './guide/AddressBookStep';
import { WatchedAddresses } from './holdings/WatchedAddresses';
import { Options } from './Options';
import { RunAlert } from './RunAlert';
import { effectsOnNextTask, page, settle } from './test-dom';
import { quietOptions } from './options/options.testkit';
import { inTimeZone } from '../lib/words/time-zone.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

const t = translateFrom(localeMessages('en'));
/** 8 pm on Monday Dec 7, 2026 in New York; already Dec 8 in UTC. */
const EVENING = Date.parse('2026-12-07T20:00:00-05:00');

inTimeZone('America/New_York');

effectsOnNextTask();
afterEach(() => vi.useRealTimers());

function draw(node: preact.ComponentChildren) {
  const dom = page();
  render(<I18nContext.Provider value={{ t, locale: 'en-US' }}>{node}</I18nContext.Provider>, dom.root);
  return dom;
}

describe("moments the user made, in the user's time zone", () => {
  test('the test runs in New York', () => {
    expect(new Date(EVENING).getDate()).toBe(7);
  });

  test('a snooze ends on the day and at the hour it was set to end', async () => {
    // The list drops a snooze once the wall clock passes its end (components/lapse-clock.ts): the day before it, then.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(EVENING - 86_400_000);
    const { root } = draw(
      <Options
        {...quietOptions}
        settings={{ ...defaultSettings, snoozes: { binance: { until: 'time', endsAt: EVENING } } }}
        exchangeNames={{ binance: 'Binance' }}
        now={new Date(EVENING - 86_400_000)}
      />,
    );
    await settle();
    const line = root.querySelector('[data-testid="snoozes"] span')?.textContent ?? '';
    expect(line).toBe(`Binance: snoozed until ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(EVENING)}`);
    expect(line).toContain('Dec 7, 2026');
    expect(line).toContain('8:00');
    render(null, root);
  });

  test("a run alert's snooze ends on the day and at the hour it was set to end", async () => {
    const { root, $ } = draw(
      <RunAlert
        alert={{
          exchangeId: 'binance',
          name: 'Binance',
          phase: 'alert',
          cause: 'outflow',
          level: 'alert',
          active: false,
          reasons: [],
          incomplete: false,
          sources: [],
          computedAt: new Date(EVENING - 3_600_000).toISOString(),
          snoozedUntil: new Date(EVENING).toISOString(),
        }}
        onWithdraw={() => undefined}
      />,
    );
    await settle();
    const line = $('run-snoozed')?.textContent ?? '';
    expect(line).toContain('Dec 7, 2026');
    expect(line).toContain('8:00');
    render(null, root);
  });

  test('an address saved in the evening is saved that day', async () => {
    const { root, $ } = draw(
      <AddressBookStep
        state={createGuideState(new Date(EVENING))}
        book={[{ label: 'Ledger', network: 'ethereum', address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72', addedAt: new Date(EVENING).toISOString() }]}
        onAction={() => undefined}
        onSaveAddress={() => Promise.resolve()}
        onRemoveAddress={() => Promise.resolve()}
      />,
    );
    await settle();
    expect($('book-entry')?.textContent).toContain('saved Dec 7, 2026');
    render(null, root);
  });

  test('a balance read in the evening was read that day', async () => {
    const { root, $ } = draw(
      <WatchedAddresses
        state={{ ...emptyHoldingsState, addresses: [{ id: 'a', address: '0x8ba1f109551bD432803012645Ac136ddd64DBA72', chainIds: [1] }] }}
        readings={{ readAt: EVENING, chains: [{ chainId: 1, blockNumber: '21000000', complete: true, positions: [] }] }}
        onSave={() => Promise.resolve(true)}
      />,
    );
    await settle();
    expect($('holdings-readings')?.textContent).toContain('Dec 7, 2026');
    expect($('holdings-readings')?.textContent).not.toContain('Dec 8');
    render(null, root);
  });
});
