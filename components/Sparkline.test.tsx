import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { HistoryPoint } from '../lib/holdings/model';
import { formatDate } from '../lib/words/format';
import { I18nContext, translateFrom } from '../utils/i18n';
import { Sparkline } from './Sparkline';
import { page } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

const words = (locale: string) => translateFrom(localeMessages(locale));

afterEach(() => vi.unstubAllGlobals());

function sentence(history: readonly HistoryPoint[], locale: string, tag: string, oldPrices = false) {
  const { root } = page();
  render(
    <I18nContext.Provider value={{ t: words(locale), locale: tag }}>
      <Sparkline history={history} id="s" oldPrices={oldPrices} />
    </I18nContext.Provider>,
    root,
  );
  const text = root.querySelector('[data-testid="sparkline-text"]')?.textContent;
  render(null, root);
  return text;
}

describe('Sparkline sentence', () => {
  // The import says "2 days of history" for this file: the sentence counts the same thing, the days with a share,
  // not today's point that could not be valued.
  const imported: HistoryPoint[] = [
    { day: '2026-12-01', selfShare: 0.4 },
    { day: '2026-12-06', selfShare: 0.45 },
    { day: '2026-12-07', selfShare: null },
  ];

  test('counts the days that have a share, the same count the import gives', () => {
    const t = words('en');
    expect(sentence(imported, 'en', 'en')).toBe(t('sparklineRange', ['2', '40%', formatDate('2026-12-01', 'en'), '45%', formatDate('2026-12-06', 'en')]));
  });

  test('the count is written as the reader writes numbers', () => {
    const start = Date.parse('2020-01-01T00:00:00Z');
    const long = Array.from({ length: 1500 }, (_, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), selfShare: 0.5 }));
    expect(sentence(long, 'de', 'de')).toContain('1.500');
  });

  test('with no point yet, old prices are named as the reason, not holdings that cannot be valued', () => {
    const t = words('en');
    const today: HistoryPoint[] = [{ day: '2026-12-07', selfShare: null }];
    expect(sentence(today, 'en', 'en', true)).toBe(t('sparklineEmptyOldPrices'));
    expect(t('sparklineEmptyOldPrices')).not.toBe(t('sparklineEmpty'));
    expect(sentence(today, 'en', 'en')).toBe(t('sparklineEmpty'));
    // A good point from before still has its own sentence, old prices or not.
    expect(sentence([{ day: '2026-12-01', selfShare: 0.4 }, ...today], 'en', 'en', true)).toBe(t('sparklineOne', ['40%', formatDate('2026-12-01', 'en')]));
  });
});
