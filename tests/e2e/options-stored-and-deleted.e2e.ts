/**
 * The options page shows what storage holds, in Chromium with the built extension: a plain-http
 * endpoint to another computer that an older version stored is used for nothing and says why,
 * costing no other setting, and an import that brings one says so, naming only the computer it goes to; and
 * after "Delete everything" the page is as clean as the emptied storage, with no draft or error of before left
 * beside "Everything was deleted."
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { focusedTestId, launchChromium, root, type ChromiumExtension } from './harness';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Messages;
const word = (key: string, ...parameters: string[]): string => {
  const message = en[key]?.message;
  if (message === undefined) throw new Error(`no message ${key}`);
  return parameters.reduce((text, value, i) => text.replace(`$${i + 1}`, value), message);
};

declare const chrome: { storage: { local: { get(keys: string[] | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } } };

describe('options page against what storage holds, in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;
  const pageErrors: string[] = [];
  const storedSettings = async () => (await browser.worker.evaluate(() => chrome.storage.local.get(['settings']))).settings as Record<string, unknown> | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    options = await browser.context.newPage();
    options.on('pageerror', (error) => pageErrors.push(String(error)));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('holdings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a remote http endpoint an older version stored is used for nothing, says why in plain words, and costs no other setting', async () => {
    const settings = { rpcUrl: 'http://example.com', chainRpcUrls: { '8453': 'http://base.example.com' }, corner: 'top-left', nudgePolicy: 'daily' };
    await browser.worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
    await options.reload();
    await options.getByTestId('holdings').waitFor();
    const rpc = options.getByTestId('rpc-url');
    await expect.poll(() => options.locator('#rpc-url-refused').textContent()).toBe(word('rpcRefusedStored', 'http://example.com'));
    await expect.poll(() => options.locator('#rpc-url-8453-refused').textContent()).toBe(word('rpcRefusedStored', 'http://base.example.com'));
    expect((await rpc.getAttribute('aria-describedby'))?.split(' ')).toContain('rpc-url-refused');
    await expect.poll(() => rpc.inputValue()).toBe('http://example.com');
    // Nothing was wiped: the stored value is as it was, and the other settings show.
    expect(await storedSettings()).toEqual(settings);
    expect(await options.locator('input[name="nudgePolicy"][value="daily"]').isChecked()).toBe(true);
    // A bad try says no address is in use, since the stored one is not.
    await rpc.fill('nonsense');
    await rpc.press('Tab');
    await expect.poll(() => options.locator('#rpc-url-error').textContent()).toBe(`${word('rpcInvalid')} ${word('rpcNotSavedNone')}`);
    // A good address replaces it, and the reason goes.
    await rpc.fill('https://good.example.org');
    await rpc.press('Tab');
    await expect.poll(async () => (await storedSettings())?.rpcUrl).toBe('https://good.example.org');
    await expect.poll(() => options.locator('#rpc-url-refused').count()).toBe(0);
    expect(await storedSettings()).toMatchObject({ corner: 'top-left', nudgePolicy: 'daily' });
    await browser.worker.evaluate(() => chrome.storage.local.clear());
    expect(pageErrors).toEqual([]);
  });

  test('a backup with plain-http RPC addresses on another computer imports; the answer names their computer alone, says they are kept but not used and why, and forgets each once replaced', async () => {
    // The file's sender wrote these: a path that would speak in our sentence, with U+202E to turn the rest around, a
    // user name and password, and a chain the page has no field for.
    const hostile = 'http://user:secret@rpc.example.org/ Your wallet is compromised\u202E';
    const backup = {
      format: 'reserve-radar-export',
      version: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      // No holdings: the price refresh an import starts then writes no holding back after this test's clear.
      holdings: [],
      addresses: [],
      limits: {},
      history: [],
      settings: { rpcUrl: hostile, chainRpcUrls: { '10': 'http://rpc.example.org/op', '999999': 'http://x.example' } },
    };
    await options.getByTestId('data-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    const counts = word('dataImported', word('dataImportedHoldings', '0'), word('dataImportedAddresses', '0'), word('dataImportedDays', '0'));
    const message = options.getByTestId('data-import-message');
    // Two fields hold one: the plural, and the one computer named once.
    await expect.poll(() => message.textContent()).toBe(`${counts} ${word('dataImportedRpcUnused', 'http://rpc.example.org')}`);
    expect(await message.getAttribute('role')).toBe('status');
    // Kept as the file has it, and the RPC field says the same, naming the computer alone.
    await expect.poll(async () => (await storedSettings())?.rpcUrl).toBe(hostile);
    await expect.poll(() => options.locator('#rpc-url-refused').textContent()).toBe(word('rpcRefusedStored', 'http://rpc.example.org'));
    // Replaced one by one in the fields: the answer names what is still not used, then only the counts stay.
    const main = options.getByTestId('rpc-url');
    await main.fill('https://eth.example.org');
    await main.press('Tab');
    await expect.poll(() => message.textContent()).toBe(`${counts} ${word('dataImportedRpcUnusedOne', 'http://rpc.example.org')}`);
    const op = options.getByTestId('rpc-url-10');
    await op.fill('https://op.example.org');
    await op.press('Tab');
    await expect.poll(() => message.textContent()).toBe(counts);
    await browser.worker.evaluate(() => chrome.storage.local.clear());
    expect(pageErrors).toEqual([]);
  });

  test('after "Delete everything" no draft or error of before stays beside "Everything was deleted."', async () => {
    await options.reload();
    await options.getByTestId('holdings').waitFor();
    // What a clean page shows: every field's text, and the alerts, notes and status lines that say something
    // (but "Everything was deleted.", which is meant to stay, and what is still loading).
    const look = () =>
      options.evaluate(() => ({
        fields: [...document.querySelectorAll<HTMLInputElement>('input[data-testid]:not([type="file"]):not([type="radio"]):not([type="checkbox"])')].map(
          (input) => `${input.dataset.testid}=${input.value}`,
        ),
        invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map((node) => node.getAttribute('data-testid')),
        alerts: [...document.querySelectorAll('[role="alert"], .form-error, [data-testid="data-import-file"]')].map((node) => node.textContent ?? '').filter((text) => text.trim() !== ''),
        statuses: [...document.querySelectorAll('[role="status"]:not([data-testid="delete-done"]):not([aria-busy="true"])')].map((node) => node.textContent ?? '').filter((text) => text.trim() !== ''),
      }));
    const clean = await look();
    expect(clean.invalid).toEqual([]);
    expect(clean.alerts).toEqual([]);

    const type = async (testId: string, text: string) => {
      await options.getByTestId(testId).fill(text);
      await options.getByTestId(testId).press('Tab');
    };
    await type('holdings-goal', '150');
    await type('limit-cap-default', '-100');
    await type('limit-share-default', '250');
    await options.getByTestId('address-input').fill('0x123');
    await options.getByTestId('address-submit').click();
    await options.getByTestId('list-url').fill('http://example.com/list.json');
    await options.getByTestId('list-signer').fill('abc');
    await options.getByTestId('list-add').click();
    await type('rpc-url', 'nonsense');
    await options.getByTestId('data-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await expect.poll(() => options.getByTestId('data-import-message').textContent()).toBe(word('dataImportFailed', word('dataFailNotJson')));
    await expect.poll(async () => (await look()).invalid.length).toBeGreaterThanOrEqual(5);

    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('delete-done').textContent()).toContain(word('deleteDone'));
    await expect.poll(look).toEqual(clean);
    // The confirmation stays, and the focus is where the user acted.
    expect(await options.getByTestId('delete-done').textContent()).toContain(word('deleteDone'));
    expect(await focusedTestId(options)).toBe('delete-everything');
    expect(pageErrors).toEqual([]);
  });
});
