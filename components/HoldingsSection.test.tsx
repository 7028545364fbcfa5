import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../lib/holdings/model';
import { emptyPriceTable } from '../lib/holdings/prices';
import { fetchFailureText } from '../lib/words/fetch-failure';
import { formatMoney } from '../lib/words/format';
import { I18nContext, translateFrom } from '../utils/i18n';
import type { HoldingsSectionProps } from './HoldingsSection';
import { drawHoldingsSection, quietSection } from './holdings-section.testkit';
import { focusAfterRemovedElsewhere } from './focus-after-remove.testkit';
import { HoldingsSection } from './HoldingsSection';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';
import { chineseSentenceProblems } from '../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../utils/locale-files.testkit';

const t = translateFrom(localeMessages('de'));
const words = { t, locale: 'de' };

afterEach(() => vi.unstubAllGlobals());

describe('HoldingsSection refresh buttons', () => {
  test('while prices refresh both buttons are aria-disabled, not disabled: the keyboard focus stays, a press does nothing', async () => {
    let finish: () => void = () => undefined;
    const onRefreshPrices = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onRefreshBalances = vi.fn(() => Promise.resolve());
    const state = { ...emptyHoldingsState, addresses: [{ id: 'a1', address: `0x${'ab'.repeat(20)}`, chainIds: [1] }] };
    const { root, window } = drawHoldingsSection(words, { state, rpcUrlSet: true, now: new Date('2026-08-10T12:00:00Z'), onRefreshPrices, onRefreshBalances });
    const prices = () => root.querySelector('[data-testid="holdings-refresh-prices"]') as HTMLButtonElement;
    const balances = () => root.querySelector('[data-testid="holdings-refresh-balances"]') as HTMLButtonElement;
    const press = (button: HTMLButtonElement) => button.dispatchEvent(new window.Event('click', { bubbles: true }));
    press(prices());
    await settle();
    for (const button of [prices(), balances()]) {
      expect(button.hasAttribute('disabled')).toBe(false);
      expect(button.getAttribute('aria-disabled')).toBe('true');
    }
    expect(prices().textContent).toBe(t('refreshing'));
    press(prices());
    press(balances());
    await settle();
    expect(onRefreshPrices).toHaveBeenCalledTimes(1);
    expect(onRefreshBalances).not.toHaveBeenCalled();
    finish();
    await settle();
    expect(prices().getAttribute('aria-disabled')).toBe('false');
    expect(prices().textContent).toBe(t('holdingsRefreshPrices'));
    press(balances());
    await settle();
    expect(onRefreshBalances).toHaveBeenCalledTimes(1);
    render(null, root);
  });
});

