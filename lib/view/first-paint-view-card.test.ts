import { describe, expect, test } from 'vitest';
import { getExchange } from '../exchanges/registry';
import { parseSettings } from '../settings';
import { bundledSnapshot } from '../reserves/snapshot';
import { buildExchangeView, type ExchangeView } from './exchange-view';
import { buildFirstPaintView, FIRST_PAINT_VALID_MS, firstPaintFor } from './first-paint-view';
import { buildFirstPaintCards, firstPaintCardFor } from './first-paint-view-card';

const now = Date.parse('2026-11-25T12:00:00Z');
const words = { locale: 'sv', messages: { close: { message: 'Stäng' } } };

function views(id: string) {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id}`);
  const reserves = bundledSnapshot().exchanges[id];
  const at = (time: number) => buildExchangeView({ exchange, reserves, now: new Date(time) });
  return { exchange, view: at(now), later: at(now + FIRST_PAINT_VALID_MS) };
}

function stored(settings: object = {}) {
  const all = ['ftx', 'kraken'].map(views);
  const parsed = parseSettings(settings);
  const paint = buildFirstPaintView({ ext: '1.2.3', now, settings: parsed, seen: {}, words: {}, exchanges: all.map(({ exchange, view, later }) => ({ view, later, domains: exchange.domains })) });
  const cards = buildFirstPaintCards({ ext: '1.2.3', now, settings: parsed, words, exchanges: all });
  // Through JSON, as storage keeps it.
  return { paint: JSON.parse(JSON.stringify(paint)) as unknown, cards: JSON.parse(JSON.stringify(cards)) as unknown };
}

function cardFor(host: string, { paint, cards }: { paint: unknown; cards: unknown }, at = now + 60_000, ext = '1.2.3') {
  // Another version's first paint is refused, and with it the card written in the same call.
  const first = firstPaintFor({ stored: paint, host, now: at, ext });
  return first === undefined ? undefined : firstPaintCardFor({ stored: cards, entry: first.entry, builtAt: first.builtAt, now: at });
}

describe('the stored card that opens by itself (issue 16)', () => {
  test('kept for a danger exchange only, with the card words, and stamped with the page’s own clock', () => {
    const both = stored();
    expect(Object.keys((both.cards as { cards: object }).cards)).toEqual(['ftx']);
    const card = cardFor('ftx.com', both);
    expect(card?.view.id).toBe('ftx');
    expect(card?.view.verdict.level).toBe('danger');
    // Every age the card shows counts from the page's load, never from when the view was built.
    expect(card?.view.computedAt).toBe(new Date(now + 60_000).toISOString());
    expect(card?.words).toEqual(words);
    expect(cardFor('www.kraken.com', both)).toBeUndefined();
  });

  test('none at all with "open the card on danger" off, and no words stored then', () => {
    const off = stored({ autoExpandOnDanger: false });
    expect(off.cards).toMatchObject({ cards: {} });
    expect(JSON.stringify(off.cards)).not.toContain('Stäng');
    expect(cardFor('ftx.com', off)).toBeUndefined();
  });

  test('refused from another version, another build of the first paint, for another exchange, or damaged', () => {
    const both = stored();
    expect(cardFor('ftx.com', both, now + 60_000, '9.9.9')).toBeUndefined();
    const cards = both.cards as { builtAt: number; cards: Record<string, { id: string; name: string; verdict: { grade: string } }>; words: unknown };
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, builtAt: cards.builtAt - 1 } })).toBeUndefined();
    const ftx = cards.cards.ftx;
    if (ftx === undefined) throw new Error('no ftx card');
    // A card whose face is not the pill's (another name, another grade) is not the pill's card.
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: { ...ftx, name: 'Other' } } } })).toBeUndefined();
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: { ...ftx, verdict: { ...ftx.verdict, grade: 'A' } } } } })).toBeUndefined();
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: { ...ftx, id: 'kraken' } } } })).toBeUndefined();
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, words: { locale: 7 } } })).toBeUndefined();
    for (const damaged of [null, 'x', [], { ...cards, v: 2 }, { ...cards, cards: [] }]) expect(cardFor('ftx.com', { ...both, cards: damaged })).toBeUndefined();
    // The card's own fields, made by the background with the view: a damaged copy is not drawn.
    const view = ftx as unknown as ExchangeView;
    const { cardOrder: _order, ...noOrder } = view;
    const { shares: _shares, ...noShares } = view;
    // A trend as another exchange's view carries it (the bundled FTX has no reports to trend).
    const trend = views('binance').view.porTrend;
    if (trend === undefined) throw new Error('no binance trend');
    const laterReasons = view.verdict.reasons.map((reason) => ({ ...reason, asOf: '2027-01-01' }));
    for (const card of [
      { ...view, cardOrder: [99] },
      { ...view, cardOrder: [-99] },
      { ...view, cardOrder: [0.5] },
      { ...view, cardOrder: '0' },
      noOrder,
      noShares,
      { ...view, shares: 'x' },
      { ...view, shares: { stablecoins: null, largest: {} } },
      { ...view, porTrend: { ...trend, series: trend.series.map(({ columns: _columns, ...series }) => series) } },
      // The same fingerprint field over other report dates: the fingerprint is the verdict's own.
      { ...view, verdict: { ...view.verdict, reasons: laterReasons } },
    ]) {
      expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: card } } })).toBeUndefined();
    }
    // The undamaged copy, through the same spread, is still drawn, and so is one with a whole trend.
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: { ...view } } } })?.view.id).toBe('ftx');
    expect(cardFor('ftx.com', { ...both, cards: { ...cards, cards: { ftx: { ...view, porTrend: trend } } } })?.view.porTrend).toEqual(trend);
  });

  test('left out when the card would change within the validity window (here: a report turning stale)', () => {
    const { view } = views('ftx');
    const changed = { ...view, verdict: { ...view.verdict, reasons: [...view.verdict.reasons].slice(1) } };
    const cards = buildFirstPaintCards({ ext: '1', now, settings: { autoExpandOnDanger: true }, words, exchanges: [{ view, later: changed }] });
    expect(cards.cards).toEqual({});
  });
});
