import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../lib/exchanges/registry';
import type { ExchangeReserves } from '../lib/reserves/schema';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { ExchangeCard } from './ExchangeCard';
import { I18nContext, ReasonWordsContext, ReasonWordsWaitContext, translateFrom, type ReasonWordsWait } from '../utils/i18n';
import { reasonText, withReasonWords } from '../lib/words/reason-text';
import { localeMessages } from '../utils/locale-files.testkit';

const now = new Date('2026-12-04T12:00:00Z');
const POR_PAGE = 'https://www.binance.com/en/proof-of-reserves';

/** `wordedBy: 'page'` draws as the extension's pages do (they word reasons themselves); `'background'` as the exchange page does. */
function draw(view: ExchangeView, locale = 'en', wordedBy: 'page' | 'background' = 'page'): HTMLElement {
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  const t = translateFrom(localeMessages(locale));
  render(
    <I18nContext.Provider value={{ t, locale }}>
      {wordedBy === 'page' ? (
        <ReasonWordsContext.Provider value={reasonText}>
          <ExchangeCard view={view} />
        </ReasonWordsContext.Provider>
      ) : (
        <ExchangeCard view={withReasonWords(view, t, locale, now)} />
      )}
    </I18nContext.Provider>,
    root,
  );
  return root;
}

/** Binance's view for a monthly report that describes `asOf` and that we last confirmed on `checkedAt`. */
function binance(asOf: string, checkedAt: string, extra: Pick<ExchangeView, 'porHistory' | 'porCheck'> = {}, more: Omit<ExchangeReserves, 'por'> = {}): ExchangeView {
  const exchange = getExchange('binance');
  if (exchange === undefined) throw new Error('no binance in the registry');
  const reserves: ExchangeReserves = {
    por: { method: 'merkle-liabilities', cadence: 'monthly', liabilitiesIncluded: true, reserveRatios: { BTC: 1.02, USDT: 1.01 }, asOf, checkedAt, source: POR_PAGE },
    ...extra,
    ...more,
  };
  return buildExchangeView({ exchange, reserves, now });
}

/**
 * A real caution beside our old copy: fresh on-chain figures with BNB at 12 % of assets (over the
 * 10 % own-token line). Missing figures alone are unknown, not caution, so without a finding like
 * this the chip would read "Unknown", not "Caution · incomplete".
 */
const bnbHeavy: Omit<ExchangeReserves, 'por'> = {
  onchain: { totalUsd: 100_000_000_000, cleanUsd: 88_000_000_000, source: 'https://defillama.com/cex/binance', asOf: '2026-12-03' },
};

const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