describe('HoldingsSection before any price arrived', () => {
  const unreachable = (host: string) => ({ reason: 'network', host, stage: 'connect' });
  const btc = { id: 'h1', kind: 'asset' as const, custodian: 'binance', asset: 'BTC', amount: 0.5, updatedAt: Date.parse('2026-12-06T10:00:00Z') };
  const draw = (prices: HoldingsSectionProps['prices'], holdings = [btc], currency = 'EUR') => {
    const { root } = drawHoldingsSection(words, {
      state: { ...emptyHoldingsState, holdings, limits: { ...emptyHoldingsState.limits, currency } },
      prices,
      priceStatus: { lastFetchFailure: unreachable('coins.llama.fi'), lastRatesFetchFailure: unreachable('www.ecb.europa.eu') },
      exchangeNames: { binance: 'Binance' },
    });
    const value = (custodian: string) => root.querySelector(`[data-testid="holdings-share-row"][data-custodian="${custodian}"] td:last-child`)?.textContent;
    return { root, value };
  };
  const failed = (host: string) => fetchFailureText({ reason: 'network', host, stage: 'connect' }, t, 'de');

  test('a row with nothing valued is "Unknown", not "at least 0"; no kept prices or rates are promised; no empty chart is drawn', () => {
    const { root, value } = draw(emptyPriceTable);
    expect(value('binance')).toBe(t('holdingsUnknownValue'));
    const text = root.textContent ?? '';
    expect(text).not.toContain(t('holdingsPriceError', failed('coins.llama.fi')));
    expect(text).not.toContain(t('holdingsRatesError', failed('www.ecb.europa.eu')));
    expect(t('holdingsPriceErrorNone', failed('coins.llama.fi'))).not.toBe('');
    expect(text).toContain(t('holdingsPriceErrorNone', failed('coins.llama.fi')));
    expect(text).toContain(t('holdingsRatesErrorNone', failed('www.ecb.europa.eu')));
    // The history says in words that there is none yet, with no empty axis drawn above it.
    expect(root.querySelector('[data-testid="sparkline"] svg')).toBeNull();
    expect(root.querySelector('[data-testid="sparkline-text"]')?.textContent).toBe(t('sparklineEmpty'));
    render(null, root);
  });

  test('in dollars no exchange rate is needed, so a failed rates update is not shown; the price failure still is', () => {
    const { root } = draw(emptyPriceTable, [btc], 'USD');
    const text = root.textContent ?? '';
    expect(text).not.toContain(t('holdingsRatesErrorNone', failed('www.ecb.europa.eu')));
    expect(text).not.toContain(t('holdingsRatesError', failed('www.ecb.europa.eu')));
    expect(text).not.toContain('www.ecb.europa.eu');
    expect(text).toContain(t('holdingsPriceErrorNone', failed('coins.llama.fi')));
    render(null, root);
  });

  test('with prices held, a failed update keeps them and says so, and a partly valued row is "at least" its known value', () => {
    const prices = { fetchedAt: Date.parse('2026-12-06T09:00:00Z'), prices: { BTC: { usd: 90_000, asOf: '2026-12-06T09:00:00Z', source: 'https://coins.llama.fi/prices' } }, fiat: {} };
    const unpriced = { ...btc, id: 'h2', asset: 'XYZ' };
    const { root, value } = draw(prices, [btc, unpriced], 'USD');
    expect(value('binance')).toBe(t('holdingsAtLeast', formatMoney(45_000, 'USD', 'de')));
    expect(root.textContent).toContain(t('holdingsPriceError', failed('coins.llama.fi')));
    render(null, root);
  });
});

describe('HoldingsSection in Chinese', () => {
  test('the prices line joins its sentences with no space after "。", as every Chinese line does', () => {
    const chinese = translateFrom(localeMessages('zh_CN'));
    const prices = {
      fetchedAt: Date.parse('2026-12-06T09:00:00Z'),
      prices: { BTC: { usd: 90_000, asOf: '2026-12-06T09:00:00Z', source: 'https://coins.llama.fi/prices' } },
      fiat: { EUR: { usd: 1.1, asOf: '2026-12-05', source: 'https://www.ecb.europa.eu/' } },
    };
    const btc = { id: 'h1', kind: 'asset' as const, custodian: 'binance', asset: 'BTC', amount: 0.5, updatedAt: Date.parse('2026-12-06T10:00:00Z') };
    const { root } = drawHoldingsSection({ t: chinese, locale: 'zh-CN' }, { state: { ...emptyHoldingsState, holdings: [btc] }, prices, exchangeNames: { binance: 'Binance' } });
    const line = root.querySelector('[data-testid="holdings-prices"]')?.textContent ?? '';
    expect(line).toContain(chinese('holdingsRatesFrom', '2026年12月5日'));
    for (const block of root.querySelectorAll('p, li, td, th, h3')) expect(chineseSentenceProblems(block.textContent ?? ''), block.textContent ?? '').toEqual([]);
    render(null, root);
  });
});

