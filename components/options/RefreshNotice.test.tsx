import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { expect, test } from 'vitest';
import { frenchSpacingProblems } from '../../lib/words/french-spacing.testkit';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { Options, type SourceRow } from '../Options';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { quietOptions } from './options.testkit';

// "Refresh now" answers in the status line a screen reader announces: "finished" alone only when no source failed.

effectsOnNextTask();

const messages = (folder: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', folder, 'messages.json'), 'utf8')) as Messages;
const row = (group: string, status: SourceRow['status'], id = group): SourceRow => ({ id, group, url: `https://x.example/${id}`, status });
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
