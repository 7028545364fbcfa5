import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { options, render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom, type Messages } from '../utils/i18n';
import { HoldingsData, type ImportResult } from './HoldingsData';

const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../public/_locales/de/messages.json'), 'utf8')) as Messages;
const t = translateFrom(messages);

/** The data section in German, a file chosen in its import input, and the message it shows after. */
async function importWith(onImport: (file: File) => Promise<ImportResult>): Promise<{ message: string | null | undefined; role: string | null | undefined }> {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  vi.stubGlobal('document', document);
  const root = document.getElementById('root') as unknown as HTMLElement;
  render(
    <I18nContext.Provider value={{ t, locale: 'de' }}>
      <HoldingsData
        reminders={{ proofOfKeysDay: false }}
        notificationsGranted={false}
        onReminders={() => Promise.resolve(true)}
        onExport={() => undefined}
        onImport={onImport}
        onDeleteEverything={() => Promise.resolve()}
      />
    </I18nContext.Provider>,
    root,
  );
  const input = root.querySelector('[data-testid="data-import"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'sicherung.json', { type: 'application/json' })] });
  input.dispatchEvent(new window.Event('change', { bubbles: true }));
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  const shown = root.querySelector('[data-testid="data-import-message"]');
  return { message: shown?.textContent, role: shown?.getAttribute('role') };
}

describe('HoldingsData import', () => {
  afterEach(() => vi.unstubAllGlobals());

  test("a refusal is shown in the reader's language", async () => {
    expect(await importWith(() => Promise.resolve({ ok: false, reason: t('dataFailNotJson') }))).toEqual({ message: t('dataImportFailed', t('dataFailNotJson')), role: 'alert' });
  });

  test('an import that stopped halfway says so, not "Nothing was changed"', async () => {
    expect(await importWith(() => Promise.resolve({ ok: false, reason: t('dataFailHalfway'), halfway: true }))).toEqual({ message: t('dataFailHalfway'), role: 'alert' });
  });

  test('while an import runs its button is aria-disabled and a second file waits its turn', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    let finish: (result: ImportResult) => void = () => undefined;
    const onImport = vi.fn(() => new Promise<ImportResult>((resolve) => (finish = resolve)));
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <HoldingsData
          reminders={{ proofOfKeysDay: false }}
          notificationsGranted={false}
          onReminders={() => Promise.resolve(true)}
          onExport={() => undefined}
          onImport={onImport}
          onDeleteEverything={() => Promise.resolve()}
        />
      </I18nContext.Provider>,
      root,
    );
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const input = root.querySelector('[data-testid="data-import"]') as HTMLInputElement;
    // The hidden file input is out of the accessibility tree: the button is the one way in.
    expect(input.getAttribute('aria-hidden')).toBe('true');
    const button = () => root.querySelector('[data-testid="data-import-choose"]') as HTMLButtonElement;
    const click = vi.spyOn(input, 'click').mockImplementation(() => undefined);
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'eins.json', { type: 'application/json' })], configurable: true });
    input.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(button().getAttribute('aria-disabled')).toBe('true');
    button().dispatchEvent(new window.Event('click', { bubbles: true }));
    input.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(click).not.toHaveBeenCalled();
    expect(onImport).toHaveBeenCalledTimes(1);
    finish({ ok: true, holdings: 1, addresses: 0, history: 0 });
    await settle();
    expect(button().getAttribute('aria-disabled')).toBe('false');
    button().dispatchEvent(new window.Event('click', { bubbles: true }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  test('an import that fails in a way nobody foresaw still gets a plain-words message, not silence', async () => {
    expect(await importWith(() => Promise.reject(new TypeError('Invalid URL')))).toEqual({ message: t('dataImportFailed', t('dataFailUnexpected')), role: 'alert' });
  });
});

describe('HoldingsData delete confirmation', () => {
  // Effects (where focus moves) run on the next task, as after a paint in a browser, not 35 ms later.
  beforeEach(() => {
    options.requestAnimationFrame = (callback) => setTimeout(callback, 0);
  });
  afterEach(() => {
    delete options.requestAnimationFrame;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  test('Escape inside the question cancels it like Cancel: nothing deleted, focus back on "Delete everything…"', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const focused: (string | null)[] = [];
    vi.spyOn(window.HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this.getAttribute('data-testid'));
    });
    const onDeleteEverything = vi.fn(() => Promise.resolve());
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <HoldingsData
          reminders={{ proofOfKeysDay: false }}
          notificationsGranted={false}
          onReminders={() => Promise.resolve(true)}
          onExport={() => undefined}
          onImport={() => Promise.resolve({ ok: true, holdings: 0, addresses: 0, history: 0 })}
          onDeleteEverything={onDeleteEverything}
        />
      </I18nContext.Provider>,
      root,
    );
    const settle = async () => {
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);
    await settle();
    $('delete-everything')?.dispatchEvent(new window.Event('click', { bubbles: true }));
    await settle();
    const question = root.querySelector('[role="group"]');
    expect(question?.textContent).toContain(t('deleteConfirm'));
    expect(focused).toEqual(['delete-cancel']);
    const escapeKey = new window.Event('keydown', { bubbles: true, cancelable: true });
    Object.defineProperty(escapeKey, 'key', { value: 'Escape' });
    // Sent to the group: linkedom runs a bubbling event's listeners with `this` set to the target, which Preact's handlers cannot take.
    root.querySelector('[role="group"]')?.dispatchEvent(escapeKey);
    await settle();
    expect($('delete-confirm')).toBeNull();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['delete-cancel', 'delete-everything']);
    expect(onDeleteEverything).not.toHaveBeenCalled();
    render(null, root);
  });
});
