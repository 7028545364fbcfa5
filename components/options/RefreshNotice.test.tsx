import { render } from 'preact';
import { expect, test } from 'vitest';
import { frenchSpacingProblems } from '../../lib/words/french-spacing.testkit';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { initialSourceState, recordFailure, recordSuccess, type SourceState, statusAt } from '../../lib/reserves/schedule';
import type { FetchFailure } from '../../lib/reserves/fetch-source';
import { Options, type SourceRow } from '../Options';
import { refreshOutcome } from './refresh-notice';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { quietOptions } from './options.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

// "Refresh now" answers in the status line a screen reader announces: "finished" alone only when no source failed.

effectsOnNextTask();

const messages = (folder: string) => localeMessages(folder);
// A failing row here had a success before: its last good data is kept.
const row = (group: string, status: SourceRow['status'], id = group): SourceRow => ({ id, group, url: `https://x.example/${id}`, status, lastSuccess: '2026-12-01T00:00:00Z' });
const allFailed = [row('feed', 'failing'), row('cexs', 'failing'), row('own-token-prices', 'failing'), row('protocol', 'failing', 'p1'), row('protocol', 'failing', 'p2')];
const oneFailed = [row('feed', 'fresh'), row('cexs', 'failing'), row('own-token-prices', 'fresh'), row('protocol', 'fresh', 'p1')];
const noneFailed = [row('feed', 'fresh'), row('cexs', 'fresh'), row('own-token-prices', 'never'), row('protocol', 'stale', 'p1')];

async function refresh(folder: string, rows: SourceRow[]): Promise<string> {
  const { root, $, press } = page();
  const t = translateFrom(messages(folder));
  render(
    <I18nContext.Provider value={{ t, locale: folder.replace('_', '-') }}>
      <Options {...quietOptions} sources={rows} onRefresh={() => Promise.resolve(rows)} />
    </I18nContext.Provider>,
    root,
  );
  await settle();
  press('refresh-now');
  await settle();
  const notice = $('options-notice');
  expect(notice?.getAttribute('role')).toBe('status');
  const text = notice?.textContent ?? '';
  render(null, root);
  return text;
}

test('English: every source failed, one failed, none failed', async () => {
  expect(await refresh('en', allFailed)).toBe('Refresh finished, but all 4 sources failed; we keep the last good data.');
  expect(await refresh('en', oneFailed)).toBe('Refresh finished, but 1 of 4 sources failed; we keep its last good data.');
  expect(await refresh('en', noneFailed)).toBe('Refresh finished.');
});

test.each(['de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN'])('%s: a failure is said in the language, never as plain "finished"', async (folder) => {
  const t = translateFrom(messages(folder));
  for (const rows of [allFailed, oneFailed]) {
    const text = await refresh(folder, rows);
    expect(text).not.toBe(t('refreshDone'));
    expect(text).toMatch(/4/);
    if (folder === 'fr') expect(frenchSpacingProblems(text)).toEqual([]);
    if (folder === 'zh_CN') expect(text).not.toMatch(/[,;:.]/);
  }
});

// Rows as the background builds them: a fetch that fails an hour after a success leaves the row "fresh".
const policy = { intervalMs: 3_600_000, jitterMs: 0, staleAfterMs: 6 * 3_600_000, backoffBaseMs: 60_000, backoffMaxMs: 3_600_000 };
const now = Date.parse('2026-12-07T08:00:00Z');
const random = () => 0;
const offline: FetchFailure = { reason: 'network', host: 'x.example', stage: 'connect' };
const fetched = recordSuccess({ state: initialSourceState(), policy, now: now - 3_600_000, random });
const failedNow = (state: SourceState) => recordFailure({ state, policy, now, random, error: offline });
const stateRow = (group: string, state: SourceState, id = group): SourceRow => ({
  id,
  group,
  url: `https://x.example/${id}`,
  status: statusAt({ state, policy, now }),
  ...(state.lastSuccess === undefined ? {} : { lastSuccess: state.lastSuccess }),
  ...(state.lastFetchFailure === undefined ? {} : { lastFetchFailure: state.lastFetchFailure }),
});

