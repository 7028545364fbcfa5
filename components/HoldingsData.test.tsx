import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { I18nContext, translateFrom } from '../utils/i18n';
import { HoldingsData, type ImportResult } from './HoldingsData';
import { effectsOnNextTask, page, recordFocus, settle } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

const messages = localeMessages('de');
const t = translateFrom(messages);

/** The data section in German on a fresh page, with the import and delete answers given. */
function drawData({
  onImport = () => Promise.resolve({ ok: true, holdings: 0, addresses: 0, history: 0 }),
  onDeleteEverything = () => Promise.resolve(true),
  onReminders = () => Promise.resolve(true),
  onExport = () => Promise.resolve('with-lists' as const),
  hostsHeld = true,
  unusedRpcUrls = [],
}: {
  onExport?: () => Promise<'with-lists' | 'without-lists'>;
  onImport?: (file: File) => Promise<ImportResult>;
  onDeleteEverything?: () => Promise<boolean>;
  onReminders?: () => Promise<boolean>;
  hostsHeld?: boolean;
  unusedRpcUrls?: readonly string[];
}) {
  const dom = page();
  // Drawn again with the settings stored now, as the options page does when they change.
  const draw = (stored: readonly string[]) =>
    render(
      <I18nContext.Provider value={{ t, locale: 'de' }}>
        <HoldingsData
          reminders={{ proofOfKeysDay: false }}
          notificationsGranted={false}
          onReminders={onReminders}
          onExport={onExport}
          onImport={onImport}
          onDeleteEverything={onDeleteEverything}
          hostsHeld={hostsHeld}
          unusedRpcUrls={stored}
        />
      </I18nContext.Provider>,
      dom.root,
    );
  draw(unusedRpcUrls);
  return { ...dom, draw };
}

/**
 * The data section in German, a file chosen in its import input, and the message it shows after. `stored` are the
 * endpoints stored but used for nothing once the import is written: by default, the ones the import brought.
 */
