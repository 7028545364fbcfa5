import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import type { CheckReservesReturnType } from '../../lib/chain/reserves-check';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { ReserveCheck, type ReserveCheckProps, type ReserveCheckTarget, type RunReserveCheckOptions } from './ReserveCheck';
import { okxEthereumTarget as target } from './verify.testkit';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const words = (locale: string) => translateFrom(localeMessages(locale));
const t = words('tr');
/** The page is read some months after the list's day (Aug 10, 2026). */
const NOW = new Date('2026-12-07T06:00:00Z');

/** The endpoints as the options keep them: `rpcUrl` the main one, none per network unless given. */
const endpoints = (rpcUrl: string | undefined, chainRpcUrls: Record<string, string> = {}): ReserveCheckProps['endpoints'] => (rpcUrl === undefined ? { chainRpcUrls } : { rpcUrl, chainRpcUrls });

function draw(
  rpcUrl: string | undefined,
  onRun: ReserveCheckProps['onRun'],
  locale = 'tr',
  { targets = [target], chainRpcUrls = {} }: { targets?: ReserveCheckTarget[]; chainRpcUrls?: Record<string, string> } = {},
) {
  const { window, root, $ } = page();
  const focused = recordFocus(window);
  render(
    <I18nContext.Provider value={{ t: locale === 'tr' ? t : words(locale), locale }}>
      <ReserveCheck targets={targets} endpoints={endpoints(rpcUrl, chainRpcUrls)} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={onRun} now={NOW} />
    </I18nContext.Provider>,
    root,
  );
  const button = () => root.querySelector('[data-testid="reserves-run"]') as HTMLButtonElement;
  const press = () => button().dispatchEvent(new window.Event('click', { bubbles: true }));
  return { window, root, $, button, press, focused };
}

effectsOnNextTask();

/** What a cancelled run answers. */
const cancelled: CheckReservesReturnType = {
  complete: false,
  balances: [],
  totals: {},
  comparisons: [],
  rpcRequests: 0,
  naiveRequests: 0,
  error: { code: 'cancelled', failure: { code: 'cancelled' } },
};

describe('ReserveCheck run button', () => {
  test('while the check runs it is aria-disabled, not disabled: the keyboard focus stays, it says it is checking, a press does nothing', async () => {
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
    const { root, button, press } = draw('http://127.0.0.1:8545', onRun);
    expect(button().hasAttribute('aria-disabled')).toBe(false);
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
    // One of the two: a disabled button with aria-disabled="false" would say two things.
    expect(button().hasAttribute('aria-disabled')).toBe(false);
    press();
    expect(onRun).not.toHaveBeenCalled();
    render(null, root);
  });

  test('Cancel goes away when the check ends, so the focus it had moves to the check button, not to the page', async () => {
    // A run that ends when it is cancelled, as checkReserves does: it answers rather than rejects.
    const onRun = vi.fn(
      (_target: ReserveCheckTarget, options: { signal: AbortSignal }) => new Promise<CheckReservesReturnType>((resolve) => options.signal.addEventListener('abort', () => resolve(cancelled))),
    );
    const { window, root, $, button, press, focused } = draw('http://127.0.0.1:8545', onRun);
    press();
    await settle();
    const cancel = $('reserves-cancel');
    cancel?.focus();
    cancel?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    expect($('reserves-cancel')).toBeNull();
    expect(focused).toEqual(['reserves-cancel', 'reserves-run']);
    expect(window.document.activeElement).toBe(button());
    render(null, root);
  });

  test('a check that ends while the focus is elsewhere leaves the focus alone', async () => {
    let finish: (result: CheckReservesReturnType) => void = () => undefined;
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>((resolve) => (finish = resolve)));
    const { root, $, press, focused } = draw('http://127.0.0.1:8545', onRun);
    press();
    await settle();
    $('reserves-target-okx:1')?.focus();
    finish(cancelled);
    await settle();
    expect($('reserves-cancel')).toBeNull();
    expect(focused).toEqual(['reserves-target-okx:1']);
    render(null, root);
  });
});

