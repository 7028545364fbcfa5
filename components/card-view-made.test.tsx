import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import { listWarning } from '../lib/community/active-warning.testkit';
import { getExchange } from '../lib/exchanges/registry';
import type { ExchangeReserves } from '../lib/reserves/schema';
import { assetRank } from '../lib/risk/assets';
import { cardItems, type CardReason } from '../lib/view/card-order';
import { cardReasons } from '../lib/view/card-reasons';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { largestListedAsset, listedShare } from '../lib/view/listed-shares';
import { reasonText } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom } from '../utils/i18n';
import { ExchangeCard } from './ExchangeCard';
import { localeMessages } from '../utils/locale-files.testkit';

/**
 * The card's reason order, its listed shares, its ratio rows and its incidents' order are made
 * once, by whoever builds the view (the background for the exchange page), and every card draws
 * them from the view: the exchange page's script carries none of that code (its size budget;
 * tests/e2e/bundle.e2e.ts checks the built script).
 */

const now = new Date('2026-12-04T12:00:00Z');

const warning = (severity: ActiveWarning['severity'], title: string) => listWarning({ exchange: 'ftx', severity, title });

const binanceReserves: ExchangeReserves = {
  por: {
    method: 'merkle-liabilities',
    cadence: 'monthly',
    liabilitiesIncluded: true,
    reserveRatios: { USDT: 1.01, XRP: 0.97, BTC: 1.02 },
    asOf: '2026-11-01',
    checkedAt: '2026-12-03',
    source: 'https://www.binance.com/en/proof-of-reserves',
  },
  onchain: {
    totalUsd: 100_000_000_000,
    cleanUsd: 85_000_000_000,
    topTokens: [
      { symbol: 'BTC', usd: 40_000_000_000 },
      { symbol: 'USDT', usd: 20_000_000_000 },
      { symbol: 'BNB', usd: 15_000_000_000 },
    ],
    source: 'https://defillama.com/cex/binance',
    asOf: '2026-12-03',
  },
};

function viewOf(id: string, reserves?: ExchangeReserves, warnings: ActiveWarning[] = []): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return buildExchangeView({ exchange, reserves, now, warnings });
}