describe('HoldingsSection: when the prices were fetched', () => {
  // The slot holds an age ("5 minutes ago", "just now"), never a date: "consultados el hace 5 minutos" is not Spanish.
  test.each([
    ['en', 'en', '(fetched 5 minutes ago).', '(fetched just now).'],
    ['es', 'es', '(consultados hace 5 minutos).', '(consultados hace un momento).'],
    ['pt_BR', 'pt-BR', '(consultados há 5 minutos).', '(consultados agora mesmo).'],
    ['fr', 'fr', '(récupérés il y a 5 minutes).', "(récupérés à l'instant)."],
    ['de', 'de', '(abgerufen vor 5 Minuten).', '(abgerufen gerade eben).'],
    ['tr', 'tr', '(5 dakika önce alındı).', '(az önce alındı).'],
    ['sv', 'sv', '(hämtade för 5 minuter sedan).', '(hämtade nyss).'],
    ['zh_CN', 'zh-CN', '（5分钟前获取）。', '（刚刚获取）。'],
  ])('%s: the age reads in the sentence', (folder, locale, minutes, moment) => {
    const tl = translateFrom(localeMessages(folder));
    const now = new Date('2026-12-06T09:05:00Z');
    const line = (fetchedAt: string) => {
      const prices = { fetchedAt: Date.parse(fetchedAt), prices: { BTC: { usd: 90_000, asOf: '2026-12-06T09:00:00Z', source: 'https://coins.llama.fi/prices' } }, fiat: {} };
      const btc = { id: 'h1', kind: 'asset' as const, custodian: 'binance', asset: 'BTC', amount: 0.5, updatedAt: Date.parse('2026-12-06T08:00:00Z') };
      const { root } = drawHoldingsSection({ t: tl, locale }, { state: { ...emptyHoldingsState, holdings: [btc] }, prices, now, exchangeNames: { binance: 'Binance' } });
      const text = root.querySelector('[data-testid="holdings-prices"]')?.textContent ?? '';
      render(null, root);
      return text;
    };
    expect(line('2026-12-06T09:00:00Z')).toContain(minutes);
    expect(line('2026-12-06T09:04:40Z')).toContain(moment);
  });
});

describe('HoldingsSection: an entry removed on another page while the focus is in it', () => {
  effectsOnNextTask();
  const held: HoldingsState = {
    ...emptyHoldingsState,
    holdings: ['BTC', 'ETH'].map((asset) => ({ id: asset, kind: 'asset' as const, custodian: 'self', asset, amount: 1, updatedAt: 0 })),
    addresses: ['1', '2'].map((digit) => ({ id: digit, address: `0x${digit.repeat(40)}`, chainIds: [1] })),
  };
  /** The section drawn at `held`, and again at each state that storage brings (another page's change). */
  function section() {
    const drawn = page();
    recordFocus(drawn.window);
    const redraw = (state: HoldingsState) =>
      render(
        <I18nContext.Provider value={words}>
          <HoldingsSection {...quietSection} state={state} />
        </I18nContext.Provider>,
        drawn.root,
      );
    redraw(held);
    return { ...drawn, redraw };
  }

  test('a holding: the focus goes to the recorded holdings heading, not the page', async () => {
    const { window, root, redraw } = section();
    await settle();
    // The row's amount field, not its Remove: the focus was inside the row all the same.
    const amount = root.querySelectorAll('[data-testid="holding-row-amount"]')[1];
    expect(await focusAfterRemovedElsewhere(window, amount, () => redraw({ ...held, holdings: held.holdings.slice(0, 1) }))).toBe('holdings-recorded-title');
    const remove = root.querySelector('[data-testid="holdings-list"] [data-remove]');
    expect(await focusAfterRemovedElsewhere(window, remove, () => redraw({ ...held, holdings: [] }))).toBe('holdings-recorded-title');
    expect(window.document.activeElement?.textContent).toBe(t('holdingsRecorded'));
    render(null, root);
  });

  test('a watched address: the focus goes to the watched addresses heading, not the page', async () => {
    const { window, root, $, redraw } = section();
    await settle();
    expect(await focusAfterRemovedElsewhere(window, $('address-remove-1'), () => redraw({ ...held, addresses: held.addresses.slice(1) }))).toBe('holdings-addresses-title');
    expect(await focusAfterRemovedElsewhere(window, $('address-remove-2'), () => redraw({ ...held, addresses: [] }))).toBe('holdings-addresses-title');
    expect(window.document.activeElement?.textContent).toBe(t('holdingsAddresses'));
    render(null, root);
  });
});
