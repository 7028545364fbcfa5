import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeWarnings, type SubscribedList } from './active-warnings';
import type { WarningEntry, WarningList } from './warning-list';

function entry(overrides: Partial<WarningEntry>): WarningEntry {
  return {
    exchange: 'binance',
    severity: 'info',
    title: 'A note',
    body: 'Body text.',
    sources: ['https://example.org/'],
    published: '2026-11-01T00:00:00Z',
    expires: '2027-01-01T00:00:00Z',
    ...overrides,
  };
}

function list(name: string, entries: WarningEntry[], expires = '2026-12-31T00:00:00Z', host = 'lists.example.org'): SubscribedList {
  const held: WarningList = { name, sequence: 3, issued: '2026-11-01T00:00:00Z', expires, entries };
  return { list: held, host };
}

const now = new Date('2026-11-25T10:00:00Z');

describe('activeWarnings', () => {
  it('returns only the exchange’s in-date warnings, attributed to their list, danger first then newest first', () => {
    const a = list('List A', [
      entry({ title: 'old info' }),
      entry({ title: 'caution', severity: 'caution' }),
      entry({ title: 'other exchange', exchange: 'kraken', severity: 'danger' }),
      entry({ title: 'not yet', severity: 'danger', published: '2026-11-26T00:00:00Z' }),
      entry({ title: 'over', severity: 'danger', expires: '2026-11-25T10:00:00Z' }),
      entry({ title: 'new info', published: '2026-11-20T00:00:00Z' }),
    ]);
    const b = list('List B', [entry({ title: 'danger from B', severity: 'danger' })], undefined, 'b.example:8443');
    const result = activeWarnings({ lists: [a, b], exchangeId: 'binance', now });
    expect(result.map((warning) => [warning.title, warning.listName])).toEqual([
      ['danger from B', 'List B'],
      ['caution', 'List A'],
      ['new info', 'List A'],
      ['old info', 'List A'],
    ]);
    expect(result[0]).toMatchObject({ listSequence: 3, listHost: 'b.example:8443', severity: 'danger', sources: ['https://example.org/'] });
    expect(result[1]).toMatchObject({ listName: 'List A', listHost: 'lists.example.org' });
  });

  it('carries the list’s language with each warning, and none when the list says none', () => {
    const german: SubscribedList = { ...list('Deutsch', [entry({ title: 'Auszahlungen gestoppt' })]), list: { ...list('Deutsch', [entry({ title: 'Auszahlungen gestoppt' })]).list, lang: 'de' } };
    const [said] = activeWarnings({ lists: [german], exchangeId: 'binance', now });
    expect(said?.listLang).toBe('de');
    const [unsaid] = activeWarnings({ lists: [list('No tag', [entry({})])], exchangeId: 'binance', now });
    expect(unsaid).not.toHaveProperty('listLang');
  });

  it('shows nothing from a list that has expired, even if its entries have not', () => {
    const expired = list('Stale', [entry({ severity: 'danger' })], '2026-11-25T09:59:59Z');
    expect(activeWarnings({ lists: [expired], exchangeId: 'binance', now })).toEqual([]);
  });

  it('returns copies: changing the result does not change the held list', () => {
    const held = list('A', [entry({})]);
    const [warning] = activeWarnings({ lists: [held], exchangeId: 'binance', now });
    warning!.sources.push('https://changed.example/');
    expect(held.list.entries[0]!.sources).toEqual(['https://example.org/']);
  });

  it('is sorted by severity whatever the input order', () => {
    const severity = fc.constantFrom('info' as const, 'caution' as const, 'danger' as const);
    fc.assert(
      fc.property(fc.array(severity, { maxLength: 20 }), (severities) => {
        const result = activeWarnings({
          lists: [
            list(
              'L',
              severities.map((s) => entry({ severity: s })),
            ),
          ],
          exchangeId: 'binance',
          now,
        });
        const rank = { danger: 0, caution: 1, info: 2 };
        expect(result).toHaveLength(severities.length);
        for (let i = 1; i < result.length; i += 1) expect(rank[result[i - 1]!.severity]).toBeLessThanOrEqual(rank[result[i]!.severity]);
      }),
    );
  });
});
