import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { emptyHoldingsState, type HoldingsState } from '../../lib/holdings/model';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, recordFocus, settle } from '../test-dom';
import { HoldingsList } from './HoldingsList';
import { expectLabelsEndWith, NARROW_COLONS } from './narrow-labels.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const messagesOf = (locale: string) => localeMessages(locale);
const prices = { fetchedAt: 0, prices: {}, fiat: {} };
const now = Date.UTC(2026, 11, 5);
const three: HoldingsState = {
  ...emptyHoldingsState,
  holdings: ['BTC', 'ETH', 'SOL'].map((asset) => ({ id: asset, kind: 'asset' as const, custodian: 'self', asset, amount: 15, updatedAt: now })),
};

function list(locale: string, state: HoldingsState) {
  const { window, root } = page();
  const focused = recordFocus(window);
  let current = state;
  const onSave = vi.fn((next: HoldingsState) => {
    current = next;
    draw();
    return Promise.resolve(true);
  });
  const draw = () =>
    render(
      <I18nContext.Provider value={{ t: translateFrom(messagesOf(locale)), locale }}>
        <HoldingsList state={current} nameOf={(id) => id} money={() => '-'} prices={prices} onSave={onSave} />
      </I18nContext.Provider>,
      root,
    );
  draw();
  const amounts = () => [...root.querySelectorAll('[data-testid="holding-row-amount"]')] as HTMLInputElement[];
  const type = (index: number, text: string) => {
    const field = amounts()[index]!;
    field.value = text;
    field.dispatchEvent(new window.Event('input', { bubbles: true }));
    field.dispatchEvent(new window.Event('change', { bubbles: true }));
  };
  const refusal = (field: HTMLInputElement) => {
    if (field.getAttribute('aria-invalid') !== 'true') return undefined;
    return root.querySelector(`[id="${field.getAttribute('aria-describedby')}"]`)?.textContent;
  };
  const remove = (index: number) => root.querySelectorAll('[data-remove]')[index]!.dispatchEvent(new window.Event('click', { bubbles: true }));
  return { root, focused, onSave, amounts, type, refusal, remove, current: () => current };
}

describe('HoldingsList', () => {
  effectsOnNextTask();

  for (const [locale, text, expected] of [
    ['de', '2,5', 2.5],
    ['en', '2.5', 2.5],
  ] as const) {
    test(`${locale}: an amount edited in the language's writing is saved, and shown that way`, async () => {
      const { amounts, type, current } = list(locale, three);
      await settle();
      type(0, text);
      await settle();
      expect(current().holdings[0]).toMatchObject({ amount: expected });
      expect(amounts()[0]!.value).toBe(text);
    });
  }

  for (const [locale, text, key] of [
    ['en', '-5', 'holdingsInvalidAmount'],
    ['en', '', 'holdingsInvalidAmount'],
    ['en', '1,5', 'holdingsUnreadableNumber'],
    ['de', '-5', 'holdingsInvalidAmount'],
    ['de', '1e400', 'holdingsUnreadableNumber'],
  ] as const) {
    test(`${locale}: an amount of "${text}" is refused in plain words tied to the field; the saved 15 stays`, async () => {
      const { amounts, type, refusal, onSave } = list(locale, three);
      await settle();
      type(0, text);
      await settle();
      expect(onSave).not.toHaveBeenCalled();
      expect(refusal(amounts()[0]!)).toBe(translateFrom(messagesOf(locale))(key, locale === 'de' ? '1.234,5' : '1,234.5'));
    });
  }

  test('removing a row moves the focus to the next row’s Remove, then the previous one, then the empty list', async () => {
    const { root, focused, remove, current } = list('de', three);
    await settle();
    remove(1);
    await settle();
    expect(current().holdings.map((h) => h.id)).toEqual(['BTC', 'SOL']);
    expect(focused.at(-1)).toBe('holding-remove-SOL');
    remove(1);
    await settle();
    expect(focused.at(-1)).toBe('holding-remove-BTC');
    remove(0);
    await settle();
    expect(focused.at(-1)).toBe('holdings-empty');
    expect(root.querySelector('[data-testid="holdings-empty"]')?.getAttribute('tabindex')).toBe('-1');
  });

  test("on a narrow screen each cell's column name is followed by the colon of the reader's language", () => {
    for (const [locale, colon] of NARROW_COLONS) {
      const { root } = list(locale, three);
      expectLabelsEndWith(root, locale, colon);
    }
    // The style shows the label as it is, adding no colon of its own.
    expect(readFileSync(join(import.meta.dirname, '../holdings.css'), 'utf8')).toMatch(/content: attr\(data-label\);/);
  });

  test('in Chinese a removed entry is said with its custodian in full-width parentheses, with no space before', async () => {
    const { root, remove } = list('zh_CN', three);
    remove(1);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="holdings-removed"]')?.textContent).toBe(translateFrom(messagesOf('zh_CN'))('listRemoved', 'ETH\uff08self\uff09')));
  });

  test('each removal is said in a polite live region, in the reader’s language; one that does not take says nothing', async () => {
    const { root, remove } = list('de', three);
    const t = translateFrom(messagesOf('de'));
    const status = () => root.querySelector('[data-testid="holdings-removed"]');
    await settle();
    // In the page and empty before anything is removed, so the first words are read.
    const region = status();
    expect(region?.getAttribute('role')).toBe('status');
    expect(region?.textContent).toBe('');
    remove(1);
    await settle();
    expect(status()).toBe(region);
    expect(region?.textContent).toBe(t('listRemoved', 'ETH (self)'));
    expect(region?.textContent).toBe('ETH (self) entfernt.');
    remove(0);
    await settle();
    remove(0);
    await settle();
    expect(status()).toBe(region);
    expect(region?.textContent).toBe(t('listRemoved', 'SOL (self)'));

    // A save that does not take (the entry is still listed): nothing was removed, nothing is said.
    const failing = list('en', three);
    failing.onSave.mockImplementationOnce(() => Promise.resolve(false));
    await settle();
    failing.remove(0);
    await settle();
    expect(failing.root.querySelector('[data-testid="holdings-removed"]')?.textContent).toBe('');
  });

  test('a Remove whose save failed is forgotten: when the entry goes later for another reason, the focus stays and nothing is said', async () => {
    const failing = list('en', three);
    failing.onSave.mockImplementationOnce(() => Promise.resolve(false));
    failing.remove(0);
    await settle();
    const before = failing.focused.length;
    // Another page removes BTC: the storage change draws the list without it.
    await failing.onSave({ ...three, holdings: three.holdings.slice(1) });
    await settle();
    expect(failing.current().holdings.map((h) => h.id)).toEqual(['ETH', 'SOL']);
    expect(failing.focused.length).toBe(before);
    expect(failing.root.querySelector('[data-testid="holdings-removed"]')?.textContent).toBe('');
  });

  test('a second removal of the same name is new words in the region, so a screen reader says it again', async () => {
    const twice: HoldingsState = { ...three, holdings: three.holdings.map((holding) => ({ ...holding, asset: 'BTC' })) };
    const { root, remove } = list('en', twice);
    const region = () => root.querySelector('[data-testid="holdings-removed"]')!;
    await settle();
    remove(0);
    await settle();
    const first = region().firstChild;
    expect(region().textContent).toBe('Removed BTC (self).');
    remove(0);
    await settle();
    // The same words: only a new node in the live region makes it speak again.
    expect(region().textContent).toBe('Removed BTC (self).');
    expect(region().firstChild).not.toBe(first);
    expect(first?.isConnected).toBe(false);
  });
});
