import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import type { PorReport } from '../../lib/reserves/schema';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import { formatDate } from '../../lib/words/format';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { page } from '../test-dom';

/**
 * Every figure in the trend table carries its own report's source: each row's date links that
 * report, so an older figure can be checked where it was published.
 */

const now = new Date('2026-12-04T12:00:00Z');
const locales = ['en', 'fr', 'de', 'es', 'pt_BR', 'tr', 'sv', 'zh_CN'];

function messages(locale: string): Messages {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/** Gate's bundled record (data/snapshot.json): five kept reports from four addresses. */
const gateReports: PorReport[] = bundledSnapshot().exchanges.gate?.porHistory ?? [];

/** Gate's bundled record; `edit` changes its kept reports. */
function gate(edit: (history: PorReport[]) => PorReport[] = (history) => history): ExchangeView {
  const exchange = getExchange('gate');
  if (exchange === undefined) throw new Error('no gate in the registry');
  return buildExchangeView({ exchange, reserves: { ...bundledSnapshot().exchanges.gate, porHistory: edit([...gateReports]) }, now });
}

function draw(view: ExchangeView, locale = 'en') {
  const { root } = page();
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale)), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  return root;
}

/** Each trend row of `asset`: its date's text and, when it is a link, the link's address, accessible name, target and rel. */
function rows(root: HTMLElement, asset: string) {
  return [...root.querySelectorAll(`[data-testid="card-por-trend"] [data-asset="${asset}"] tbody th`)].map((cell) => {
    const link = cell.querySelector('a');
    return { date: cell.textContent, link: link && { href: link.getAttribute('href'), name: link.getAttribute('aria-label'), target: link.getAttribute('target'), rel: link.getAttribute('rel') } };
  });
}

describe('the trend’s rows link their own reports', () => {
  test('Gate: each row’s date links that report’s page, opened as the card’s other sources are, each link named by its date', () => {
    const view = gate();
    expect(gateReports).toHaveLength(5);
    const series = view.porTrend?.series ?? [];
    expect(series.length).toBeGreaterThan(0);
    const root = draw(view);
    for (const { asset, points } of series) {
      const expected = [...points].reverse().map((point) => ({
        date: formatDate(point.asOf, 'en'),
        link: { href: gateReports.find((report) => report.asOf === point.asOf)?.source ?? '', name: `Source: ${formatDate(point.asOf, 'en')}`, target: '_blank', rel: 'noreferrer noopener' },
      }));
      expect(rows(root, asset)).toEqual(expected);
    }
    const names = [...root.querySelectorAll('[data-testid="card-por-trend"] tbody a')].map((link) => link.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(new Set(series.flatMap((entry) => entry.points.map((point) => point.asOf))).size);
    expect(new Set([...root.querySelectorAll('[data-testid="card-por-trend"] tbody a')].map((link) => link.getAttribute('href'))).size).toBe(new Set(gateReports.map((report) => report.source)).size);
  });

  test.each(locales)('%s: each link’s name says it is the source and holds the date it shows', (locale) => {
    const t = translateFrom(messages(locale));
    const root = draw(gate(), locale);
    const links = [...root.querySelectorAll('[data-testid="card-por-trend"] tbody a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('aria-label')).toBe(t('sourceLabel', link.textContent ?? ''));
  });

  test.each([['javascript:alert(1)'], ['data:text/html,<b>x</b>'], [' javascript:alert(1)'], ['ftp://www.gate.io/proof-of-reserves'], ['not a url'], ['']])(
    'a report whose source is %j: its row shows the date without a link; the others keep theirs',
    (bad) => {
      const view = gate((history) => history.map((report, index) => (index === 1 ? { ...report, source: bad } : report)));
      const badDay = gateReports[1]?.asOf;
      const root = draw(view);
      const all = (view.porTrend?.series ?? []).flatMap(({ asset }) => rows(root, asset));
      const unlinked = all.filter((row) => row.date === formatDate(badDay ?? '', 'en'));
      expect(unlinked.length).toBeGreaterThan(0);
      for (const row of unlinked) expect(row.link).toBeNull();
      expect(all.filter((row) => row.link !== null).length).toBe(all.length - unlinked.length);
      expect(root.innerHTML).not.toContain(bad === '' ? 'href=""' : `href="${bad}`);
    },
  );
});
