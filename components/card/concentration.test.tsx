import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { getExchange } from '../../lib/exchanges/registry';
import type { OnchainAssets } from '../../lib/reserves/schema';
import { buildExchangeView } from '../../lib/view/exchange-view';
import type { RiskReason } from '../../lib/risk/grade';
import { formatShare } from '../../lib/words/format';
import { reasonText } from '../../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../../utils/i18n';
import { ExchangeCard } from '../ExchangeCard';
import { localeMessages } from '../../utils/locale-files.testkit';

const now = new Date('2026-12-04T12:00:00Z');
const CEXS = 'https://api.llama.fi/cexs';
const PROTOCOL = 'https://api.llama.fi/protocol/binance';
const LOCALES = ['de', 'en', 'es', 'fr', 'pt_BR', 'sv', 'tr', 'zh_CN'];

function messages(locale: string): Messages {
  return localeMessages(locale);
}

/** An exchange's card (Binance's unless named) with these on-chain figures, its details' concentration section and its whole text. */
function draw(onchain: OnchainAssets, locale = 'en', exchangeId = 'binance') {
  const exchange = getExchange(exchangeId);
  if (exchange === undefined) throw new Error(`no ${exchangeId} in the registry`);
  const view = buildExchangeView({ exchange, reserves: { onchain }, now });
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages(locale)), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    root,
  );
  const section = root.querySelector('[data-testid="card-concentration"]') as HTMLElement;
  return { view, root, section, row: (testId: string) => section.querySelector(`[data-testid="${testId}"]`) };
}

const totals = { totalUsd: 100_000_000_000, cleanUsd: 95_000_000_000, source: CEXS, asOf: '2026-12-03' };

