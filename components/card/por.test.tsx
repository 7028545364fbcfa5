import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { exchanges, getExchange } from '../../lib/exchanges/registry';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import { buildExchangeView, type ExchangeView } from '../../lib/view/exchange-view';
import { formatDate } from '../../lib/words/format';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { effectsOnNextTask, page } from '../test-dom';
import { localeMessages } from '../../utils/locale-files.testkit';

effectsOnNextTask();

const now = new Date('2026-12-04T12:00:00Z');

function messages(locale: string): Messages {
  return localeMessages(locale);
}

/** The exchange's view from the bundled snapshot, as the card is drawn on the day of `now`. */
function viewOf(id: string, on = now): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  return buildExchangeView({ exchange, reserves: bundledSnapshot().exchanges[id], now: on });
}

/** Gemini's bundled record as if we had last looked on 20 Oct 2025, over a year before `now`. */
function staleGemini(): ExchangeView {
  const exchange = getExchange('gemini');
  const reserves = bundledSnapshot().exchanges.gemini;
  if (exchange === undefined || reserves?.por === undefined) throw new Error('no gemini record');
  return buildExchangeView({ exchange, reserves: { ...reserves, por: { ...reserves.por, checkedAt: '2025-10-20' } }, now });
}

function draw(view: ExchangeView, locale = 'en') {
  const { root, $ } = page();
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale)), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  return { root, $ };
}

describe('the card’s PoR dates and its reasons make one staleness decision', () => {
  test('Gemini, "no proof of reserves" found over a year ago: the reason says "not checked since", the details say it was found when we last checked', () => {
    const view = staleGemini();
    expect(view.verdict.reasons.find((reason) => reason.metric === 'por.checked')).toMatchObject({ code: 'por.none-unchecked', value: '2025-10-20' });
    const { $ } = draw(view);
    // What we found is said as of the day we looked, and that this day is old, in the label alone.
    expect($('card-por')?.textContent).toBe('No proof of reserves found when we last checked, on Oct 20, 2025');
    expect($('card-por')?.getAttribute('data-late')).toBe('us');
    expect($('card-por-checked')).toBeNull();
    expect($('card-por-dates')?.textContent).toBe('sec.gov');
  });

  test('Coinbase, "no proof of reserves" found this year: the label says the day we looked, the source line only the source, and no reason says it is late', () => {
    const view = viewOf('coinbase');
    expect(view.verdict.reasons.some((reason) => reason.metric === 'por.checked')).toBe(false);
    const { $ } = draw(view);
    expect($('card-por')?.textContent).toBe('No proof of reserves published as of Dec 4, 2026');
    expect($('card-por-checked')).toBeNull();
    expect($('card-por-dates')?.textContent).toBe('sec.gov');
  });

  test('Bitstamp, whose "none" source is a 2014 news story: every date in the card is the day we looked', () => {
    const { root, $ } = draw(viewOf('bitstamp'));
    expect($('card-por-dates')?.textContent).toBe('coindesk.com');
    const method = root.querySelector('[data-metric="por.method"]');
    expect(method?.textContent).toMatch(/^Proof-of-reserves method: no proof of reserves .*coindesk\.com · as of Dec 4, 2026$/);
    // The data note may tell the 2014 story in its own words; no date of ours names that day.
    expect(root.textContent).not.toContain('May 24, 2014');
  });

  test('every bundled exchange: the details say "not checked since" exactly when a reason does', () => {
    const views = exchanges.map((exchange) => viewOf(exchange.id)).filter((view) => view.por !== undefined);
    expect(views.some((view) => view.por?.method === 'none')).toBe(true);
    for (const view of views) {
      const late = view.verdict.reasons.some((reason) => reason.metric === 'por.checked');
      expect(draw(view).root.querySelectorAll('[data-late="us"]').length, view.name).toBe(late ? 1 : 0);
    }
  });
});

