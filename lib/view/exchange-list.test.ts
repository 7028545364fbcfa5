import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import type { RiskGrade, RiskLevel } from '../risk/order';
import { buildExchangeView, type ExchangeView } from './exchange-view';
import { filterExchanges } from './exchange-list';

const now = new Date('2026-11-25T12:00:00Z');
const base = buildExchangeView({ exchange: getExchange('kraken')!, reserves: undefined, now });

function view(name: string, level: RiskLevel, grade: RiskGrade, incomplete: boolean): ExchangeView {
  return { ...base, id: name.toLowerCase(), name, homeDomain: `${name.toLowerCase()}.example`, verdict: { ...base.verdict, level, grade, incomplete } };
}

describe('filterExchanges, sorted by level', () => {
  test('danger first, then caution, then unknown, then ok; complete before incomplete, worse grade first, then by name', () => {
    const views = [
      view('Okay A', 'ok', 'A', false),
      view('Okay B', 'ok', 'B', false),
      view('Unknown', 'unknown', '?', true),
      view('Caution C incomplete', 'caution', 'C', true),
      view('Caution D incomplete', 'caution', 'D', true),
      view('Caution C', 'caution', 'C', false),
      view('Caution D', 'caution', 'D', false),
      view('Danger incomplete', 'danger', 'F', true),
      view('Danger', 'danger', 'F', false),
      view('Another unknown', 'unknown', '?', true),
    ];
    const sorted = filterExchanges({ views, query: '', sort: 'level' }).map((item) => item.name);
    expect(sorted).toEqual(['Danger', 'Danger incomplete', 'Caution D', 'Caution C', 'Caution D incomplete', 'Caution C incomplete', 'Another unknown', 'Unknown', 'Okay B', 'Okay A']);
  });

  test('an exchange we merely know little about never sits among the dangerous ones', () => {
    const views = [view('Unknown', 'unknown', '?', true), view('Collapsed', 'danger', 'F', false), view('Run', 'caution', 'D', false)];
    const sorted = filterExchanges({ views, query: '', sort: 'level' }).map((item) => item.name);
    expect(sorted).toEqual(['Collapsed', 'Run', 'Unknown']);
  });

  test('the order does not depend on the input order', () => {
    const views = [view('B', 'caution', 'C', true), view('A', 'caution', 'C', true), view('C', 'ok', 'A', false), view('D', 'danger', 'F', true)];
    const forward = filterExchanges({ views, query: '', sort: 'level' }).map((item) => item.name);
    const backward = filterExchanges({ views: [...views].reverse(), query: '', sort: 'level' }).map((item) => item.name);
    expect(forward).toEqual(['D', 'A', 'B', 'C']);
    expect(backward).toEqual(forward);
  });

  test('search still narrows the list before it is sorted', () => {
    const views = [view('Alpha', 'ok', 'A', false), view('Beta', 'danger', 'F', false), view('Alphabet', 'caution', 'C', true)];
    expect(filterExchanges({ views, query: 'alpha', sort: 'level' }).map((item) => item.name)).toEqual(['Alphabet', 'Alpha']);
  });
});

describe('filterExchanges, searched', () => {
  const views = [view('HTX (Huobi)', 'ok', 'A', false), view('Binance', 'ok', 'A', false), view('Bitstamp', 'ok', 'A', false)];
  const found = (query: string) => filterExchanges({ views, query, sort: 'level' }).map((item) => item.name);

  test('a query that is only blank is no query: every exchange is shown', () => {
    expect(found('')).toHaveLength(3);
    expect(found('  \t')).toHaveLength(3);
  });

  test('a query of letters no exchange has matches nothing, whatever its script: never every exchange', () => {
    // Chinese names are not in the registry: "no match" is the truth, "3 exchanges shown" was not.
    expect(found('火币')).toEqual([]);
    expect(found('币安')).toEqual([]);
    expect(found('Бинанс')).toEqual([]);
  });

  test('a query of punctuation alone matches nothing', () => {
    expect(found('...')).toEqual([]);
    expect(found('()')).toEqual([]);
  });

  test('case and accents are folded, Turkish dotless and dotted i included', () => {
    expect(found('Bınance')).toEqual(['Binance']);
    expect(found('BİNANCE')).toEqual(['Binance']);
    expect(found('bïnáncé')).toEqual(['Binance']);
    // Full-width letters, as a Chinese or Japanese keyboard may type them.
    expect(found('ｂｉｎａｎｃｅ')).toEqual(['Binance']);
    expect(found('HUOBI')).toEqual(['HTX (Huobi)']);
    // Punctuation and spaces in the query or the name do not count.
    expect(found('htx huobi')).toEqual(['HTX (Huobi)']);
  });

  test('letters of any script match a name written in that script', () => {
    const korean = { ...view('Upbit', 'ok', 'A', false), name: '업비트' };
    expect(filterExchanges({ views: [...views, korean], query: '업비', sort: 'level' }).map((item) => item.id)).toEqual(['upbit']);
  });
});
