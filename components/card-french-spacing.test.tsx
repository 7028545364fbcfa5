import { afterEach, expect, test, vi } from 'vitest';
import type { ExchangeReserves } from '../lib/reserves/schema';
import type { ExchangeView } from '../lib/view/exchange-view';
import { frenchSpacingProblems } from '../lib/words/french-spacing.testkit';
import { cardWords } from './card-words.testkit';
import { localeSurfaces } from './locale-surfaces.testkit';

// The card joins labels, dates and values in code (a collapse's date and history, an incident's date
// and summary, a share bar's name, two dates of one reason): in French those joins follow the rule
// of the French messages (lib/words/french-spacing.testkit.ts).

const fr = localeSurfaces('fr');

afterEach(() => {
  vi.unstubAllGlobals();
});

const viewOf = (id: string, reserves?: ExchangeReserves) => fr.viewOf(id, { reserves });

/** The card's own French, the data it quotes left out. */
const frenchWords = (view: ExchangeView) => cardWords(view, { messages: fr.messages, locale: fr.locale, quoted: '[lang]' });

/** HTX with its lead share from two DefiLlama answers: the reason gives both dates, joined. */
const HTX_SPLIT: ExchangeReserves = {
  onchain: {
    totalUsd: 1_000_000_000,
    cleanUsd: 950_000_000,
    topTokens: [
      { symbol: 'TRX', usd: 300_000_000 },
      { symbol: 'BTC', usd: 250_000_000 },
      { symbol: 'USDT', usd: 200_000_000 },
    ],
    source: 'https://api.llama.fi/cexs',
    asOf: '2026-12-03',
    breakdownAsOf: '2026-11-28',
    breakdownSource: 'https://api.llama.fi/protocol/htx',
  },
};

test.each([
  ['ftx', viewOf('ftx')],
  ['binance', viewOf('binance')],
  ['htx, two dates in one reason', viewOf('htx', HTX_SPLIT)],
])('French card for %s: every join keeps its mark on the line of the word before it', (_, view) => {
  const words = frenchWords(view);
  expect(words.length).toBeGreaterThan(5);
  for (const text of words) expect(frenchSpacingProblems(text), text).toEqual([]);
});