describe('ReserveCheck endpoint per network', () => {
  const MAIN = 'https://eth.example.org';
  const ARB = 'https://arb.example.org';
  const arbitrum: ReserveCheckTarget = { ...target, key: 'okx:42161', chainId: 42161, chainName: 'Arbitrum One', defillamaChain: 'Arbitrum' };
  const choose = (window: ReturnType<typeof page>['window'], radio: HTMLElement | null) => {
    (radio as HTMLInputElement).checked = true;
    radio?.dispatchEvent(new window.Event('change', { bubbles: true }));
  };

  test('each network is read through its own endpoint from the options, shown as the one in use, and the run is handed that one', async () => {
    const onRun = vi.fn((_target: ReserveCheckTarget, _options: RunReserveCheckOptions) => new Promise<CheckReservesReturnType>(() => undefined));
    const { window, root, $, press } = draw(MAIN, onRun, 'en', { targets: [target, arbitrum], chainRpcUrls: { '42161': ARB } });
    expect($('reserves-rpc')?.querySelector('code')?.textContent).toBe(MAIN);
    choose(window, $('reserves-target-okx:42161'));
    await settle();
    expect($('reserves-rpc')?.querySelector('code')?.textContent).toBe(ARB);
    press();
    await settle();
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(onRun.mock.calls[0]?.[0]).toBe(arbitrum);
    expect(onRun.mock.calls[0]?.[1].rpcUrl).toBe(ARB);
    render(null, root);
  });

  // The address may carry its provider's key in its path or query, and this page is one users screenshot: its computer alone is named.
  test('the endpoint in use is named by its origin alone; the run is handed the whole address', async () => {
    const keyed = 'https://eth.provider.example/v3/0123456789abcdef?apikey=secret';
    const onRun = vi.fn((_target: ReserveCheckTarget, _options: RunReserveCheckOptions) => new Promise<CheckReservesReturnType>(() => undefined));
    const { root, $, press } = draw(keyed, onRun, 'en', { targets: [target] });
    expect($('reserves-rpc')?.querySelector('code')?.textContent).toBe('https://eth.provider.example');
    expect($('reserves-rpc')?.textContent).not.toContain('secret');
    press();
    await settle();
    expect(onRun.mock.calls[0]?.[1].rpcUrl).toBe(keyed);
    render(null, root);
  });

  test('with only an Arbitrum endpoint, Ethereum has none to read with (the run disabled, the options offered), Arbitrum runs', async () => {
    const onRun = vi.fn((_target: ReserveCheckTarget, _options: RunReserveCheckOptions) => new Promise<CheckReservesReturnType>(() => undefined));
    const { window, root, $, button, press } = draw(undefined, onRun, 'en', { targets: [target, arbitrum], chainRpcUrls: { '42161': ARB } });
    expect($('reserves-no-rpc')).not.toBeNull();
    expect(button().disabled).toBe(true);
    choose(window, $('reserves-target-okx:42161'));
    await settle();
    expect($('reserves-no-rpc')).toBeNull();
    expect($('reserves-rpc')?.querySelector('code')?.textContent).toBe(ARB);
    expect(button().disabled).toBe(false);
    press();
    await settle();
    expect(onRun.mock.calls[0]?.[1].rpcUrl).toBe(ARB);
    render(null, root);
  });
});