async function importWith(
  onImport: (file: File) => Promise<ImportResult>,
  stored?: readonly string[],
): Promise<{ message: string | null | undefined; role: string | null | undefined; draw: (stored: readonly string[]) => void; shown: () => string | null | undefined }> {
  let imported: readonly string[] = [];
  const { root, window, draw } = drawData({
    onImport: (file) =>
      onImport(file).then((result) => {
        if (result.ok) imported = result.unusedRpcUrls ?? [];
        return result;
      }),
  });
  const input = root.querySelector('[data-testid="data-import"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['{}'], 'sicherung.json', { type: 'application/json' })] });
  input.dispatchEvent(new window.Event('change', { bubbles: true }));
  await settle();
  // The page reads the settings the import wrote, and draws again.
  draw(stored ?? imported);
  await settle();
  const message = () => root.querySelector('[data-testid="data-import-message"]');
  return { message: message()?.textContent, role: message()?.getAttribute('role'), draw, shown: () => message()?.textContent };
}

describe('HoldingsData import', () => {
  afterEach(() => vi.unstubAllGlobals());

  test("a refusal is shown in the reader's language", async () => {
    expect(await importWith(() => Promise.resolve({ ok: false, reason: t('dataFailNotJson') }))).toMatchObject({ message: t('dataImportFailed', t('dataFailNotJson')), role: 'alert' });
  });

  test('while an import runs its button is aria-disabled and a second file waits its turn', async () => {
    let finish: (result: ImportResult) => void = () => undefined;
    const onImport = vi.fn(() => new Promise<ImportResult>((resolve) => (finish = resolve)));
    const { root, window } = drawData({ onImport });
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

  test('the counts are grouped as the reader writes numbers (German: "1.234")', async () => {
    const { message } = await importWith(() => Promise.resolve({ ok: true, holdings: 1234, addresses: 2, history: 3650 }));
    expect(message).toBe(t('dataImported', [t('dataImportedHoldings', '1.234'), t('dataImportedAddresses', '2'), t('dataImportedDays', '3.650')]));
  });

  test('an import that brought an RPC address the extension will not send to says so after the counts, in plain words', async () => {
    const counts = t('dataImported', [t('dataImportedHoldingsOne', '1'), t('dataImportedAddresses', '0'), t('dataImportedDays', '0')]);
    expect(await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, unusedRpcUrls: ['http://rpc.example.org'] }))).toMatchObject({
      message: `${counts} ${t('dataImportedRpcUnusedOne', 'http://rpc.example.org')}`,
      role: 'status',
    });
    const two = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, unusedRpcUrls: ['http://a.example', 'http://b.example'] }));
    expect(two.message).toBe(`${counts} ${t('dataImportedRpcUnused', 'http://a.example und http://b.example')}`);
    // None refused: the counts alone.
    expect((await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, unusedRpcUrls: [] }))).message).toBe(counts);
  });

  // The file is the sender's: its text must not speak in our sentence (a path reading "Your wallet is compromised", a
  // right-to-left override that turns the rest of the line around, a user name and password), nor flood the status line.
  test("a hostile file's RPC addresses are named by their origin alone, each once, at most three and how many more", async () => {
    const counts = t('dataImported', [t('dataImportedHoldings', '0'), t('dataImportedAddresses', '0'), t('dataImportedDays', '0')]);
    const hostile = 'http://evil.example/ Your wallet is compromised. Visit evil.example now\u202E';
    const others = Array.from({ length: 50 }, (_, i) => `http://user:secret@n${i}.example:8545/wallet/\u202E`);
    const unused = [hostile, 'http://evil.example/wallet', ...others];
    const { message } = await importWith(() => Promise.resolve({ ok: true, holdings: 0, addresses: 0, history: 0, unusedRpcUrls: unused }));
    expect(message).not.toContain('\u202E');
    expect(message).not.toMatch(/wallet|secret|user/i);
    expect(message?.length).toBeLessThan(600);
    const named = `http://evil.example, http://n0.example:8545, http://n1.example:8545 und ${t('rpcOriginsMore', '48')}`;
    expect(message).toBe(`${counts} ${t('dataImportedRpcUnused', named)}`);
  });

  test('the answer names only the addresses still stored unused: fixed in the RPC fields, the counts alone stay', async () => {
    const counts = t('dataImported', [t('dataImportedHoldingsOne', '1'), t('dataImportedAddresses', '0'), t('dataImportedDays', '0')]);
    const imported = ['http://a.example', 'http://b.example'];
    const { message, draw, shown } = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, unusedRpcUrls: imported }));
    expect(message).toBe(`${counts} ${t('dataImportedRpcUnused', 'http://a.example und http://b.example')}`);
    // One field fixed: the other is named, in the singular.
    draw(['http://b.example']);
    await settle();
    expect(shown()).toBe(`${counts} ${t('dataImportedRpcUnusedOne', 'http://b.example')}`);
    draw([]);
    await settle();
    expect(shown()).toBe(counts);
  });

  test('one address in two RPC fields is named once, and the fields are said in the plural', async () => {
    const counts = t('dataImported', [t('dataImportedHoldingsOne', '1'), t('dataImportedAddresses', '0'), t('dataImportedDays', '0')]);
    const { message } = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, unusedRpcUrls: ['http://x.example', 'http://x.example/'] }));
    expect(message).toBe(`${counts} ${t('dataImportedRpcUnused', 'http://x.example')}`);
  });

  test('an import that fails in a way nobody foresaw still gets a plain-words message, not silence', async () => {
    expect(await importWith(() => Promise.reject(new TypeError('Invalid URL')))).toMatchObject({ message: t('dataImportFailed', t('dataFailUnexpected')), role: 'alert' });
  });
});