describe('ExchangeCard: the proof-of-reserves section', () => {
  test('an old copy of ours: "Caution · incomplete", the report’s date and "not checked since", not the exchange’s delay', () => {
    const view = binance('2026-04-01', '2026-04-03', {}, bnbHeavy);
    expect(view.verdict).toMatchObject({ level: 'caution', incomplete: true });
    // The caution is BNB's share; our old copy is a missing figure, never the exchange's delay.
    expect(view.verdict.reasons.find((reason) => reason.metric === 'por.checked')?.effect).toBe('unknown');
    expect(view.verdict.reasons.some((reason) => reason.metric === 'por.age-days')).toBe(false);
    const root = draw(view);
    expect(text(root, 'level-chip')).toContain('Caution · incomplete');
    expect(text(root, 'card-por-describes')).toBe('Report describes Apr 1, 2026');
    expect(text(root, 'card-por-checked')).toBe('not checked since Apr 3, 2026');
    expect(root.querySelector('[data-testid="card-por-checked"]')?.getAttribute('datetime')).toBe('2026-04-03');
  });

  test('a report found overdue by a check that is itself old: "not checked since", our gap, not the exchange’s delay', () => {
    // Overdue (104 days old) when we checked on Apr 15; that check is 233 days old now.
    const view = binance('2026-01-01', '2026-04-15');
    expect(view.verdict.reasons.some((reason) => reason.code === 'por.overdue')).toBe(false);
    expect(view.verdict.reasons.find((reason) => reason.metric === 'por.checked')).toMatchObject({ code: 'por.unchecked', effect: 'unknown' });
    const root = draw(view);
    expect(text(root, 'card-por-checked')).toBe('not checked since Apr 15, 2026');
    expect(root.querySelector('[data-testid="card-por-checked"]')?.getAttribute('data-late')).toBe('us');
  });

  test('a recent check of an old report: both dates, and "checked" without "not"', () => {
    const root = draw(binance('2026-11-01', '2026-12-03'));
    expect(text(root, 'card-por-describes')).toBe('Report describes Nov 1, 2026');
    expect(text(root, 'card-por-checked')).toBe('checked Dec 3, 2026');
    expect(root.querySelector('[data-testid="card-por-checked"]')?.getAttribute('data-late')).toBeNull();
  });

  test("on the exchange page, whose script has no wording code, the reasons are the background's words, the same as a page words them", () => {
    const reasons = (root: HTMLElement) => [...root.querySelectorAll('li[data-metric]')].map((item) => item.textContent?.trim() ?? '');
    for (const locale of ['en', 'sv']) {
      const view = binance('2026-04-01', '2026-04-03', {}, bnbHeavy);
      const byPage = reasons(draw(view, locale, 'page'));
      expect(byPage.length).toBeGreaterThan(0);
      expect(byPage.every((line) => line.length > 20)).toBe(true);
      expect(reasons(draw(view, locale, 'background'))).toEqual(byPage);
    }
  });

  test('in Swedish', () => {
    const root = draw(binance('2026-04-01', '2026-04-03', {}, bnbHeavy), 'sv');
    expect(text(root, 'card-por-describes')).toMatch(/^Rapporten avser 1 apr\.? 2026$/);
    expect(text(root, 'card-por-checked')).toMatch(/^ingen kontroll sedan 3 apr\.? 2026$/);
    expect(text(root, 'level-chip')).toContain('ofullständig');
  });

  test('source links name their site, and their accessible name says they are sources', () => {
    const root = draw(binance('2026-11-01', '2026-12-03'));
    const links = [...root.querySelectorAll('[data-testid="source-link"]')];
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) {
      const site = new URL(link.getAttribute('href') ?? '').hostname.replace(/^www\./, '');
      expect(link.textContent).toBe(site);
      expect(link.getAttribute('aria-label')).toBe(`Source: ${site}`);
    }
    expect(root.textContent).not.toMatch(/\bSource\b/);
    expect(text(root, 'card-por-dates')).toMatch(/^binance\.com · Report describes/);
  });

  test('two or more kept reports give a trend: each major asset’s ratio and customer liabilities, each value with its date', () => {
    const porHistory = [
      { asOf: '2026-11-01', source: POR_PAGE, reserveRatios: { BTC: 0.995, USDT: 1.01 }, customerLiabilities: { BTC: 600_000, USDT: 2.1e10 } },
      { asOf: '2026-10-01', source: POR_PAGE, reserveRatios: { BTC: 1.02, USDT: 1.02 }, customerLiabilities: { BTC: 593_112, USDT: 2e10 } },
    ];
    const root = draw(binance('2026-11-01', '2026-12-03', { porHistory }));
    const trend = root.querySelector('[data-testid="card-por-trend"]');
    expect(trend?.querySelector('.por-subheading')?.textContent).toBe('Trend over 2 reports, Oct 1, 2026 to Nov 1, 2026');
    const btc = trend?.querySelector('[data-asset="BTC"]');
    expect(btc?.querySelector('summary')?.textContent).toBe('BTC, Oct 1, 2026 → Nov 1, 2026: reserve ratio 102% → 99.5%; customer liabilities 593,112 BTC → 600,000 BTC');
    const rows = [...(btc?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].slice(0, -1).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Nov 1, 2026', '99.5%', '600,000'],
      ['Oct 1, 2026', '102%', '593,112'],
    ]);
    expect(btc?.querySelector('tbody tr')?.getAttribute('class')).toBe('ratio--short');
    expect([...(trend?.querySelectorAll('details') ?? [])].map((details) => details.getAttribute('data-asset'))).toEqual(['BTC', 'USDT']);
  });

  test('a measure with no figure at either end is left out of its row, and the range is the reports the rows show (Bitget)', () => {
    const porHistory = [
      { asOf: '2026-09-29', source: POR_PAGE, customerLiabilities: { BTC: 20_531 }, totalReserveRatio: 1.31 },
      { asOf: '2026-08-20', source: POR_PAGE, customerLiabilities: { BTC: 26_811 }, totalReserveRatio: 1.22 },
      { asOf: '2022-11-25', source: POR_PAGE },
    ];
    const trend = draw(binance('2026-11-01', '2026-12-03', { porHistory })).querySelector('[data-testid="card-por-trend"]');
    expect(trend?.querySelector('.por-subheading')?.textContent).toBe('Trend over 2 reports, Aug 20, 2026 to Sep 29, 2026');
    expect([...(trend?.querySelectorAll('summary') ?? [])].map((summary) => summary.textContent)).toEqual([
      'BTC, Aug 20, 2026 → Sep 29, 2026: customer liabilities 26,811 BTC → 20,531 BTC',
      'All assets (USD), Aug 20, 2026 → Sep 29, 2026: reserve ratio 122% → 131%',
    ]);
    expect(trend?.textContent).not.toContain('—');
    expect(trend?.querySelector('[data-testid="card-por-trend-no-ratio"]')).toBeNull();
  });

  test('the all-assets row with customer liabilities says them in dollars, with no asset after them', () => {
    const porHistory = [
      { asOf: '2026-09-29', source: POR_PAGE, totalReserveRatio: 1.31, liabilitiesUsd: 4.5e9 },
      { asOf: '2026-08-20', source: POR_PAGE, totalReserveRatio: 1.22, liabilitiesUsd: 4.2e9 },
    ];
    const all = draw(binance('2026-11-01', '2026-12-03', { porHistory })).querySelector('[data-testid="card-por-trend"] [data-asset="*"]');
    expect(all?.querySelector('summary')?.textContent).toBe('All assets (USD), Aug 20, 2026 → Sep 29, 2026: reserve ratio 122% → 131%; customer liabilities $4.2B → $4.5B');
    expect([...(all?.querySelectorAll('tbody tr') ?? [])].map((row) => [...row.children].slice(0, -1).map((cell) => cell.textContent))).toEqual([
      ['Sep 29, 2026', '131%', '$4.5B'],
      ['Aug 20, 2026', '122%', '$4.2B'],
    ]);
    expect(all?.textContent).not.toContain('*');
  });

  test('kept reports with no ratio to compare say so in words', () => {
    const porHistory = [
      { asOf: '2026-09-29', source: POR_PAGE, customerLiabilities: { BTC: 20_531 } },
      { asOf: '2026-08-20', source: POR_PAGE, customerLiabilities: { BTC: 26_811 } },
    ];
    const trend = draw(binance('2026-11-01', '2026-12-03', { porHistory })).querySelector('[data-testid="card-por-trend"]');
    expect(text(trend as HTMLElement, 'card-por-trend-no-ratio')).toBe('The reports we hold give no reserve ratio to compare.');
    const figureless = [
      { asOf: '2026-09-29', source: POR_PAGE },
      { asOf: '2022-11-25', source: POR_PAGE },
    ];
    const bare = draw(binance('2026-11-01', '2026-12-03', { porHistory: figureless }));
    expect(bare.querySelectorAll('[data-testid="card-por-trend"] summary')).toHaveLength(0);
    expect(text(bare, 'card-por-trend-no-ratio')).toBe('The reports we hold give no reserve ratio to compare.');
  });

  test('one kept report is no trend', () => {
    const root = draw(binance('2026-11-01', '2026-12-03', { porHistory: [{ asOf: '2026-11-01', source: POR_PAGE, reserveRatios: { BTC: 1 } }] }));
    expect(root.querySelector('[data-testid="card-por-trend"]')).toBeNull();
  });

  test('claim vs chain: claimed, on-chain and the difference in units and per cent, both dates and both sources', () => {
    const porCheck = {
      claimAsOf: '2026-11-01',
      claimSource: POR_PAGE,
      assets: { BTC: { claimed: 600_000, onchain: 590_000, difference: -10_000 } },
      source: 'https://defillama.com/cex/binance',
      asOf: '2026-12-03',
    };
    const root = draw(binance('2026-11-01', '2026-12-03', { porCheck }));
    const check = root.querySelector('[data-testid="card-por-check"]');
    expect(check?.querySelector('[data-asset="BTC"]')?.textContent).toBe('BTC: claimed 600,000 (Nov 1, 2026), on-chain 590,000 (Dec 3, 2026): -10,000 (-1.67%)');
    expect([...(check?.querySelectorAll('a') ?? [])].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['binance.com', POR_PAGE],
      ['defillama.com', 'https://defillama.com/cex/binance'],
    ]);
  });

  test('feed text is drawn as text, never as markup', () => {
    const view = binance('2026-11-01', '2026-12-03');
    const root = draw({ ...view, por: { ...view.por!, note: '<img src=x onerror=alert(1)>' } });
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  test('the data\'s English notes stay English, and in another language say so and carry lang="en"', () => {
    const exchange = getExchange('ftx');
    if (exchange === undefined) throw new Error('no ftx in the registry');
    const view = buildExchangeView({ exchange, reserves: undefined, now });
    const history = exchange.status.kind === 'operating' ? '' : exchange.status.history;
    const summary = exchange.incidents?.[0]?.summary ?? '';
    const swedish = draw(view, 'sv');
    const marked = [...swedish.querySelectorAll('[data-source-words]')];
    expect(marked.map((node) => node.querySelector('[lang="en"]')?.textContent)).toEqual([history, summary]);
    for (const node of marked) expect(node.textContent?.startsWith('Inte översatt, på engelska:')).toBe(true);
    // Nothing else in the Swedish card is marked English.
    expect(swedish.querySelectorAll('[lang]').length).toBe(marked.length);
    const english = draw(view, 'en');
    expect([...english.querySelectorAll('[data-source-words]')].map((node) => node.textContent)).toEqual([history, summary]);
    expect(english.textContent).not.toContain('Not translated');
  });
});