describe('ReserveCheck target choice', () => {
  test('each exchange and chain is a radio button whose words can wrap, named by exchange and chain; the wallet count is in the list line under it', () => {
    const { root, $ } = draw('http://127.0.0.1:8545', vi.fn());
    const radio = $('reserves-target-okx:1') as HTMLInputElement;
    expect(radio.getAttribute('type')).toBe('radio');
    expect(radio.closest('label')?.textContent).toBe('OKX, Ethereum ağında');
    expect($('reserves-target')?.querySelector('legend')?.textContent).toBe(t('verifyReservesPick'));
    expect($('reserves-list-source')?.textContent).toContain('1 cüzdan');
    render(null, root);
  });

  test("the list's source links open beside the page, so a result shown below them stays", () => {
    const readFrom = 'https://static.okx.com/reserves/wallets.json';
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'tr' }}>
        <ReserveCheck targets={[{ ...target, readFrom }]} endpoints={endpoints(undefined)} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={vi.fn()} now={NOW} />
      </I18nContext.Provider>,
      root,
    );
    const links = [...($('reserves-list-source')?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([target.publishedAt, readFrom]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(['noopener', 'noreferrer']);
    }
    render(null, root);
  });

  test('the two source links are apart, as each language sets an aside: "published by OKX (where we read it)", never one run-on phrase', () => {
    const readFrom = 'https://static.okx.com/reserves/wallets.json';
    const line = (locale: string) => {
      const { root, $ } = page();
      render(
        <I18nContext.Provider value={{ t: words(locale.replace('-', '_')), locale }}>
          <ReserveCheck targets={[{ ...target, readFrom }]} endpoints={endpoints(undefined)} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={vi.fn()} now={NOW} />
        </I18nContext.Provider>,
        root,
      );
      const text = $('reserves-list-source')?.textContent ?? '';
      render(null, root);
      return text;
    };
    expect(line('en')).toMatch(/: published by OKX \(where we read it\)$/);
    expect(line('fr')).toMatch(/\u00a0: publiée par OKX \(où nous l'avons lue\)$/);
    expect(line('tr')).toMatch(/yayımlayan: OKX \(okuduğumuz yer\)$/);
    const chinese = line('zh-CN');
    expect(chinese).toMatch(/：由 OKX 公布（我们的读取来源）$/);
    expect(chineseSentenceProblems(chinese)).toEqual([]);
  });

  test('the list line says one wallet in the singular and more in the plural (Turkish and Chinese say both alike)', () => {
    const line = (locale: string, count: number) => {
      const { root, $ } = page();
      const addresses = Array.from({ length: count }, (_, i) => `0x${String(i + 1).repeat(40)}`);
      render(
        <I18nContext.Provider value={{ t: words(locale.replace('-', '_')), locale }}>
          <ReserveCheck targets={[{ ...target, addresses }]} endpoints={endpoints(undefined)} optionsUrl="chrome-extension://x/options.html" views={undefined} onRun={vi.fn()} now={NOW} />
        </I18nContext.Provider>,
        root,
      );
      const text = $('reserves-list-source')?.textContent ?? '';
      render(null, root);
      return text;
    };
    expect(line('en', 1)).toMatch(/^List of 1 wallet as of Aug 10, 2026 \(3 months ago\): /);
    expect(line('en', 2)).toMatch(/^List of 2 wallets as of Aug 10, 2026 \(3 months ago\): /);
    for (const [locale, one, two] of [
      ['de', 'Liste mit 1 Wallet,', 'Liste mit 2 Wallets,'],
      ['es', 'Lista de 1 billetera al', 'Lista de 2 billeteras al'],
      ['fr', 'Liste de 1 portefeuille au', 'Liste de 2 portefeuilles au'],
      ['pt-BR', 'Lista de 1 carteira em', 'Lista de 2 carteiras em'],
      ['sv', 'Lista med 1 plånbok per', 'Lista med 2 plånböcker per'],
    ] as const) {
      expect(line(locale, 1), locale).toContain(one);
      expect(line(locale, 2), locale).toContain(two);
    }
    // By each language's plural rules: French and Brazilian Portuguese say 0 in the singular, English in the plural.
    expect(line('fr', 0)).toContain('Liste de 0 portefeuille au');
    expect(line('pt-BR', 0)).toContain('Lista de 0 carteira em');
    expect(line('en', 0)).toMatch(/^List of 0 wallets as of/);
  });
});

describe('ReserveCheck in Chinese', () => {
  test('nothing follows a full-width "：" or "。" but the next words: the endpoint, the list’s links', () => {
    const { root, $ } = page();
    render(
      <I18nContext.Provider value={{ t: words('zh_CN'), locale: 'zh-CN' }}>
        <ReserveCheck
          targets={[{ ...target, readFrom: 'https://example.org/read-from' }]}
          endpoints={endpoints('http://127.0.0.1:8545')}
          optionsUrl="chrome-extension://x/options.html"
          views={undefined}
          onRun={vi.fn()}
          now={NOW}
        />
      </I18nContext.Provider>,
      root,
    );
    expect($('reserves-rpc')?.textContent).toContain('\uff1ahttp://127.0.0.1:8545');
    for (const block of root.querySelectorAll('p, li, label, legend')) expect(chineseSentenceProblems(block.textContent ?? ''), block.textContent ?? '').toEqual([]);
    render(null, root);
  });
});

describe('ReserveCheck published figures', () => {
  const type = (window: ReturnType<typeof page>['window'], input: HTMLInputElement, text: string) => {
    input.value = text;
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
  };

  test('a figure is read the way the language writes numbers: "12,345" is twelve thousand in English, twelve point three in Turkish', async () => {
    for (const [locale, expected] of [
      ['en', '12345'],
      ['tr', '12.345'],
    ] as const) {
      const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
      const { window, root, $, press } = draw('http://127.0.0.1:8545', onRun, locale);
      type(window, $('reserves-figure-ETH') as HTMLInputElement, '12,345');
      await settle();
      expect($('reserves-figure-error')).toBeNull();
      press();
      await settle();
      expect(onRun).toHaveBeenCalledWith(target, expect.objectContaining({ published: { ETH: expected } }));
      render(null, root);
    }
  });

  test("figures typed from one exchange's report stay with that exchange: another on the same chain starts empty and is run without them", async () => {
    const deribit: ReserveCheckTarget = { ...target, key: 'deribit:1', exchangeId: 'deribit', exchangeName: 'Deribit' };
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
    const { window, root, $, press } = draw('http://127.0.0.1:8545', onRun, 'en', { targets: [target, deribit] });
    const pick = (key: string) => ($(`reserves-target-${key}`) as HTMLInputElement).dispatchEvent(new window.Event('change', { bubbles: true }));
    type(window, $('reserves-figure-ETH') as HTMLInputElement, '12');
    await settle();
    pick('deribit:1');
    await settle();
    expect(($('reserves-figure-ETH') as HTMLInputElement).value).toBe('');
    // Back at OKX, its own figure is still there.
    pick('okx:1');
    await settle();
    expect(($('reserves-figure-ETH') as HTMLInputElement).value).toBe('12');
    pick('deribit:1');
    await settle();
    press();
    await settle();
    expect(onRun).toHaveBeenCalledWith(deribit, expect.not.objectContaining({ published: expect.anything() }));
    render(null, root);
  });

  test('a failed check keeps the typed figures in the form and says they were not compared', async () => {
    const failed: CheckReservesReturnType = {
      ...cancelled,
      error: { code: 'rpc-unreachable', failure: { code: 'rpc-unreachable' } },
      published: { amounts: { ETH: '1234.5' }, source: 'entered by the user' },
    };
    const onRun = vi.fn(() => Promise.resolve(failed));
    const { window, root, $, press } = draw('http://127.0.0.1:8545', onRun, 'en');
    type(window, $('reserves-figure-ETH') as HTMLInputElement, '1,234.5');
    await settle();
    press();
    await settle();
    expect(($('reserves-figure-ETH') as HTMLInputElement).value).toBe('1,234.5');
    expect($('reserves-figures-not-compared')?.textContent).toBe(words('en')('verifyReservesFiguresNotCompared'));
    render(null, root);
  });

  test("text it would have to guess about is refused in plain words with the language's own example, and nothing runs", async () => {
    const onRun = vi.fn(() => new Promise<CheckReservesReturnType>(() => undefined));
    const { window, root, $, button } = draw('http://127.0.0.1:8545', onRun, 'en');
    type(window, $('reserves-figure-ETH') as HTMLInputElement, '0,500');
    await settle();
    expect($('reserves-figure-ETH')?.getAttribute('aria-invalid')).toBe('true');
    expect($('reserves-figure-error')?.textContent).toBe(words('en')('verifyReservesFigureInvalid', ['ETH', '1,234.5']));
    expect(button().disabled).toBe(true);
    render(null, root);
  });
});

describe('ReserveCheck counts', () => {
  test('the progress and the request counts are written as the language writes numbers', async () => {
    let finish: (result: CheckReservesReturnType) => void = () => undefined;
    const onRun: ReserveCheckProps['onRun'] = (_target, options) => {
      options.onProgress({ done: 1200, total: 2400 });
      return new Promise<CheckReservesReturnType>((resolve) => {
        finish = resolve;
      });
    };
    const { root, $, press } = draw('http://127.0.0.1:8545', onRun, 'de');
    press();
    await settle();
    expect($('reserves-live')?.textContent).toContain(words('de')('verifyReservesProgress', ['1.200', '2.400']));
    finish({ complete: true, blockNumber: '21000000', balances: [], totals: { ETH: '1' }, comparisons: [], rpcRequests: 1234, naiveRequests: 56789 });
    await settle();
    expect($('reserves-result')?.textContent).toContain(words('de')('verifyReservesRequests', ['1.234', '56.789']));
    render(null, root);
  });
});

describe('ReserveCheck links to the options', () => {
  // The RPC endpoint is changed in the options; the verify page follows the settings, so it stays open with what was typed and found.
  for (const [when, rpcUrl, testId, visible] of [
    ['with an endpoint: "Change"', 'http://127.0.0.1:8545', 'reserves-change-rpc', 'verifyReservesChangeRpc'],
    ['without one: "Open options"', undefined, 'reserves-options-link', 'verifyReservesOpenOptions'],
  ] as const) {
    test(`${when} opens them in a new tab, and says so to a screen reader`, () => {
      const { root, $ } = draw(rpcUrl, vi.fn());
      const link = $(testId);
      expect(link?.getAttribute('href')).toBe('chrome-extension://x/options.html');
      expect(link?.getAttribute('target')).toBe('_blank');
      expect(link?.getAttribute('rel')?.split(' ')).toContain('noopener');
      // The name starts with the words seen; the new tab is said after them, hidden from sight.
      expect(link?.textContent).toBe(`${t(visible)} ${t('opensInNewTab')}`);
      expect(link?.querySelector('.visually-hidden')?.textContent).toBe(` ${t('opensInNewTab')}`);
      render(null, root);
    });
  }
});
