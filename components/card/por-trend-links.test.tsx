import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { exchanges, getExchange } from '../../lib/exchanges/registry';
import { buildFeedSnapshot } from '../../lib/feed/build';
import type { ReviewedFile } from '../../lib/feed/reviewed';
import type { PorReport } from '../../lib/reserves/schema';
import { bundledSnapshot, parseSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import { formatDate, sourceSite } from '../../lib/words/format';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { page } from '../test-dom';

/**
 * Every figure in the trend table carries its own report's source: each row's date links that
 * report, so an older figure can be checked where it was published. An address that a newer kept
 * report shares serves that newer report (a "latest" page or API), so only the newest row using it
 * links it; an undated report never appears in the trend with the day that only orders it.
 */

const now = new Date('2026-12-04T12:00:00Z');
const locales = ['en', 'fr', 'de', 'es', 'pt_BR', 'tr', 'sv', 'zh_CN'];

function messages(locale: string): Messages {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/** Gate's bundled record (data/snapshot.json), newest first; some addresses serve whichever report is newest. */
const gateReports: PorReport[] = bundledSnapshot().exchanges.gate?.porHistory ?? [];

/** The address a row may link: its report's, unless a newer report in `history` (newest first) has the same one. */
const ownAddress = (history: readonly PorReport[], asOf: string) => {
  const index = history.findIndex((report) => report.asOf === asOf);
  const source = history[index]?.source ?? '';
  return history.slice(0, index).some((newer) => newer.source === source) ? null : source;
};

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

/**
 * Each trend row of `asset`: its header's text (the date alone, so a screen reader names the row by it) and, when
 * the row has a link, the link's address, accessible name, text, target and rel.
 */
function rows(root: HTMLElement, asset: string) {
  return [...root.querySelectorAll(`[data-testid="card-por-trend"] [data-asset="${asset}"] tbody tr`)].map((row) => {
    const link = row.querySelector('a');
    return {
      date: row.querySelector('th')?.textContent,
      link: link && { href: link.getAttribute('href'), name: link.getAttribute('aria-label'), text: link.textContent, target: link.getAttribute('target'), rel: link.getAttribute('rel') },
    };
  });
}

describe('the trend’s rows link their own reports', () => {
  test('Gate: a row’s date links its report’s page only when no newer report shares the address, opened as the card’s other sources are, each link named by its site in its own cell', () => {
    const view = gate();
    const series = view.porTrend?.series ?? [];
    expect(series.length).toBeGreaterThan(0);
    const root = draw(view);
    for (const { asset, points } of series) {
      const expected = [...points].reverse().map((point) => {
        const href = ownAddress(gateReports, point.asOf);
        return { date: formatDate(point.asOf, 'en'), link: href && { href, name: `Source: ${sourceSite(href)}`, text: sourceSite(href), target: '_blank', rel: 'noreferrer noopener' } };
      });
      expect(rows(root, asset)).toEqual(expected);
    }
    const links = [...root.querySelectorAll('[data-testid="card-por-trend"] tbody a')];
    const linkedDays = new Set(series.flatMap((entry) => entry.points.flatMap((point) => (ownAddress(gateReports, point.asOf) === null ? [] : [point.asOf]))));
    expect(root.querySelectorAll('[data-testid="card-por-trend"] th a')).toHaveLength(0);
    // One address, one day: no link opens a report other than the one its row shows.
    expect(new Set(links.map((link) => link.getAttribute('href'))).size).toBe(linkedDays.size);
  });

  test('reports that all share one address: only the newest row links it', () => {
    const latest = 'https://www.gate.io/api/web/v1/bill/audit/lastSnapshot';
    const view = gate((history) => history.map((report) => ({ ...report, source: latest })));
    const root = draw(view);
    const newest = formatDate(gateReports[0]?.asOf ?? '', 'en');
    const all = (view.porTrend?.series ?? []).flatMap(({ asset }) => rows(root, asset));
    expect(all.length).toBeGreaterThan(1);
    for (const row of all) expect(row.link?.href ?? null).toBe(row.date === newest ? latest : null);
  });

  test('Gate’s reviewed file with its newest report marked undated: the trend neither shows nor links that day', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/por/gate.json'), 'utf8')) as ReviewedFile;
    const [first, ...rest] = file.reports;
    if (first === undefined) throw new Error('no report in data/por/gate.json');
    const { snapshot } = buildFeedSnapshot({ exchanges, reviewed: [{ ...file, reports: [{ ...first, undated: true }, ...rest] }], now });
    expect(parseSnapshot(snapshot).ok).toBe(true);
    const reserves = snapshot.exchanges.gate;
    expect(reserves?.por?.undated).toBe(true);
    expect(reserves?.porHistory?.map((report) => report.asOf)).not.toContain(first.asOf);
    const exchange = getExchange('gate');
    if (exchange === undefined) throw new Error('no gate in the registry');
    const view = buildExchangeView({ exchange, reserves, now });
    expect(view.porTrend?.series.length ?? 0).toBeGreaterThan(0);
    const trend = draw(view).querySelector('[data-testid="card-por-trend"]');
    expect(trend?.textContent).not.toContain(formatDate(first.asOf, 'en'));
    expect(trend?.querySelector(`time[datetime="${first.asOf}"]`)).toBeNull();
  });

  test.each(locales)('%s: each link’s name says it is the source and holds the site it shows', (locale) => {
    const t = translateFrom(messages(locale));
    const root = draw(gate(), locale);
    const links = [...root.querySelectorAll('[data-testid="card-por-trend"] tbody a')];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.getAttribute('aria-label')).toBe(t('sourceLabel', link.textContent ?? ''));
  });

  test.each([
    ['javascript:alert(1)'],
    ["javascript:alert('https://x')"],
    ['http://www.gate.io/proof-of-reserves'],
    ['HTTPS://www.gate.io/proof-of-reserves'],
    ['data:text/html,<b>x</b>'],
    [' javascript:alert(1)'],
    ['ftp://www.gate.io/proof-of-reserves'],
    ['not a url'],
    [''],
  ])('a report whose source is %j: its row shows the date without a link; the others keep theirs', (bad) => {
    const view = gate((history) => history.map((report, index) => (index === 1 ? { ...report, source: bad } : report)));
    const badDay = gateReports[1]?.asOf;
    const root = draw(view);
    const all = (view.porTrend?.series ?? []).flatMap(({ asset }) => rows(root, asset));
    const unlinked = all.filter((row) => row.date === formatDate(badDay ?? '', 'en'));
    expect(unlinked.length).toBeGreaterThan(0);
    for (const row of unlinked) expect(row.link).toBeNull();
    const edited = view.porHistory ?? [];
    const others = all.filter((row) => row.date !== formatDate(badDay ?? '', 'en'));
    const expected = others.map((row) => ownAddress(edited, edited.find((report) => formatDate(report.asOf, 'en') === row.date)?.asOf ?? ''));
    expect(others.map((row) => row.link?.href ?? null)).toEqual(expected);
    expect(root.innerHTML).not.toContain(bad === '' ? 'href=""' : `href="${bad}`);
  });
});
