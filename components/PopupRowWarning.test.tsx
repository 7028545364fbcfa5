import { describe, expect, test, vi } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView } from '../lib/view/exchange-view';
import { popupPage, wordsIn } from './popup.testkit';

const now = new Date('2026-12-07T10:00:00Z');
const kraken = getExchange('kraken');
const warning = (severity: ActiveWarning['severity']): ActiveWarning => ({
  exchange: 'kraken',
  severity,
  title: 'Withdrawals halted',
  body: 'Users report withdrawals stuck for days.',
  published: '2026-01-01T00:00:00Z',
  expires: '2027-01-01T00:00:00Z',
  sources: ['https://example.org/kraken'],
  listName: 'E2E test list',
  listHost: 'lists.example.org',
  listSequence: 2,
});

describe("the popup's exchange list and community warnings", () => {
  test('a row whose exchange a subscribed list flags shows the warning beside the verdict, which stays ours', async () => {
    if (kraken === undefined) throw new Error('kraken is missing from the registry');
    const flagged = buildExchangeView({ exchange: kraken, reserves: undefined, now, warnings: [warning('danger')] });
    const { draw, root } = popupPage();
    draw({ loadAll: () => Promise.resolve([flagged]) });
    await vi.waitFor(() => expect(root.querySelector('[data-testid="exchange-row"]')).not.toBeNull());
    const row = root.querySelector('[data-testid="exchange-row"][data-id="kraken"]');
    expect(row?.querySelector('[data-testid="level-chip"]')?.getAttribute('data-level')).toBe('unknown');
    expect(row?.querySelector('[data-testid="row-warning"]')?.textContent).toBe('⚠ Community warning: danger');
  });

  test('caution reads as caution; an info entry or none shows no mark; every language words it', async () => {
    if (kraken === undefined) throw new Error('kraken is missing from the registry');
    for (const [severity, words] of [
      ['caution', '⚠ Community warning: caution'],
      ['info', undefined],
    ] as const) {
      const { draw, root } = popupPage();
      draw({ loadAll: () => Promise.resolve([buildExchangeView({ exchange: kraken, reserves: undefined, now, warnings: [warning(severity)] })]) });
      await vi.waitFor(() => expect(root.querySelector('[data-testid="exchange-row"]')).not.toBeNull());
      expect(root.querySelector('[data-testid="row-warning"]')?.textContent, severity).toBe(words);
    }
    for (const folder of ['de', 'fr', 'es', 'pt_BR', 'sv', 'tr', 'zh_CN']) {
      const { draw, root } = popupPage(wordsIn(folder));
      draw({ loadAll: () => Promise.resolve([buildExchangeView({ exchange: kraken, reserves: undefined, now, warnings: [warning('danger')] })]) });
      await vi.waitFor(() => expect(root.querySelector('[data-testid="exchange-row"]')).not.toBeNull());
      const text = root.querySelector('[data-testid="row-warning"]')?.textContent ?? '';
      expect(text, folder).toBe(`⚠ ${wordsIn(folder).t('rowWarningDanger')}`);
      expect(text, folder).not.toBe('⚠ rowWarningDanger');
    }
  });
});