describe('HoldingsData delete confirmation', () => {
  effectsOnNextTask();

  function drawDelete(onDeleteEverything: () => Promise<boolean>) {
    const dom = drawData({ onDeleteEverything });
    return { ...dom, focused: recordFocus(dom.window) };
  }

  test('"Delete everything…" asks in the page; a second press while the delete runs does nothing, then it says so and focus is back on the button', async () => {
    let finish: () => void = () => undefined;
    const onDeleteEverything = vi.fn(() => new Promise<boolean>((resolve) => (finish = () => resolve(true))));
    const { root, $, press, focused } = drawDelete(onDeleteEverything);
    await settle();
    press('delete-everything');
    await settle();
    expect(root.querySelector('[role="group"] p')?.textContent).toBe(t('deleteConfirm'));
    expect($('delete-confirm')?.textContent).toBe(t('deleteConfirmButton'));
    expect($('delete-confirm')?.getAttribute('aria-disabled')).toBe('false');
    press('delete-confirm');
    await settle();
    expect($('delete-confirm')?.getAttribute('aria-disabled')).toBe('true');
    press('delete-confirm');
    await settle();
    expect(onDeleteEverything).toHaveBeenCalledTimes(1);
    finish();
    await settle();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect($('delete-done')?.textContent).toBe(t('deleteDone'));
    expect(focused).toEqual(['delete-cancel', 'delete-everything']);
    render(null, root);
  });

  test.each([
    ['declined', () => Promise.resolve(false), 'reminders-no-permission', 'remindersNoPermission'],
    ['not saved', () => Promise.reject(new Error('quota')), 'reminders-notice', 'settingNotSaved'],
  ] as const)('a reminder answer from before (%s) is gone once everything is deleted', async (_name, onReminders, testId, key) => {
    const { root, window, $, press } = drawData({ onReminders });
    await settle();
    const box = $('reminder-pok') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect($(testId)?.textContent).toBe(t(key));
    press('delete-everything');
    await settle();
    press('delete-confirm');
    await settle();
    expect($('delete-done')?.textContent).toBe(t('deleteDone'));
    expect($(testId)?.textContent ?? '').toBe('');
    render(null, root);
  });

  test('a delete whose permissions the browser kept says everything was deleted and that the browser kept them', async () => {
    const { root, $, press } = drawDelete(() => Promise.resolve(false));
    await settle();
    press('delete-everything');
    await settle();
    press('delete-confirm');
    await settle();
    expect($('delete-done')?.textContent).toBe(t('deleteDonePermissionsKept'));
    expect($('delete-error')).toBeNull();
    render(null, root);
  });

  test('a delete that left the hosts withheld (Chromium, the access to all sites given up) says so, with a link to the notice under Data sources', async () => {
    const { root, $, press } = drawData({ hostsHeld: false });
    await settle();
    press('delete-everything');
    await settle();
    press('delete-confirm');
    await settle();
    expect($('delete-done')?.textContent).toBe(`${t('deleteDone')} ${t('hostAccessWithheldSee')}`);
    expect($('delete-done')?.querySelector('a')?.getAttribute('href')).toBe('#sources-title');
    render(null, root);
  });

  test('a delete that fails says so in plain words and the question stays, ready to try again', async () => {
    const onDeleteEverything = vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    const { root, $, press } = drawDelete(onDeleteEverything);
    await settle();
    press('delete-everything');
    await settle();
    press('delete-confirm');
    await settle();
    const error = $('delete-error');
    expect(error?.textContent).toBe(t('deleteFailed'));
    expect(error?.getAttribute('role')).toBe('alert');
    expect($('delete-done')).toBeNull();
    expect($('delete-confirm')?.getAttribute('aria-disabled')).toBe('false');
    press('delete-confirm');
    await settle();
    expect(onDeleteEverything).toHaveBeenCalledTimes(2);
    render(null, root);
  });
});

describe('HoldingsData: what the file holds', () => {
  test('the section says the file carries the warning lists and leaves out the sites opened anyway, and why', () => {
    const { root } = drawData({});
    expect(root.querySelector('[data-testid="data-file-holds"]')?.textContent).toBe(t('dataFileHolds'));
    const english = localeMessages('en');
    expect(english.dataFileHolds?.message).toMatch(/warning lists.*leaves out the sites you chose to open anyway, so that/);
    render(null, root);
  });

  test('an export that could not read the warning lists says they were left out; one that carried them says nothing more', async () => {
    const exported = async (answer: 'with-lists' | 'without-lists') => {
      const { root, window } = drawData({ onExport: () => Promise.resolve(answer) });
      root.querySelector('[data-testid="data-export"]')?.dispatchEvent(new window.Event('click', { bubbles: true }));
      await settle();
      const shown = root.querySelector('[data-testid="data-export-message"]');
      const said = { text: shown?.textContent, role: shown?.getAttribute('role') };
      render(null, root);
      return said;
    };
    expect(await exported('without-lists')).toEqual({ text: t('dataExportNoLists'), role: 'status' });
    expect(await exported('with-lists')).toEqual({ text: undefined, role: undefined });
  });
});

describe('HoldingsData: the warning lists of an import', () => {
  const counts = () => t('dataImported', [t('dataImportedHoldingsOne', '1'), t('dataImportedAddresses', '0'), t('dataImportedDays', '0')]);

  test('the lists added are counted, with those still waiting for "Allow access" and those held with another maintainer', async () => {
    const { message, role } = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, lists: { added: 2, needAccess: 1, keptOther: 1 } }));
    expect(role).toBe('status');
    expect(message).toBe(`${counts()} ${t('dataImportedLists', '2')} ${t('dataImportedListsAccessOne', '1')} ${t('dataImportedListsKeptOne', '1')}`);
    const none = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, lists: { added: 0, needAccess: 0, keptOther: 0 } }));
    expect(none.message).toBe(counts());
  });

  test('lists not added after the holdings were written: said as such, as an alert, not as a success', async () => {
    const { message, role } = await importWith(() => Promise.resolve({ ok: true, holdings: 1, addresses: 0, history: 0, lists: 'failed' }));
    expect(role).toBe('alert');
    expect(message).toBe(`${counts()} ${t('dataImportedListsFailed')}`);
  });
});