describe('ExchangeCard: the first screen', () => {
  /** In the card's order: what comes before the details, the details' toggle, what is inside them. */
  function parts(root: HTMLElement) {
    const card = root.querySelector('[data-testid="exchange-card"]');
    const details = card?.querySelector('details[data-testid="card-details"]');
    const before = [...(card?.children ?? [])].slice(0, [...(card?.children ?? [])].indexOf(details as Element));
    return { card, details, before };
  }

  test('the verdict in a sentence, three reasons at most with the worst first, then Withdraw, then the closed details', () => {
    // The model lists its unknowns before the caution (BNB at 12 %): the caution leads all the same.
    const view = binance('2026-04-01', '2026-04-03', {}, bnbHeavy);
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const t = translateFrom(localeMessages('en'));
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <ReasonWordsContext.Provider value={reasonText}>
          <ExchangeCard view={view} onWithdraw={() => undefined} />
        </ReasonWordsContext.Provider>
      </I18nContext.Provider>,
      root,
    );
    const { details, before } = parts(root);
    expect(before.map((element) => element.getAttribute('data-testid') ?? element.localName)).toEqual(['header', 'card-verdict', 'card-reasons', 'withdraw']);
    expect(text(root, 'card-verdict')).toBe('Caution: the known figures show signs of risk. Some figures are missing or out of date, so the picture is not complete.');
    const lead = [...root.querySelectorAll('[data-testid="card-reasons"] > li')];
    expect(lead.length).toBeLessThanOrEqual(3);
    expect(lead[0]?.getAttribute('data-metric')).toBe('own-token.share');
    expect(details?.hasAttribute('open')).toBe(false);
    // Every figure is still there, with its source and date, inside the details.
    for (const section of ['card-more-reasons', 'card-por-section', 'card-concentration', 'card-flows']) expect(details?.querySelector(`[data-testid="${section}"]`), section).not.toBeNull();
    expect(details?.querySelector('[data-testid="card-por-dates"] a')?.getAttribute('href')).toBe(POR_PAGE);
  });

  test('each lead reason that states a figure gives the date the figure describes beside its source, in the reader’s language; without a date it says so', () => {
    const view = binance('2026-04-01', '2026-04-03', {}, bnbHeavy);
    for (const [locale, asOf, unknown] of [
      ['en', 'as of Dec 3, 2026', 'date unknown'],
      ['de', 'Stand 03.12.2026', 'Datum unbekannt'],
    ] as const) {
      const lead = [...draw(view, locale).querySelectorAll('[data-testid="card-reasons"] > li[data-metric]')];
      const own = lead.find((item) => item.getAttribute('data-metric') === 'own-token.share');
      // The on-chain figures' own date (DefiLlama's reading), not when we last checked the report.
      expect(own?.querySelector('time[data-testid="reason-as-of"]')?.getAttribute('datetime')).toBe('2026-12-03');
      expect(own?.querySelector('[data-testid="reason-as-of"]')?.textContent).toBe(asOf);
      for (const item of lead) {
        const reason = view.verdict.reasons.find((candidate) => candidate.metric === item.getAttribute('data-metric'));
        if (reason?.source === undefined) continue;
        expect(item.querySelector('[data-testid="reason-as-of"]')?.getAttribute('datetime'), reason.metric).toBe(reason.asOf);
      }
      // A sourced figure whose date is not known says so plainly.
      const undated = { ...view, verdict: { ...view.verdict, reasons: view.verdict.reasons.map(({ asOf: _, ...reason }) => reason) } };
      const undatedOwn = [...draw(undated, locale).querySelectorAll('[data-testid="card-reasons"] > li[data-metric="own-token.share"]')][0];
      expect(undatedOwn?.querySelector('[data-testid="reason-as-of"]')?.textContent).toBe(unknown);
    }
    // A report's figure carries the date the report describes, not the day we last checked it.
    const por = binance('2026-11-01', '2026-12-03').verdict.reasons.filter((reason) => reason.metric.startsWith('por') && reason.asOf !== undefined);
    expect(por.length).toBeGreaterThan(0);
    for (const reason of por) expect(reason.asOf).toBe('2026-11-01');
  });

  test('a lead share built from two DefiLlama answers gives both dates and both sources: the breakdown’s, then the total’s', () => {
    const exchange = getExchange('htx');
    if (exchange === undefined) throw new Error('no htx in the registry');
    const protocol = 'https://api.llama.fi/protocol/htx';
    const cexs = 'https://api.llama.fi/cexs';
    // TRX (affiliated) at 30 % of the total puts own + affiliated over the danger line, so it leads.
    const onchain = {
      totalUsd: 1_000_000_000,
      cleanUsd: 950_000_000,
      topTokens: [
        { symbol: 'TRX', usd: 300_000_000 },
        { symbol: 'BTC', usd: 250_000_000 },
        { symbol: 'USDT', usd: 200_000_000 },
        { symbol: 'HTX', usd: 50_000_000 },
        { symbol: 'ETH', usd: 40_000_000 },
      ],
      source: cexs,
      asOf: '2026-12-03',
      breakdownAsOf: '2026-11-28',
      breakdownSource: protocol,
    };
    const view = buildExchangeView({ exchange, reserves: { onchain }, now });
    for (const [locale, asOf, totalAsOf] of [
      ['en', 'as of Nov 28, 2026', 'total as of Dec 3, 2026'],
      ['de', 'Stand 28.11.2026', 'Gesamtwert: Stand 03.12.2026'],
    ] as const) {
      const item = draw(view, locale).querySelector('[data-testid="card-reasons"] > li[data-metric="own-affiliated.share"]');
      expect(item, locale).not.toBeNull();
      expect(item?.querySelector('time[data-testid="reason-as-of"]')?.getAttribute('datetime')).toBe('2026-11-28');
      expect(item?.querySelector('[data-testid="reason-as-of"]')?.textContent).toBe(asOf);
      expect(item?.querySelector('time[data-testid="reason-total-as-of"]')?.getAttribute('datetime')).toBe('2026-12-03');
      expect(item?.querySelector('[data-testid="reason-total-as-of"]')?.textContent).toBe(totalAsOf);
      expect([...(item?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'))).toEqual([protocol, cexs]);
    }
  });

  test('no data at all: "Unknown", never a reassurance, in English and Swedish', () => {
    const exchange = getExchange('kraken');
    if (exchange === undefined) throw new Error('no kraken in the registry');
    const view = buildExchangeView({ exchange, reserves: undefined, now });
    expect(view.verdict.level).toBe('unknown');
    expect(text(draw(view), 'card-verdict')).toBe('Unknown: the figures a verdict needs are missing or out of date. Unknown does not mean safe.');
    expect(text(draw(view, 'sv'), 'card-verdict')).toBe('Okänt: uppgifterna som ett omdöme behöver saknas eller är inaktuella. Okänt betyder inte säkert.');
    expect([...draw(view).querySelectorAll('[data-testid="card-reasons"] > li')].every((item) => item.getAttribute('data-effect') === 'unknown')).toBe(true);
  });

  test('on the exchange page, opened before the background’s words for its reasons came: one line in the user’s language where they go, never an empty or English list; then the words', () => {
    const view = binance('2026-04-01', '2026-04-03', {}, bnbHeavy);
    const drawWaiting = (locale: string, wait: ReasonWordsWait, shown: ExchangeView) => {
      const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
      vi.stubGlobal('document', document);
      const root = document.getElementById('root') as unknown as HTMLElement;
      const messages = localeMessages(locale);
      render(
        <I18nContext.Provider value={{ t: translateFrom(messages), locale }}>
          <ReasonWordsWaitContext.Provider value={wait}>
            <ExchangeCard view={shown} />
          </ReasonWordsWaitContext.Provider>
        </I18nContext.Provider>,
        root,
      );
      return { root, messages };
    };
    for (const locale of ['en', 'sv']) {
      const loading = drawWaiting(locale, 'loading', view);
      const lines = [...loading.root.querySelectorAll('[data-testid="card-reasons-wait"]')].map((line) => line.textContent);
      // One in the lead, one in the details' further reasons.
      expect(lines).toEqual([loading.messages.cardReasonsLoading?.message, loading.messages.cardReasonsLoading?.message]);
      expect(loading.root.querySelector('[data-testid="card-reasons-wait"]')?.getAttribute('role')).toBe('status');
      expect(loading.root.querySelectorAll('li[data-metric]')).toHaveLength(0);
      const failed = drawWaiting(locale, 'failed', view);
      expect(text(failed.root, 'card-reasons-wait')).toBe(failed.messages.cardReasonsFailed?.message);
      expect(failed.root.querySelectorAll('li[data-metric]')).toHaveLength(0);
      // The words came: the reasons, and no line.
      const t = translateFrom(loading.messages);
      const done = drawWaiting(locale, 'loading', withReasonWords(view, t, locale, now));
      expect(done.root.querySelector('[data-testid="card-reasons-wait"]')).toBeNull();
      expect(done.root.querySelectorAll('[data-testid="card-reasons"] > li[data-metric]').length).toBeGreaterThan(0);
    }
  });
});
