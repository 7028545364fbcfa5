import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
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

  test('an import that fails in a way nobody foresaw still gets a plain-words message, not silence', async () => {
    expect(await importWith(() => Promise.reject(new TypeError('Invalid URL')))).toEqual({ message: t('dataImportFailed', t('dataFailUnexpected')), role: 'alert' });
  });
});
