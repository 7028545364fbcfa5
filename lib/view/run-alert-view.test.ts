import { describe, expect, test } from 'vitest';
import type { RunState } from '../risk/run-episode';
import { evaluateRun, type RunWarning } from '../risk/run-signals';
import { runAlertView } from './run-alert-view';

const now = new Date('2026-12-05T12:00:00Z');
const CEXS = 'https://api.llama.fi/cexs';
const kraken = { id: 'kraken', name: 'Kraken' };
const observedAt = new Date(now.getTime() - 20 * 60_000).toISOString();
const halted: RunWarning = { severity: 'danger', title: 'Withdrawals halted', listName: 'Example watch', sources: ['https://status.example.com/1'], published: '2026-12-01T00:00:00Z' };
/** Flows read 20 minutes ago: `net24hUsd` of the $100B held a day ago left. */
const flows = (net24hUsd: number) => ({
  onchain: { totalUsd: 100e9 + net24hUsd, source: CEXS, asOf: '2026-12-05', observedAt },
  flows: { net24hUsd, net7dUsd: net24hUsd, source: CEXS, asOf: '2026-12-05', observedAt },
});
const listEpisode: RunState = { phase: 'alert', startedAt: '2026-12-05T09:00:00.000Z', lastStirredAt: '2026-12-05T11:00:00.000Z', raisedBy: ['warning-list'] };
const flowEpisode: RunState = { phase: 'alert', startedAt: '2026-12-05T09:00:00.000Z', lastStirredAt: '2026-12-05T11:00:00.000Z', raisedBy: ['outflow-24h'] };

function view(state: RunState | undefined, { warnings = [], reserves }: { warnings?: RunWarning[]; reserves?: ReturnType<typeof flows> }) {
  return runAlertView({ exchange: kraken, evaluation: evaluateRun({ exchange: { ownTokens: [] }, reserves, warnings, now }), state, now });
}

describe('runAlertView', () => {
  test('an alert is worded by the signal that raised it: a warning-list entry is no measured outflow', () => {
    expect(view(listEpisode, { warnings: [halted] })).toMatchObject({ phase: 'alert', active: true, cause: 'warning-list' });
    // Before the episode is stored, the watch already reads the entry.
    expect(view(undefined, { warnings: [halted] })).toMatchObject({ phase: 'calm', cause: 'warning-list' });
    expect(view(flowEpisode, { reserves: flows(-20e9) })).toMatchObject({ cause: 'outflow' });
    // Money measured leaving and a list entry: the measured outflow leads.
    expect(view(flowEpisode, { warnings: [halted], reserves: flows(-20e9) })).toMatchObject({ cause: 'outflow' });
  });

  test("an episode only a list raised is over once the list no longer has the entry: no lingering alert, no 'the flows have calmed'", () => {
    expect(view(listEpisode, {})).toBeUndefined();
    expect(view({ ...listEpisode, snoozedUntil: '2026-12-10T00:00:00.000Z' }, { reserves: flows(-1e9) })).toBeUndefined();
  });

  test('settling says the flows calmed only when they were read calm; unread flows are not calm', () => {
    expect(view(flowEpisode, { reserves: flows(-1e9) })).toMatchObject({ phase: 'alert', level: 'calm', settling: 'flows-calm' });
    expect(view(flowEpisode, {})).toMatchObject({ phase: 'alert', level: 'calm', settling: 'unread' });
    expect(view(flowEpisode, { reserves: flows(-20e9) })?.settling).toBeUndefined();
  });
  test('lists that could not be checked leave a list alert on, saying so: not over, not "the flows have calmed"', () => {
    const unread = runAlertView({ exchange: kraken, evaluation: evaluateRun({ exchange: { ownTokens: [] }, reserves: flows(-1e9), warnings: 'unread', now }), state: listEpisode, now });
    expect(unread).toMatchObject({ phase: 'alert', active: true, cause: 'warning-list', settling: 'lists-unread', startedAt: listEpisode.startedAt });
  });
});