describe('ExchangeCard: the concentration section', () => {
  test('an empty token list: stablecoins and the largest asset are "Unknown", never a measured 0 % nor an English placeholder, in every language', () => {
    for (const locale of LOCALES) {
      const { root, row } = draw({ ...totals, topTokens: [] }, locale);
      const unknown = messages(locale).unknownFigure?.message;
      for (const testId of ['bar-stablecoins', 'bar-top-asset']) {
        expect(row(testId)?.getAttribute('data-share'), `${locale} ${testId}`).toBe('unknown');
        expect(row(testId)?.textContent, `${locale} ${testId}`).toContain(unknown);
        expect(row(testId)?.querySelector('.bar__track'), `${locale} ${testId}`).toBeNull();
        expect(row(testId)?.textContent, `${locale} ${testId}`).not.toMatch(/\d/);
      }
      expect(root.textContent, locale).not.toContain('none listed');
    }
  });

  test('a list too thin to judge: the stablecoins share is drawn as a floor ("at least"), the largest asset is not named as one', () => {
    const { row, view } = draw({
      ...totals,
      topTokens: [
        { symbol: 'BTC', usd: 20_000_000_000 },
        { symbol: 'USDT', usd: 10_000_000_000 },
      ],
    });
    expect(view.verdict.metrics.concentration?.breakdownTooThin).toBe(true);
    expect(row('bar-stablecoins')?.getAttribute('data-share')).toBe('floor');
    expect(row('bar-stablecoins')?.textContent).toBe('Stablecoinsat least 10%');
    expect(row('bar-top-asset')?.getAttribute('data-share')).toBe('floor');
    expect(row('bar-top-asset')?.textContent).toBe('Largest assetat least 20%');
    expect(row('bar-top-asset')?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('Largest asset: at least 20%');
  });

  test('a list that covers the total: measured shares, the largest asset named', () => {
    const { row } = draw({
      ...totals,
      topTokens: [
        { symbol: 'BTC', usd: 60_000_000_000 },
        { symbol: 'USDT', usd: 30_000_000_000 },
      ],
    });
    expect(row('bar-stablecoins')?.getAttribute('data-share')).toBe('share');
    expect(row('bar-stablecoins')?.textContent).toBe('Stablecoins30%');
    expect(row('bar-top-asset')?.textContent).toBe('Largest asset (BTC)60%');
  });

  test('the bars from the breakdown carry its own source and date, apart from the totals’', () => {
    const { section } = draw({
      ...totals,
      breakdownSource: PROTOCOL,
      breakdownAsOf: '2026-11-20',
      topTokens: [
        { symbol: 'BTC', usd: 60_000_000_000 },
        { symbol: 'USDT', usd: 30_000_000_000 },
      ],
    });
    const lines = [...section.querySelectorAll('.provenance')];
    expect(lines.map((line) => line.querySelector('a')?.getAttribute('href'))).toEqual([CEXS, PROTOCOL]);
    expect(lines.map((line) => line.querySelector('time')?.getAttribute('datetime'))).toEqual(['2026-12-03', '2026-11-20']);
    // The breakdown's line comes after its bars; the totals' line after the total and the own-token bar.
    const order = [...section.querySelectorAll('.bar, .provenance')].map((element) => element.getAttribute('data-testid') ?? 'provenance');
    expect(order).toEqual(['bar-own-token', 'provenance', 'bar-stablecoins', 'bar-top-asset', 'provenance']);
  });

  test('no listed asset outside BTC, ETH and stablecoins: the reason says so in the reader’s language, with no placeholder', () => {
    for (const locale of LOCALES) {
      const { view } = draw(
        {
          ...totals,
          topTokens: [
            { symbol: 'BTC', usd: 60_000_000_000 },
            { symbol: 'USDT', usd: 30_000_000_000 },
          ],
        },
        locale,
      );
      const minor = view.verdict.reasons.find((reason) => reason.metric === 'minor-asset.share');
      expect(minor).toMatchObject({ effect: 'ok', value: 0 });
      const said = reasonText(minor as RiskReason, translateFrom(messages(locale)), locale.replace('_', '-'), now);
      expect(said.startsWith(messages(locale).reason_minorAssetNone?.message ?? '?'), `${locale}: ${said}`).toBe(true);
    }
  });

  test('an own or affiliated token listed beside BTC and stablecoins: the minor-holding reasons name both among what they leave out, in every language', () => {
    // Graded on their own lines, so "no holding outside BTC, ETH and stablecoins" would be false with BNB (Binance's
    // own token) or TRX (affiliated with HTX) listed.
    const leftOut: Record<string, string> = {
      en: 'own or affiliated tokens',
      de: 'eigenen oder verbundenen Token',
      es: 'tokens propios o afiliados',
      fr: 'jetons maison ou affiliés',
      pt_BR: 'tokens próprios ou afiliados',
      sv: 'egna eller närstående tokens',
      tr: 'kendi veya bağlı tokenları',
      zh_CN: '平台币或关联代币',
    };
    for (const [exchangeId, token] of [
      ['binance', 'BNB'],
      ['htx', 'TRX'],
    ] as const) {
      for (const locale of LOCALES) {
        const { view } = draw(
          {
            ...totals,
            topTokens: [
              { symbol: 'BTC', usd: 50_000_000_000 },
              { symbol: 'USDT', usd: 30_000_000_000 },
              { symbol: token, usd: 18_000_000_000 },
            ],
          },
          locale,
          exchangeId,
        );
        const minor = view.verdict.reasons.find((reason) => reason.metric === 'minor-asset.share');
        expect(minor, `${exchangeId} ${locale}`).toMatchObject({ effect: 'ok', value: 0 });
        expect(reasonText(minor as RiskReason, translateFrom(messages(locale)), locale.replace('_', '-'), now), `${exchangeId} ${locale}`).toContain(leftOut[locale]);
        expect(messages(locale).reason_minorAsset?.message, locale).toContain(leftOut[locale]);
      }
    }
  });

  test('an empty token list: the largest-holding reason says nothing is listed, without an empty name', () => {
    for (const locale of LOCALES) {
      const { view } = draw({ ...totals, topTokens: [] }, locale);
      const top = view.verdict.reasons.find((reason) => reason.metric === 'top-asset.share');
      // As a list that itemises too little: caution, never ok and never a measured 0.
      expect(top).toMatchObject({ code: 'breakdown-thin.top', effect: 'caution' });
      const t = translateFrom(messages(locale));
      const said = reasonText(top as RiskReason, t, locale.replace('_', '-'), now);
      expect(said, locale).toBe(t('reason_thinBreakdown_topNone', [formatShare(0, locale.replace('_', '-')), formatShare(0.5, locale.replace('_', '-'))]));
    }
  });
});
