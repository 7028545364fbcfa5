import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { groupSources } from '../../lib/view/source-groups';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import type { SourceRow } from '../Options';
import { SourceItem } from './SourceItem';

const now = new Date('2026-12-05T12:00:00Z');
const messages = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;

function draw(row: SourceRow, locale: string): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><ul id="root"></ul></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const [group] = groupSources([row]);
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale)), locale }}>
      <SourceItem group={group!} exchangeNames={{}} now={now} />
    </I18nContext.Provider>,
    root,
  );
  return root;
}

const base = { id: 'own-token-prices', label: 'DefiLlama coins /chart', group: 'own-token-prices', url: 'https://coins.llama.fi/chart/coingecko:binancecoin', status: 'failing' } as const;

describe('SourceItem', () => {
  afterEach(() => vi.unstubAllGlobals());

  test("a refused answer is worded in the reader's language, with its figures", () => {
    const row: SourceRow = { ...base, lastAnswerFailure: { answer: 'no-price', skipped: [{ symbol: 'BNB', problem: 'missing' }] } };
    const t = translateFrom(messages('sv'));
    const error = draw(row, 'sv').querySelector('.source__error');
    expect(error?.textContent).toBe(t('answerFailNoPrice', t('answerSkipMissing', 'BNB')));
    expect(error?.textContent).toContain('BNB');
  });

  test("an unreachable host is said in the reader's words; the browser's English error text only in the details, marked as English", () => {
    const row: SourceRow = {
      ...base,
      id: 'feed',
      group: 'feed',
      url: 'https://reserve-radar.github.io/feed.json',
      lastFetchFailure: { reason: 'network', host: 'reserve-radar.github.io', stage: 'connect', detail: 'Failed to fetch' },
    };
    const root = draw(row, 'de');
    expect(root.querySelector('.source__error')?.textContent).toBe('reserve-radar.github.io war nicht erreichbar');
    expect(root.querySelector('summary')?.textContent).not.toContain('Failed to fetch');
    const detail = root.querySelector('[data-testid="source-detail"]');
    expect(detail?.previousElementSibling?.textContent).toBe(translateFrom(messages('de'))('sourceTechnicalDetail'));
    expect(detail?.querySelector('[lang="en"]')?.textContent).toBe('Failed to fetch');
    // Data kept in English says so in the reader's words, as every such text does (SourceWords).
    expect(detail?.querySelector('[data-source-words] .source-words__label')?.textContent).toBe(translateFrom(messages('de'))('dataNotTranslated'));
  });

  test("a feed that could not be checked is said in the reader's words; the English reason only in the details, marked as English", () => {
    const why = 'Could not establish connection. Receiving end does not exist.';
    const row: SourceRow = { ...base, id: 'feed', group: 'feed', url: 'https://reserve-radar.github.io/feed.json', lastFeedFailure: { code: 'unchecked', why } };
    const root = draw(row, 'de');
    expect(root.querySelector('.source__error')?.textContent).toBe(translateFrom(messages('de'))('feedFailUnchecked'));
    expect(root.querySelector('summary')?.textContent).not.toContain(why);
    const detail = root.querySelector('[data-testid="source-detail"]');
    expect(detail?.previousElementSibling?.textContent).toBe(translateFrom(messages('de'))('sourceTechnicalDetail'));
    expect(detail?.querySelector('[lang="en"]')?.textContent).toBe(why);
  });

  test('a row without a failure code shows no sentence', () => {
    const root = draw({ ...base }, 'de');
    expect(root.querySelector('[data-testid="source-row"]')?.getAttribute('data-status')).toBe('failing');
    expect(root.querySelector('.source__error')).toBeNull();
  });
});
