import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState } from '../lib/holdings/model';
import { emptyPriceTable } from '../lib/holdings/prices';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { HoldingsSection } from './HoldingsSection';
import { settle } from './test-dom';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/de/messages.json'), 'utf8')) as Messages);

afterEach(() => vi.unstubAllGlobals());

describe('HoldingsSection refresh buttons', () => {
  test('while prices refresh both buttons are aria-disabled, not disabled: the keyboard focus stays, a press does nothing', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    let finish: () => void = () => undefined;
    const onRefreshPrices = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onRefreshBalances = vi.fn(() => Promise.resolve());
    const state = { ...emptyHoldingsState, addresses: [{ id: 'a1', address: `0x${'ab'.repeat(20)}`, chainIds: [1] }] };
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <HoldingsSection
          state={state}
          prices={emptyPriceTable}
          readings={null}
          priceStatus={{}}
          exchangeNames={{}}
          rpcUrlSet={true}
          now={new Date('2026-08-10T12:00:00Z')}
          onSave={() => Promise.resolve({ ok: true })}
          onRefreshPrices={onRefreshPrices}
          onRefreshBalances={onRefreshBalances}
        />
      </I18nContext.Provider>,
      root,
    );
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