describe('an exchange that publishes no proof of reserves', () => {
  test('Coinbase: "No proof of reserves published" as of the day we looked, said once, with the source; no snapshot and no balances taken', () => {
    const view = viewOf('coinbase');
    expect(view.por).toMatchObject({ method: 'none', asOf: '2025-12-31', checkedAt: '2026-12-04' });
    const { root, $ } = draw(view);
    expect($('card-por')?.textContent).toBe('No proof of reserves published as of Dec 4, 2026');
    expect($('card-por-age')).toBeNull();
    expect($('card-por-describes')).toBeNull();
    expect($('card-por-dates')?.textContent).toBe('sec.gov');
    const section = $('card-por-section')?.textContent ?? '';
    expect(section).not.toMatch(/snapshot|Balances taken|Report describes|Dec 31, 2025/);
    expect(root.textContent).not.toContain('snapshot');
  });

  test('Gemini, looked at over a year ago: the day we looked, said as ours', () => {
    expect(draw(staleGemini()).$('card-por-dates')?.textContent).toBe('sec.gov');
  });

  test.each([
    ['fr', 'Aucune preuve de réserves publiée au 4 déc. 2026', 'sec.gov'],
    ['zh_CN', '截至 2026年12月4日 未发布储备金证明', 'sec.gov'],
  ])('%s: the same, in the language', (locale, label, dates) => {
    const { $ } = draw(viewOf('coinbase'), locale);
    expect($('card-por')?.textContent).toBe(label);
    expect($('card-por-dates')?.textContent).toBe(dates);
  });

  const locales = ['en', 'fr', 'de', 'es', 'pt_BR', 'tr', 'sv', 'zh_CN'];
  const sayDay = (iso: string, locale: string) => formatDate(iso, locale.replace('_', '-'));
  const count = (text: string, part: string) => text.split(part).length - 1;

  test.each(locales)('%s: checked in time, the details say the day we looked once, in the label; the reason keeps its source and date', (locale) => {
    const t = translateFrom(messages(locale));
    const day = sayDay('2026-12-04', locale);
    const { root, $ } = draw(viewOf('coinbase'), locale);
    expect($('card-por')?.textContent).toBe(t('porNoneAsOf', day));
    expect($('card-por-dates')?.textContent).toBe('sec.gov');
    expect(count($('card-por-section')?.textContent ?? '', day)).toBe(1);
    expect(root.querySelector('[data-metric="por.method"]')?.textContent).toMatch(new RegExp(`sec\\.gov · ${t('asOf', day).replace(/[.()]/g, '\\$&')}$`));
  });

  test.each(locales)('%s: checked too long ago, the label says so with the day, once in the details; the card never says "checked", and every date it gives is that one day', (locale) => {
    const t = translateFrom(messages(locale));
    const day = sayDay('2025-10-20', locale);
    const { root, $ } = draw(staleGemini(), locale);
    expect($('card-por')?.textContent).toBe(t('porNoneLate', day));
    expect($('card-por')?.getAttribute('data-late')).toBe('us');
    expect($('card-por-dates')?.textContent).toBe('sec.gov');
    expect(count($('card-por-section')?.textContent ?? '', day)).toBe(1);
    expect(root.querySelector('[data-metric="por.checked"]')?.textContent).toContain(t('reason_porNoneUnchecked', day));
    // The label, the late reason and the method reason's "as of": three times on the whole card, no more.
    expect(count(root.textContent ?? '', day)).toBe(3);
    expect(root.textContent).not.toContain(t('porCheckedOn', day));
    expect(new Set([...root.querySelectorAll('time')].map((time) => time.getAttribute('datetime')))).toEqual(new Set(['2025-10-20']));
  });

  test.each(locales)('%s: without a day we looked, the source line says "date unknown"', (locale) => {
    const t = translateFrom(messages(locale));
    const exchange = getExchange('coinbase');
    const reserves = bundledSnapshot().exchanges.coinbase;
    if (exchange === undefined || reserves?.por === undefined) throw new Error('no coinbase record');
    const { checkedAt: _, ...por } = reserves.por;
    const view = buildExchangeView({ exchange, reserves: { ...reserves, por: { ...por, asOf: '2014-05-24' } }, now });
    expect(draw(view, locale).$('card-por-dates')?.textContent).toBe(`sec.gov · ${t('reasonDateUnknown')}`);
  });
});