function draw(view: ExchangeView): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const t = translateFrom(localeMessages('en'));
  render(
    <I18nContext.Provider value={{ t, locale: 'en' }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  return root;
}

/** Every reason line the card draws, lead then details, as `metric` or `warning:<severity>`. */
const drawnOrder = (root: HTMLElement) =>
  [...root.querySelectorAll('ul.reasons > li')].map((item) => (item.getAttribute('data-kind') === 'warning' ? `warning:${item.getAttribute('data-effect')}` : item.getAttribute('data-metric')));

describe('the view carries what the card would otherwise compute', () => {
  test('the reason order: worst first, warnings by severity among the reasons, as indexes into the view’s own reasons and warnings, plain data', () => {
    const line = (item: CardReason) => (item.kind === 'warning' ? `warning:${item.warning.severity}` : item.reason.code);
    const lines = (view: ExchangeView) => [...cardItems(view).lead, ...cardItems(view).rest].map(line);
    const binance = viewOf('binance', binanceReserves);
    expect(binance.cardOrder).toEqual([2, 3, 0, 1, 4]);
    expect(lines(binance)).toEqual(['ratio-any', 'own-token.share', 'flow-7d.missing', 'flow-30d.missing', 'stablecoin.share']);
    const ftx = viewOf('ftx', undefined, [warning('info', 'note'), warning('caution', 'slow'), warning('danger', 'halted')]);
    expect(ftx.cardOrder).toEqual([~2, ~1, 1, 2, 3, 4, ~0]);
    expect(lines(ftx)).toEqual(['warning:danger', 'warning:caution', 'por.missing', 'onchain.missing', 'flow-7d.missing', 'flow-30d.missing', 'warning:info']);
    const kraken = viewOf('kraken');
    expect(lines(kraken)).toEqual(['por.missing', 'onchain.missing', 'flow-7d.missing', 'flow-30d.missing']);
    for (const view of [binance, ftx, kraken]) {
      // The card's split is the ranking's: three lead, the rest in the details.
      expect(cardItems(view)).toEqual(cardReasons({ view }));
      // It crosses the message channel and storage unchanged.
      expect(JSON.parse(JSON.stringify(view)).cardOrder).toEqual(view.cardOrder);
    }
  });

  test('the listed shares, the ratio rows in asset order and the incidents newest first', () => {
    const view = viewOf('binance', binanceReserves);
    const concentration = view.verdict.metrics.concentration;
    expect(view.shares).toEqual({ stablecoins: listedShare(concentration, concentration?.stablecoinShare), largest: largestListedAsset(concentration) });
    expect(view.porRatios?.map(([asset]) => asset)).toEqual(['BTC', 'USDT', 'XRP']);
    expect(view.porRatios?.map(([asset]) => assetRank(asset))).toEqual([...(view.porRatios ?? [])].map(([asset]) => assetRank(asset)).sort((a, b) => a - b));
    // The registry lists Binance's incidents oldest first.
    expect(getExchange('binance')?.incidents?.map((incident) => incident.date)).toEqual(['2019-05-07', '2023-11-21']);
    expect(view.incidents.map((incident) => incident.date)).toEqual(['2023-11-21', '2019-05-07']);
  });
});

describe('the card draws them from the view, computing none of them', () => {
  test('it lists the reasons in the view’s order', () => {
    const view = viewOf('ftx', undefined, [warning('caution', 'slow'), warning('danger', 'halted')]);
    expect(view.cardOrder.length).toBeGreaterThan(3);
    const ranked = drawnOrder(draw(view));
    expect(ranked).toHaveLength(view.cardOrder.length);
    // Another order in the view is drawn as given: the card ranks nothing itself.
    const reversed = drawnOrder(draw({ ...view, cardOrder: [...view.cardOrder].reverse() }));
    expect(reversed).toEqual([...ranked].reverse());
  });

  test('its ratio table, share bars and incidents follow the view’s rows', () => {
    const view = viewOf('binance', binanceReserves);
    const rows = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="card-ratios"] th')].map((cell) => cell.textContent);
    expect(rows(draw(view))).toEqual(['BTC', 'USDT', 'XRP']);
    expect(rows(draw({ ...view, porRatios: [...(view.porRatios ?? [])].reverse() }))).toEqual(['XRP', 'USDT', 'BTC']);
    const largest = (root: HTMLElement) => root.querySelector('[data-testid="bar-top-asset"] .bar__label span')?.textContent;
    expect(largest(draw(view))).toContain('BTC');
    expect(largest(draw({ ...view, shares: { ...view.shares, largest: { share: 0.5, floor: false, symbol: 'ZZZ' } } }))).toContain('ZZZ');
    const dates = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="card-incidents"] time')].map((time) => time.getAttribute('datetime'));
    expect(dates(draw(view))).toEqual(['2023-11-21', '2019-05-07']);
    expect(dates(draw({ ...view, incidents: [...view.incidents].reverse() }))).toEqual(['2019-05-07', '2023-11-21']);
  });

  test('its trend table has the columns the view gives: liabilities only in a middle report still get theirs', () => {
    const source = 'https://www.binance.com/en/proof-of-reserves';
    const porHistory = [
      { asOf: '2026-11-01', source, reserveRatios: { BTC: 1.02 } },
      { asOf: '2026-10-01', source, reserveRatios: { BTC: 1.03 }, customerLiabilities: { BTC: 590_000 } },
      { asOf: '2026-09-01', source, reserveRatios: { BTC: 1.04 } },
    ];
    const view = viewOf('binance', { ...binanceReserves, porHistory });
    const table = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="card-por-trend"] [data-asset="BTC"] tr')].map((row) => [...row.children].map((cell) => cell.textContent));
    // The last column is each report's own source: one address for all three, so only the newest links it (the page
    // serves the latest report).
    expect(table(draw(view))).toEqual([
      ['Report', 'Reserve ratio', 'Customer liabilities', 'Source'],
      ['Nov 1, 2026', '102%', 'Unknown', 'binance.com'],
      ['Oct 1, 2026', '103%', '590,000', ''],
      ['Sep 1, 2026', '104%', 'Unknown', ''],
    ]);
    const trend = view.porTrend;
    if (trend === undefined) throw new Error('no trend in the view');
    const ratioOnly = { ...trend, series: trend.series.map((series) => ({ ...series, columns: { ratio: true, liabilities: false } })) };
    expect(table(draw({ ...view, porTrend: ratioOnly }))).toEqual([
      ['Report', 'Reserve ratio', 'Source'],
      ['Nov 1, 2026', '102%', 'binance.com'],
      ['Oct 1, 2026', '103%', ''],
      ['Sep 1, 2026', '104%', ''],
    ]);
  });
});
