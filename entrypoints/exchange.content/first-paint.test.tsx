import { parseHTML } from 'linkedom';
import { hydrate, render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom, type I18n } from '@/utils/i18n';
import { Pill, type Corner } from '@/components/Pill';
import { listWarning } from '@/lib/community/active-warning.testkit';
import { getExchange } from '@/lib/exchanges/registry';
import { buildExchangeView, type ExchangeView } from '@/lib/view/exchange-view';
import { levelWords } from '@/lib/words/level-words';
import { pillFace } from '@/lib/view/first-paint-view';
import { drawCollapsedPill } from './first-paint';
import { localeMessages } from '../../utils/locale-files.testkit';

const now = new Date('2026-11-25T12:00:00Z');
const i18nFor = (locale: string): I18n => ({
  t: translateFrom(localeMessages(locale)),
  locale,
});

function view(id: string, warnings = 0): ExchangeView {
  const exchange = getExchange(id);
  if (exchange === undefined) throw new Error(`no ${id} in the registry`);
  const warning = listWarning({ exchange: id });
  return buildExchangeView({ exchange, reserves: undefined, now, warnings: Array.from({ length: warnings }, () => warning) });
}

/** The verdict as the background sends it when a required figure is missing: the worst level the known figures support. */
function incomplete(base: ExchangeView, level: 'caution' | 'danger'): ExchangeView {
  return { ...base, verdict: { ...base.verdict, level, grade: level === 'danger' ? 'F' : 'D', incomplete: true } };
}

/** A run alert on, as the background sends it: the pill leads with it and turns the danger colour. */
function running(base: ExchangeView, cause: 'outflow' | 'warning-list' = 'outflow'): ExchangeView {
  return {
    ...base,
    runAlert: {
      exchangeId: base.id,
      name: base.name,
      phase: 'alert',
      level: 'alert',
      cause,
      active: true,
      startedAt: now.toISOString(),
      reasons: [],
      incomplete: false,
      sources: [],
      computedAt: now.toISOString(),
    },
  };
}

const balance = { kind: 'over-cap' as const, text: 'You keep more here than your own limit' };

/** Both drawings in one document; Preact needs `document` as a global. */
function both(props: { view: ExchangeView; corner: Corner; balanceNudge?: typeof balance }, i18n: I18n) {
  const { document } = parseHTML('<!doctype html><html><body><div id="preact"></div><div id="plain"></div></body></html>');
  vi.stubGlobal('document', document);
  const preact = document.getElementById('preact') as unknown as HTMLElement;
  const plain = document.getElementById('plain') as unknown as HTMLElement;
  const pill = (
    <I18nContext.Provider value={i18n}>
      <Pill {...props} initiallyExpanded={false} onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
    </I18nContext.Provider>
  );
  render(pill, preact);
  drawCollapsedPill(plain, { face: pillFace(props.view), corner: props.corner, ...(props.balanceNudge === undefined ? {} : { balanceNudge: props.balanceNudge }), t: i18n.t });
  return { preact, plain, pill };
}

describe('drawCollapsedPill', () => {
  const everything = { view: view('kraken', 2), corner: 'bottom-left' as const, balanceNudge: balance };
  const cases = [
    { name: 'no data, English', props: { view: view('kraken'), corner: 'bottom-right' as const }, locale: 'en' },
    { name: 'a collapsed exchange, Swedish, top left', props: { view: view('ftx'), corner: 'top-left' as const }, locale: 'sv' },
    { name: 'with warnings and a balance message', props: everything, locale: 'en' },
    { name: 'caution with a required figure missing', props: { view: incomplete(view('binance'), 'caution'), corner: 'bottom-right' as const }, locale: 'en' },
    { name: 'danger with a required figure missing, Swedish', props: { view: incomplete(view('ftx'), 'danger'), corner: 'top-right' as const }, locale: 'sv' },
    { name: 'a run alert on, with a balance message, Swedish', props: { view: running(view('binance')), corner: 'bottom-right' as const, balanceNudge: balance }, locale: 'sv' },
    { name: 'a run alert a warning list raised, German', props: { view: running(view('kraken', 1), 'warning-list'), corner: 'bottom-right' as const }, locale: 'de' },
  ];

  test.each(cases)('draws exactly what <Pill> renders collapsed: $name', ({ props, locale }) => {
    const { preact, plain } = both(props, i18nFor(locale));
    expect(plain.innerHTML).toBe(preact.innerHTML);
    // Not two empty drawings: the name, grade and status are there.
    expect(plain.querySelector('[data-testid="pill-name"]')?.textContent).toBe(props.view.name);
    expect(plain.querySelector('[data-testid="pill-status"]')?.textContent).toBe(levelWords(props.view.verdict, i18nFor(locale).t));
  });

  test('a run alert a warning list raised leads with the list, not with money leaving', () => {
    const { plain } = both({ view: running(view('kraken', 1), 'warning-list'), corner: 'bottom-right' }, i18nFor('en'));
    expect(plain.querySelector('[data-testid="pill-run"]')?.textContent).toBe('Alert: a warning list flags Kraken');
  });

  test('an incomplete verdict says so in the status and in the button’s name', () => {
    const { plain } = both({ view: incomplete(view('binance'), 'caution'), corner: 'bottom-right' }, i18nFor('en'));
    expect(plain.querySelector('[data-testid="pill-status"]')?.textContent).toBe('Caution · incomplete');
    expect(plain.querySelector('[data-testid="pill-toggle"]')?.getAttribute('aria-label')).toBe('Reserve Radar: Binance, grade D, Caution · incomplete');
  });

  test('Preact takes the drawn nodes over without replacing them', () => {
    const { plain, pill } = both(everything, i18nFor('en'));
    const before = [...plain.querySelectorAll('*')];
    hydrate(pill, plain);
    expect([...plain.querySelectorAll('*')]).toEqual(before);
    expect(before.length).toBeGreaterThan(5);
  });
});