describe("our check is judged by our re-check policy, whatever the exchange's cadence (fixed records, read on 7 Dec 2026)", () => {
  const reviewDay = new Date('2026-12-07T12:00:00Z');
  // The bundled records with their days and cadence fixed, so a data refresh does not move these cases.
  const fixed: Record<string, { asOf: string; checkedAt: string; cadence: 'irregular' | 'monthly' }> = {
    bybit: { asOf: '2026-05-27', checkedAt: '2026-05-27', cadence: 'irregular' },
    okx: { asOf: '2026-09-08', checkedAt: '2026-10-05', cadence: 'monthly' },
    gate: { asOf: '2026-09-13', checkedAt: '2026-10-05', cadence: 'irregular' },
  };
  const viewOf = (id: string, on: Date): ExchangeView => {
    const exchange = getExchange(id);
    const reserves = bundledSnapshot().exchanges[id];
    if (exchange === undefined || reserves?.por === undefined) throw new Error(`no ${id} record`);
    return buildExchangeView({ exchange, reserves: { ...reserves, por: { ...reserves.por, ...fixed[id] } }, now: on });
  };
  // Bybit (irregular cadence) last checked 27 May 2026, OKX (monthly) last checked 5 Oct 2026: both say so as ours.
  test.each([
    ['bybit', 'en', 'not checked since May 27, 2026', 'Not checked since May 27, 2026'],
    ['bybit', 'fr', 'non vérifié depuis le 27 mai 2026', 'Non vérifié depuis le 27 mai 2026'],
    ['bybit', 'de', 'seit 27.05.2026 nicht geprüft', '27.05.2026'],
    ['bybit', 'zh_CN', '自 2026年5月27日 起未再检查', '2026年5月27日'],
    ['okx', 'en', 'not checked since Oct 5, 2026', 'Not checked since Oct 5, 2026'],
    ['okx', 'fr', 'non vérifié depuis le 5 oct. 2026', 'Non vérifié depuis le 5 oct. 2026'],
    ['okx', 'tr', '5 Eki 2026 tarihinden beri kontrol edilmedi', '5 Eki 2026'],
    ['okx', 'zh_CN', '自 2026年10月5日 起未再检查', '2026年10月5日'],
    // Swedish: the details, after "Rapporten avser", say it without a participle, so the reason's impersonal "kontrollerat" never sits beside a "kontrollerad".
    ['okx', 'sv', 'ingen kontroll sedan 5 okt. 2026', 'Inte kontrollerat sedan 5 okt. 2026'],
  ])('%s in %s: the details and a reason both say we have not checked since our last check', (id, locale, details, reasonPart) => {
    const view = viewOf(id, reviewDay);
    const reasons = view.verdict.reasons;
    expect(reasons.find((reason) => reason.metric === 'por.checked')).toMatchObject({ code: 'por.unchecked' });
    // Our gap is never told as the exchange's delay.
    expect(reasons.some((reason) => reason.code === 'por.overdue')).toBe(false);
    const { root, $ } = draw(view, locale);
    expect($('card-por-checked')?.textContent).toBe(details);
    expect($('card-por-checked')?.getAttribute('data-late')).toBe('us');
    expect(root.querySelector('[data-metric="por.checked"]')?.textContent).toContain(reasonPart);
  });

  test('Gate (irregular), checked 63 days ago: within our policy, so "checked", with no reason about our copy', () => {
    const view = viewOf('gate', reviewDay);
    expect(view.verdict.reasons.some((reason) => reason.metric === 'por.checked')).toBe(false);
    expect(draw(view).$('card-por-checked')?.textContent).toBe('checked Oct 5, 2026');
    // Swedish: agreeing with "Rapporten" before it; no reason says "kontrollerat" beside it.
    expect(draw(view, 'sv').$('card-por-checked')?.textContent).toBe('kontrollerad 5 okt. 2026');
    expect(draw(view, 'sv').root.textContent).not.toContain('kontrollerat');
  });
});
