import { render } from 'preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundContext } from '@/entrypoints/background/context';
import { bundledSnapshot } from '@/lib/reserves/snapshot';
import { formatDate } from '@/lib/words/format';
import { I18nContext } from '@/utils/i18n';
import { Pill } from './Pill';
import { wordsIn } from './popup.testkit';
import { effectsOnNextTask, page, settle } from './test-dom';

/**
 * Kraken's real view from the background before any source has answered, drawn in the exchange page's card: the line
 * below the card names no "checked" day of its own, so it cannot contradict the card's "not checked since" of Kraken's record.
 */

effectsOnNextTask();

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test("Kraken's card with the bundled-copy line names only Kraken's own checked day", async () => {
  const state = await createBackgroundContext().stateForUrl('https://www.kraken.com/');
  if (state.kind !== 'exchange') throw new Error(`not an exchange: ${state.kind}`);
  const kraken = bundledSnapshot().exchanges.kraken;
  const checkedAt = kraken?.por?.checkedAt;
  if (checkedAt === undefined) throw new Error('no checked day on the bundled Kraken record');
  const dom = page();
  vi.stubGlobal('window', dom.window);
  render(
    <I18nContext.Provider value={wordsIn('en')}>
      <Pill view={state.view} corner="bottom-right" initiallyExpanded onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
    </I18nContext.Provider>,
    dom.root,
  );
  await settle();
  const panel = dom.$('nudge-panel')?.textContent ?? '';
  expect(dom.$('first-data-line')?.textContent).toBe(wordsIn('en').t('firstDataPendingCard'));
  expect(panel).toContain(`not checked since ${formatDate(checkedAt, 'en')}`);
  // Every day the panel names is one of Kraken's record's, none newer than its checked day.
  const named = [...panel.matchAll(/[A-Z][a-z]{2} \d{1,2}, \d{4}/g)].map((match) => Date.parse(`${match[0]} UTC`));
  expect(named.length).toBeGreaterThan(0);
  for (const day of named) expect(day).toBeLessThanOrEqual(Date.parse(`${checkedAt.slice(0, 10)}T23:59:59Z`));
  render(null, dom.root);
  await settle();
});
