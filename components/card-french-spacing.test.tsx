import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import type { ExchangeReserves } from '../lib/reserves/schema';
import { bundledSnapshot } from '../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { frenchSpacingProblems } from '../lib/words/french-spacing.testkit';
import { reasonText } from '../lib/words/reason-text';
import { ExchangeCard } from './ExchangeCard';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../utils/i18n';

// The card joins labels, dates and values in code (a collapse's date and history, an incident's date
// and summary, a share bar's name, two dates of one reason): in French those joins follow the rule
// of the French messages (lib/words/french-spacing.testkit.ts).

const now = new Date('2026-12-04T12:00:00Z');
const french = JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/fr/messages.json'), 'utf8')) as Messages;

afterEach(() => {
  vi.unstubAllGlobals();
});

function viewOf(id: string, reserves: ExchangeReserves | undefined = bundledSnapshot().exchanges[id]): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return buildExchangeView({ exchange, reserves, now });
}

/** The card's own French: every block's text and every accessible name, the data it quotes in English left out. */
function frenchWords(view: ExchangeView): string[] {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(french), locale: 'fr' }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  for (const english of root.querySelectorAll('[data-source-words] [lang]')) english.textContent = 'x';
  const blocks = [...root.querySelectorAll('p, li, summary, h2, h3, h4, dt, dd, th, td')].map((block) => block.textContent ?? '');
  const names = [...root.querySelectorAll('[aria-label], [title]')].flatMap((element) => [element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '']);
  return [...blocks, ...names].filter((text) => text.trim() !== '');
}

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
