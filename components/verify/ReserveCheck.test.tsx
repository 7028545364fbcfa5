import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CheckReservesReturnType } from '../../lib/chain/reserves-check';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { ReserveCheck, type ReserveCheckTarget } from './ReserveCheck';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/tr/messages.json'), 'utf8')) as Messages);
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

// The shape of a registry entry; nothing is read from it here, the run never finishes.
const target: ReserveCheckTarget = {
  key: 'okx:1',
  exchangeId: 'okx',
  exchangeName: 'OKX',
  chainId: 1,
  chainName: 'Ethereum',
  defillamaChain: 'Ethereum',
  nativeSymbol: 'ETH',
  addresses: [`0x${'ab'.repeat(20)}`],
  tokens: [],
  publishedAt: 'https://www.okx.com/proof-of-reserves',
  readFrom: 'https://www.okx.com/proof-of-reserves',
  asOf: '2026-08-10',
};

function draw(rpcUrl: string | undefined, onRun: () => Promise<CheckReservesReturnType>) {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t, locale: 'tr' }}>
      <ReserveCheck targets={[target]} rpcUrl={rpcUrl} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={onRun} />
    </I18nContext.Provider>,
    root,
  );
  const button = () => root.querySelector('[data-testid="reserves-run"]') as HTMLButtonElement;
  const press = () => button().dispatchEvent(new window.Event('click', { bubbles: true }));
  return { root, button, press };
}

afterEach(() => vi.unstubAllGlobals());

describe('ReserveCheck run button', () => {
  test('while the check runs it is aria-disabled, not disabled: the keyboard focus stays, it says it is checking, a press does nothing', async () => {
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
    const { root, button, press } = draw('http://127.0.0.1:8545', onRun);
    expect(button().getAttribute('aria-disabled')).toBe('false');
    press();
    await settle();
    expect(button().hasAttribute('disabled')).toBe(false);
    expect(button().getAttribute('aria-disabled')).toBe('true');
    expect(button().textContent).toBe(t('verifyChecking'));
    press();
    await settle();
    expect(onRun).toHaveBeenCalledTimes(1);
    render(null, root);
  });

  test('without an RPC endpoint there is nothing to run: the button is disabled', () => {
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
    const { root, button, press } = draw(undefined, onRun);
    expect(button().hasAttribute('disabled')).toBe(true);
    press();
    expect(onRun).not.toHaveBeenCalled();
    render(null, root);
  });
});