test('a failure an hour after a good fetch counts, though the row still reads "fresh"', async () => {
  const offline = [stateRow('feed', failedNow(fetched)), stateRow('cexs', failedNow(fetched)), stateRow('protocol', failedNow(fetched), 'p1')];
  expect(offline.map((one) => one.status)).toEqual(['fresh', 'fresh', 'fresh']);
  expect(await refresh('en', offline)).toBe('Refresh finished, but all 3 sources failed; we keep the last good data.');
  const one = [stateRow('feed', fetched), stateRow('cexs', failedNow(fetched)), stateRow('protocol', fetched, 'p1')];
  expect(await refresh('en', one)).toBe('Refresh finished, but 1 of 3 sources failed; we keep its last good data.');
});

test('a source that never answered has no last good data: the data that came with Reserve Radar is used', async () => {
  const firstRun = failedNow(initialSourceState());
  expect(await refresh('en', [stateRow('feed', firstRun), stateRow('cexs', firstRun), stateRow('protocol', firstRun, 'p1')])).toBe(
    'Refresh finished, but all 3 sources failed; we use the data that came with Reserve Radar.',
  );
  expect(await refresh('en', [stateRow('feed', fetched), stateRow('cexs', firstRun), stateRow('protocol', fetched, 'p1')])).toBe(
    'Refresh finished, but 1 of 3 sources failed; for it we use the data that came with Reserve Radar.',
  );
  expect(await refresh('en', [stateRow('feed', firstRun), stateRow('cexs', firstRun), stateRow('protocol', fetched, 'p1')])).toBe(
    'Refresh finished, but 2 of 3 sources failed; for them we use the data that came with Reserve Radar.',
  );
  expect(await refresh('en', [stateRow('feed', failedNow(fetched)), stateRow('cexs', firstRun), stateRow('protocol', fetched, 'p1')])).toBe(
    'Refresh finished, but 2 of 3 sources failed; we keep their last good data, or the data that came with Reserve Radar where there is none.',
  );
});

test('a failed /cexs row that shows the totals fetched with the feed keeps that data, not the bundled data', async () => {
  const firstRun = failedNow(initialSourceState());
  const held: SourceRow = { ...stateRow('cexs', firstRun), heldFetched: true };
  expect(await refresh('en', [stateRow('feed', fetched), held, stateRow('protocol', fetched, 'p1')])).toBe('Refresh finished, but 1 of 3 sources failed; we keep its last good data.');
  expect(await refresh('en', [stateRow('feed', failedNow(fetched)), held, stateRow('protocol', fetched, 'p1')])).toBe('Refresh finished, but 2 of 3 sources failed; we keep their last good data.');
});

test.each(['de', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN'])('%s: no last good data is said in the language', async (folder) => {
  const firstRun = failedNow(initialSourceState());
  const last = await refresh(folder, [stateRow('feed', failedNow(fetched)), stateRow('cexs', fetched)]);
  for (const rows of [
    [stateRow('feed', firstRun), stateRow('cexs', firstRun)],
    [stateRow('feed', firstRun), stateRow('cexs', fetched)],
    [stateRow('feed', firstRun), stateRow('cexs', firstRun), stateRow('protocol', fetched, 'p1')],
    [stateRow('feed', firstRun), stateRow('cexs', failedNow(fetched)), stateRow('protocol', fetched, 'p1')],
  ]) {
    const text = await refresh(folder, rows);
    expect(text).toContain('Reserve Radar');
    expect(text).not.toBe(last);
    if (folder === 'fr') expect(frenchSpacingProblems(text)).toEqual([]);
    if (folder === 'zh_CN') expect(text).not.toMatch(/[,;:.]/);
  }
});

test('no answer from the background is an error, never "finished"', async () => {
  expect(refreshOutcome(undefined)).toBe('errorBackground');
  expect(refreshOutcome([stateRow('feed', fetched)])).toBe('refreshDone');
});
