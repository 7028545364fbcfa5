import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LOCALES } from '../../lib/locales';
import { groupSources } from '../../lib/view/source-groups';
import { formatAge, formatDate } from '../../lib/words/format';
import { I18nContext, translateFrom } from '../../utils/i18n';
import type { SourceRow } from '../Options';
import { SourceItem } from './SourceItem';
import { localeMessages } from '../../utils/locale-files.testkit';

const now = new Date('2026-12-05T12:00:00Z');
const messages = (locale: string) => localeMessages(locale);

function draw(row: SourceRow | SourceRow[], locale: string): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><ul id="root"></ul></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const [group] = groupSources(Array.isArray(row) ? row : [row]);
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale.replace('-', '_'))), locale }}>
      <SourceItem group={group!} exchangeNames={{}} now={now} />
    </I18nContext.Provider>,
    root,
  );
  return root;
}

const base = { id: 'own-token-prices', label: 'DefiLlama coins /chart', group: 'own-token-prices', url: 'https://coins.llama.fi/chart/coingecko:binancecoin', status: 'failing' } as const;

describe('SourceItem', () => {
  afterEach(() => vi.unstubAllGlobals());

  test.each([
    ['overdue', -5 * 60],
    ['due now', 0],
    ['seconds away', 30],
  ])('the next attempt %s reads "in a moment" in every language', (_, seconds) => {
    const nextAttemptAt = new Date(now.getTime() + seconds * 1000).toISOString();
    for (const { id: locale } of LOCALES) {
      const t = translateFrom(messages(locale));
      const facts = draw({ ...base, nextAttemptAt }, locale.replace('_', '-')).querySelector('.source__facts');
      expect(facts?.textContent, locale).toContain(`${t('sourceNextAttempt')}${t('ageSoon')}`);
      expect(facts?.textContent, locale).not.toContain(t('ageJustNow'));
    }
  });

  test("a refused answer is worded in the reader's language, with its figures", () => {
    const row: SourceRow = { ...base, lastAnswerFailure: { answer: 'no-price', skipped: [{ symbol: 'BNB', problem: 'missing' }] } };
    const t = translateFrom(messages('sv'));
    const error = draw(row, 'sv').querySelector('.source__error');
    expect(error?.textContent).toBe(t('answerFailNoPrice', t('answerSkipMissing', 'BNB')));
    expect(error?.textContent).toContain('BNB');
  });

  test("an unreachable host is said in the reader's words only: the browser's English error text is nowhere on the page", () => {
    const row: SourceRow = {
      ...base,
      id: 'feed',
      group: 'feed',
      url: 'https://reserve-radar.github.io/feed.json',
      lastFetchFailure: { reason: 'network', host: 'reserve-radar.github.io', stage: 'connect', detail: 'Failed to fetch' },
    };
    const root = draw(row, 'de');
    expect(root.querySelector('.source__error')?.textContent).toBe('reserve-radar.github.io war nicht erreichbar');
    expect(root.textContent).not.toContain('Failed to fetch');
    expect(root.querySelector('[data-testid="source-detail"]')).toBeNull();
    expect(root.querySelector('[data-source-words]')).toBeNull();
  });

  test("a feed that could not be checked is said in the reader's words only: the English reason is nowhere on the page", () => {
    const why = 'Could not establish connection. Receiving end does not exist.';
    const row: SourceRow = { ...base, id: 'feed', group: 'feed', url: 'https://reserve-radar.github.io/feed.json', lastFeedFailure: { code: 'unchecked', why } };
    const root = draw(row, 'de');
    expect(root.querySelector('.source__error')?.textContent).toBe(translateFrom(messages('de'))('feedFailUnchecked'));
    expect(root.textContent).not.toContain(why);
    expect(root.querySelector('[data-testid="source-detail"]')).toBeNull();
  });

  test('a feed with a malformed figure is said in words; the field path stays out of the page', () => {
    const where = 'exchanges.binance.por.ratios.BTC';
    const row: SourceRow = { ...base, id: 'feed', group: 'feed', url: 'https://reserve-radar.github.io/feed.json', lastFeedFailure: { code: 'malformed', part: 'figures', where } };
    const root = draw(row, 'fr');
    expect(root.querySelector('.source__error')?.textContent).toBe(translateFrom(messages('fr'))('feedFailFigures'));
    expect(root.textContent).not.toContain(where);
  });

  test('a row without a failure code shows no sentence', () => {
    const root = draw({ ...base }, 'de');
    expect(root.querySelector('[data-testid="source-row"]')?.getAttribute('data-status')).toBe('failing');
    expect(root.querySelector('.source__error')).toBeNull();
  });

  const BUNDLED_AT = '2026-12-04T00:00:00.000Z';
  const AUG10 = { from: '2026-08-10', to: '2026-08-10' };

  test('before any fetch succeeded, the row says the data that came with Reserve Radar is in use, with the day its figures describe and their age, not "Last success: Never"', () => {
    const t = translateFrom(messages('de'));
    const dated = t('sourceBundledDay', [formatDate('2026-08-10', 'de'), formatAge('2026-08-10', now, 'de', t)]);
    for (const status of ['never', 'failing'] as const) {
      const summary = draw({ ...base, status, bundledAt: BUNDLED_AT, bundledDays: AUG10 }, 'de').querySelector('summary')?.textContent ?? '';
      expect(summary, status).toContain(t('sourceBundledInUse', dated));
      expect(summary, status).toContain('10.08.2026');
      expect(summary, status).toContain('vor 3 Monaten');
      // The compile date is no age of the figures: it is not on the row.
      expect(summary, status).not.toContain('04.12.2026');
      expect(summary, status).not.toContain(t('sourceLastSuccessAt', t('never')));
    }
    // Once a fetch succeeded, its age is what counts.
    const fetched = draw({ ...base, status: 'fresh', lastSuccess: '2026-12-05T10:00:00.000Z', bundledAt: BUNDLED_AT, bundledDays: AUG10 }, 'de').querySelector('summary')?.textContent ?? '';
    expect(fetched).toContain(t('sourceLastSuccessAt', formatAge('2026-12-05T10:00:00.000Z', now, 'de', t)));
    expect(fetched).not.toContain(t('sourceBundledInUse', dated));
  });

  test("the feed row gives the day we last checked our copy, with its age: an exchange's old report is never given as our copy's age", () => {
    const age = (row: SourceRow, locale = 'en') => draw(row, locale).querySelector('.source__age')?.textContent;
    const feed: SourceRow = { id: 'feed', group: 'feed', url: 'https://feed.example/feed.json', status: 'never', bundledAt: BUNDLED_AT, bundledChecked: '2026-12-04' };
    expect(age(feed)).toBe(`Using the data that came with Reserve Radar: checked on Dec 4, 2026 (${formatAge('2026-12-04', now, 'en', translateFrom(messages('en')))})`);
    expect(age({ ...feed, bundledDays: { from: '2019-04-01', to: '2026-09-30' } })).not.toContain('2019');
    for (const { id, tag } of LOCALES.map((entry) => ({ id: entry.id, tag: entry.id.replace('_', '-') }))) {
      const tl = translateFrom(messages(id));
      expect(tl('sourceBundledChecked', ['x', 'y']), id).not.toBe('sourceBundledChecked');
      expect(age(feed, tag), id).toBe(tl('sourceBundledInUse', tl('sourceBundledChecked', [formatDate('2026-12-04', tag), formatAge('2026-12-04', now, tag, tl)])));
    }
  });

  test('figures without a date are said to be undated, never given the compile date', () => {
    const t = translateFrom(messages('en'));
    const age = (row: SourceRow) => draw(row, 'en').querySelector('.source__age')?.textContent;
    const feed: SourceRow = { id: 'feed', group: 'feed', url: 'https://feed.example/feed.json', status: 'never', bundledAt: BUNDLED_AT };
    expect(age(feed)).toBe(t('sourceBundledInUse', t('sourceBundledUndated')));
    expect(age(feed)).not.toContain('2026');
  });

  test('a /cexs row whose figures the feed brought says they were fetched, never that they came with Reserve Radar', () => {
    const cexs: SourceRow = { id: 'cexs', group: 'cexs', url: 'https://api.llama.fi/cexs', status: 'never', bundledAt: BUNDLED_AT, bundledDays: AUG10, heldFetched: true };
    const age = (row: SourceRow, locale: string) => draw(row, locale).querySelector('.source__age')?.textContent;
    for (const { id: folder, tag } of LOCALES.map((entry) => ({ id: entry.id, tag: entry.id.replace('_', '-') }))) {
      const t = translateFrom(messages(folder));
      const dated = t('sourceBundledDay', [formatDate('2026-08-10', tag), formatAge('2026-08-10', now, tag, t)]);
      const part = age({ ...cexs, bundledExchanges: { count: 2, of: 28 } }, tag) ?? '';
      expect(part, folder).toBe(t('sourceFetchedInUsePart', [dated, '2', '28']));
      expect(part, folder).not.toContain(t('sourceBundledInUse', '').replace(/[\s:：]+$/u, ''));
      expect(age({ ...cexs, bundledExchanges: { count: 28, of: 28 } }, tag), folder).toBe(t('sourceFetchedInUse', dated));
    }
    expect(age({ ...cexs, bundledExchanges: { count: 2, of: 28 } }, 'en')).toBe(
      'Using the totals from Reserve Radar’s signed feed: figures as of Aug 10, 2026 (3 months ago), for only 2 of 28 exchanges',
    );
  });

  // The totals in use come only from the feed (the flag is set only once the feed has answered), so the row names it as the feed row does.
  test.each([
    ['en', 'signed feed'],
    ['de', 'signierten Feed'],
    ['es', 'feed firmado'],
    ['fr', 'flux signé'],
    ['pt_BR', 'feed assinado'],
    ['sv', 'signerade flöde'],
    ['tr', 'imzalı akış'],
    ['zh_CN', '签名数据源'],
  ])('%s: the fetched totals are said to come from the signed feed', (folder, feed) => {
    const t = translateFrom(messages(folder));
    for (const key of ['sourceFetchedInUse', 'sourceFetchedInUsePart', 'sourceFetchedInUsePartOne'] as const) expect(t(key, ['$1', '$2', '$3']), key).toContain(feed);
  });

  test("a row whose bundled figures cover only some exchanges says how many, in the language's plural; all covered, the plain sentence", () => {
    const cexs: SourceRow = { id: 'cexs', group: 'cexs', url: 'https://api.llama.fi/cexs', status: 'never', bundledAt: BUNDLED_AT, bundledDays: AUG10 };
    const age = (row: SourceRow, locale: string) => draw(row, locale).querySelector('.source__age')?.textContent;
    for (const [folder, locale] of [
      ['en', 'en'],
      ['de', 'de'],
      ['fr', 'fr'],
      ['zh_CN', 'zh-CN'],
      ['tr', 'tr'],
    ] as const) {
      const t = translateFrom(messages(folder));
      const dated = t('sourceBundledDay', [formatDate('2026-08-10', locale), formatAge('2026-08-10', now, locale, t)]);
      expect(age({ ...cexs, bundledExchanges: { count: 2, of: 28 } }, locale), locale).toBe(t('sourceBundledInUsePart', [dated, '2', '28']));
      expect(age({ ...cexs, bundledExchanges: { count: 28, of: 28 } }, locale), locale).toBe(t('sourceBundledInUse', dated));
    }
    expect(age({ ...cexs, bundledExchanges: { count: 2, of: 28 } }, 'en')).toBe('Using the data that came with Reserve Radar: figures as of Aug 10, 2026 (3 months ago), for only 2 of 28 exchanges');
    expect(age({ ...cexs, bundledExchanges: { count: 1, of: 28 } }, 'fr')).toContain('1 plateforme sur 28');
  });

  test('the per-exchange row claims the bundled data only when every exchange in it has bundled figures, over all their days', () => {
    const t = translateFrom(messages('en'));
    const member = (n: number, bundled: boolean, day = '2026-08-10'): SourceRow => ({
      id: `protocol:x${n}`,
      group: 'protocol',
      url: `https://api.llama.fi/protocol/x${n}`,
      exchangeId: `x${n}`,
      status: 'never',
      ...(bundled ? { bundledAt: BUNDLED_AT, bundledDays: { from: day, to: day } } : {}),
    });
    const age = (rows: SourceRow[]) => draw(rows, 'en').querySelector('.source__age')?.textContent;
    const on = (day: string) => [formatDate(day, 'en'), formatAge(day, now, 'en', t)];
    expect(age([member(1, true), member(2, true)])).toBe(t('sourceBundledInUse', t('sourceBundledDay', on('2026-08-10'))));
    expect(age([member(1, true), member(2, true, '2026-07-01')])).toBe(t('sourceBundledInUse', t('sourceBundledDays', [...on('2026-07-01'), ...on('2026-08-10')])));
    expect(age([member(1, true), { ...member(2, true), bundledDays: undefined } as unknown as SourceRow])).toBe(t('sourceBundledInUse', t('sourceBundledUndated')));
    expect(age([member(1, true), member(2, false)])).toBe(t('sourceLastSuccessAt', t('never')));
    expect(age([member(1, false), member(2, true)])).toBe(t('sourceLastSuccessAt', t('never')));
  });

  test('the per-exchange row says "all" when every exchange is at its state, and counts one in the language\'s singular', () => {
    const member = (n: number, status: SourceRow['status']): SourceRow => ({
      id: `protocol:x${n}`,
      group: 'protocol',
      url: `https://api.llama.fi/protocol/x${n}`,
      exchangeId: `x${n}`,
      status,
      bundledAt: BUNDLED_AT,
    });
    const count = (rows: SourceRow[], locale: string) => draw(rows, locale).querySelector('[data-testid="source-count"]')?.textContent;
    expect(count([member(1, 'never'), member(2, 'never'), member(3, 'never')], 'en')).toBe('all 3 exchanges');
    expect(count([member(1, 'failing'), member(2, 'fresh'), member(3, 'fresh')], 'fr')).toBe('1 plateforme sur 3');
    expect(count([member(1, 'failing'), member(2, 'failing'), member(3, 'fresh')], 'fr')).toBe('2 plateformes sur 3');
  });
});
