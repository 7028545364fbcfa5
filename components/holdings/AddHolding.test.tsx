import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Holding } from '../../lib/holdings/model';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { AddHolding } from './AddHolding';
import { localeMessages } from '../../utils/locale-files.testkit';

const messagesOf = (locale: string) => localeMessages(locale);

function form(locale = 'en') {
  const onAdd = vi.fn((_holding: Holding) => Promise.resolve(true));
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(messagesOf(locale)), locale }}>
      <AddHolding exchangeNames={{ kraken: 'Kraken' }} onAdd={onAdd} />
    </I18nContext.Provider>,
    root,
  );
  const field = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const submit = () => field('holding-add').dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  const edit = (testId: string, value: string, event: 'input' | 'change' = 'input') => {
    // linkedom's <select> has no value setter; the browser's does.
    if (field(testId).tagName === 'SELECT') Object.defineProperty(field(testId), 'value', { value, configurable: true });
    else field(testId).value = value;
    field(testId).dispatchEvent(new window.Event(event, { bubbles: true }));
  };
  const errors = () => [...root.querySelectorAll('.form-error')].map((node) => node.getAttribute('data-testid'));
  return { root, field, settle, submit, edit, errors, onAdd };
}

afterEach(() => vi.unstubAllGlobals());

describe('AddHolding errors', () => {
  test("editing a field clears that field's error and leaves the others", async () => {
    const { field, settle, submit, edit, errors } = form();
    submit();
    await settle();
    expect(errors()).toEqual(['holding-asset-error', 'holding-amount-error']);
    edit('holding-asset', 'BT');
    await settle();
    expect(errors()).toEqual(['holding-amount-error']);
    expect(field('holding-asset').getAttribute('aria-invalid')).toBe('false');
    expect(field('holding-amount').getAttribute('aria-invalid')).toBe('true');
    edit('holding-amount', '1');
    await settle();
    expect(errors()).toEqual([]);
  });

  test('a field that goes away on a change of kind takes its error with it', async () => {
    const { field, settle, submit, edit, errors } = form();
    submit();
    await settle();
    edit('holding-kind', 'fiat', 'change');
    await settle();
    expect(field('holding-asset')).toBeNull();
    expect(errors()).toEqual(['holding-amount-error']);
  });

  test('a text field with a number keypad: the extension reads exactly what was typed', () => {
    const { field } = form();
    expect(field('holding-amount').getAttribute('type')).toBe('text');
    expect(field('holding-amount').getAttribute('inputmode')).toBe('decimal');
  });

  test('German: 1,5 is recorded as one and a half', async () => {
    const { settle, submit, edit, onAdd } = form('de');
    edit('holding-asset', 'BTC');
    edit('holding-amount', '1,5');
    await settle();
    submit();
    await settle();
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ asset: 'BTC', amount: 1.5 });
  });

  for (const [locale, text, example] of [
    ['en', '1,5', '1,234.5'],
    ['en', '1.2.3', '1,234.5'],
    ['de', '1.5', '1.234,5'],
    ['de', '1e400', '1.234,5'],
  ] as const) {
    test(`${locale}: ${text} is refused as unreadable, tied to the field, and nothing is recorded`, async () => {
      const { root, field, settle, submit, edit, onAdd } = form(locale);
      edit('holding-asset', 'BTC');
      edit('holding-amount', text);
      await settle();
      submit();
      await settle();
      expect(onAdd).not.toHaveBeenCalled();
      expect(field('holding-amount').getAttribute('aria-invalid')).toBe('true');
      const id = field('holding-amount').getAttribute('aria-describedby');
      expect(root.querySelector(`[id="${id}"]`)?.textContent).toBe(translateFrom(messagesOf(locale))('holdingsUnreadableNumber', example));
    });
  }
});
