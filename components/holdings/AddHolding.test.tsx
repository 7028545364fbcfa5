import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { AddHolding } from './AddHolding';

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages;

function form() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages), locale: 'en' }}>
      <AddHolding exchangeNames={{ kraken: 'Kraken' }} onAdd={() => Promise.resolve()} />
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
  return { field, settle, submit, edit, errors };
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
});
