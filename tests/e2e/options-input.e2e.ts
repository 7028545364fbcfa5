/**
 * The options page meets bad input and the keyboard, in Chromium with the built extension: a bad
 * RPC address is refused in plain words and the last good one stays; a backup with one bad
 * setting changes nothing; the file button and the form errors speak the chosen language, not
 * the browser's; focus stays with the control that acted; a refused field is marked to the eye;
 * settings written elsewhere show on the open page, so an edit builds on them; and with storage full, a change goes
 * back and says so.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeProblems, focusedTestId, launchChromium, root, type ChromiumExtension } from './harness';

type Messages = Record<string, { message: string }>;
const messagesOf = (language: string): Messages => JSON.parse(readFileSync(join(root, `public/_locales/${language}/messages.json`), 'utf8')) as Messages;
const en = messagesOf('en');
const de = messagesOf('de');
const word = (messages: Messages, key: string, ...parameters: string[]): string => {
  const message = messages[key]?.message;
  if (message === undefined) throw new Error(`no message ${key}`);
  return parameters.reduce((text, value, i) => text.replace(`$${i + 1}`, value), message);
};

declare const chrome: {
  storage: {
    local: {
      QUOTA_BYTES: number;
      get(keys: string[]): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
      getBytesInUse(keys: null): Promise<number>;
    };
  };
};

/** The focused element's test id, or its tag when it has none (`BODY` when focus was dropped). */

describe('options page input and focus in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;
  const pageErrors: string[] = [];
  let chooser: Promise<FileChooser>;

  const stored = async (): Promise<Record<string, unknown>> => browser.worker.evaluate(() => chrome.storage.local.get(['holdings', 'settings', 'addressBook']));
  const storedRpc = async () => ((await stored()).settings as { rpcUrl?: string } | undefined)?.rpcUrl;

  beforeAll(async () => {
    browser = await launchChromium();
    options = await browser.context.newPage();
    options.on('pageerror', (error) => pageErrors.push(String(error)));
    // Listening before the page loads turns on file-chooser interception in time.
    chooser = new Promise((resolve) => options.on('filechooser', resolve));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('holdings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a bad RPC address is refused in plain words, not saved, and the last good one stays in use', async () => {
    const rpc = options.getByTestId('rpc-url');
    await rpc.fill('https://good.example.org');
    await rpc.press('Tab');
    await expect.poll(storedRpc).toBe('https://good.example.org');
    await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('false');

    // Plain http goes to this computer only: to any other host it would carry names and addresses unencrypted.
    for (const bad of ['rpc.example.org', 'nonsense', 'not a url', 'ftp://x.org', 'https://', 'http://example.com', 'http://localhost@evil.com', 'http://127.0.0.1.example.com']) {
      await rpc.fill(bad);
      await rpc.press('Tab');
      const error = options.locator('#rpc-url-error');
      await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => error.getAttribute('role')).toBe('alert');
      await expect.poll(() => error.textContent()).toBe(`${word(en, 'rpcInvalid')} ${word(en, 'rpcNotSaved', 'https://good.example.org')}`);
      expect((await rpc.getAttribute('aria-describedby'))?.split(' ')).toContain('rpc-url-error');
      // The typed text stays for the user to correct; the good address stays stored.
      await expect.poll(() => rpc.inputValue()).toBe(bad);
      expect(await storedRpc()).toBe('https://good.example.org');
    }
    expect(await axeProblems(options, 'section[aria-labelledby="rpc-title"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(options, 'section[aria-labelledby="rpc-title"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });

    // Leaving the page drops the typo: the field shows what is in use.
    await options.reload();
    await options.getByTestId('holdings').waitFor();
    await expect.poll(() => rpc.inputValue()).toBe('https://good.example.org');
    await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('false');

    // A field that looks empty is empty: it removes the address, with no error.
    await rpc.fill('   ');
    await rpc.press('Tab');
    await expect.poll(storedRpc).toBeUndefined();
    await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => rpc.inputValue()).toBe('');
    await rpc.fill('nonsense');
    await rpc.press('Tab');
    await expect.poll(() => options.locator('#rpc-url-error').textContent()).toBe(`${word(en, 'rpcInvalid')} ${word(en, 'rpcNotSavedNone')}`);
    expect(await storedRpc()).toBeUndefined();
    // A node on this computer may speak plain http.
    await rpc.fill('http://127.0.0.1:8545');
    await rpc.press('Tab');
    await expect.poll(storedRpc).toBe('http://127.0.0.1:8545');
    expect(pageErrors).toEqual([]);
  });

  test('the form controls look as components/controls.css says: a refused field’s thick edge, a disabled button’s dashed one, a danger answer’s dark red', async () => {
    // The values are read from the stylesheet the extension pages import, so the check follows it.
    const css = readFileSync(join(root, 'components/controls.css'), 'utf8');
    const rule = (selector: string) => css.slice(css.indexOf(selector)).split('}')[0] ?? '';
    const invalidWidth = /border-width:\s*(\d+px)/.exec(rule("input[aria-invalid='true']"))?.[1];
    const disabledStyle = /border:\s*\S+\s+(dashed|dotted|solid)/.exec(rule('button:disabled'))?.[1];
    const hex = /background:\s*#([0-9a-f]{6})/i.exec(rule('button.danger'))?.[1] ?? '';
    const dangerBackground = `rgb(${[0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
    expect([invalidWidth, disabledStyle, dangerBackground]).toEqual(['2px', 'dashed', 'rgb(179, 38, 30)']);

    const rpc = options.getByTestId('rpc-url');
    await rpc.fill('nonsense');
    await rpc.press('Tab');
    await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('true');
    expect(await rpc.evaluate((node) => getComputedStyle(node).borderTopWidth)).toBe(invalidWidth);

    // Disabled, and busy (aria-disabled, which keeps the focus): the dashed edge tells them apart without colour.
    const refresh = options.getByTestId('refresh-now');
    for (const state of ['disabled', 'aria-disabled'] as const) {
      const { before, after } = await refresh.evaluate((node, name) => {
        const was = node.getAttribute(name);
        const before = getComputedStyle(node).borderTopStyle;
        node.setAttribute(name, name === 'disabled' ? '' : 'true');
        const after = getComputedStyle(node).borderTopStyle;
        if (was === null) node.removeAttribute(name);
        else node.setAttribute(name, was);
        return { before, after };
      }, state);
      expect(before).not.toBe(disabledStyle);
      expect(after).toBe(disabledStyle);
    }

    // The question's answer that cannot be taken back (InlineConfirm's `.danger`).
    await options.getByTestId('delete-everything').click();
    const confirm = options.getByTestId('delete-confirm');
    expect(await confirm.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe(dangerBackground);
    await options.getByTestId('delete-cancel').click();
    await expect.poll(() => options.getByTestId('delete-confirm').count()).toBe(0);
    await rpc.fill('https://good.example.org');
    await rpc.press('Tab');
    await expect.poll(() => rpc.getAttribute('aria-invalid')).toBe('false');
  });

  test('a backup with one bad setting changes nothing: holdings, settings and address book stay, in plain words', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    await browser.worker.evaluate((items) => chrome.storage.local.set(items), {
      holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'ETH', amount: 1, updatedAt: now }], addresses: [], limits: {}, history: [] },
      settings: { nudgePolicy: 'daily', corner: 'top-left', rpcUrl: 'https://good.example.org', snoozes: { binance: { until: 'time', endsAt: now + 86_400_000 } } },
    });
    await options.reload();
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(1);
    const before = JSON.stringify(await stored());
    // A made-up backup: good holdings, one setting no version of the extension would write.
    const backup = {
      format: 'reserve-radar-export',
      version: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      holdings: [{ id: 'h9', kind: 'asset', custodian: 'self', asset: 'BTC', amount: 2, updatedAt: now }],
      addresses: [],
      limits: {},
      history: [],
      settings: { language: 'de', rpcUrl: 'rpc.example.org' },
    };
    await options.getByTestId('data-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    const message = options.getByTestId('data-import-message');
    await expect
      .poll(() => message.textContent())
      .toBe(
        // The refused setting by the label it has on this page, not by its key in the file.
        word(en, 'dataImportFailed', word(en, 'dataFailInvalid', word(en, 'importFieldIn', word(en, 'importQuoted', word(en, 'rpcLabel')), word(en, 'importPlaceSettings')))),
      );
    await expect.poll(() => message.getAttribute('role')).toBe('alert');
    expect(JSON.stringify(await stored())).toBe(before);
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(1);
    expect(await options.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(pageErrors).toEqual([]);
  });

  test('keyboard focus stays with the control that acted: Refresh now, Delete everything…, Cancel, Escape, Delete, Reset', async () => {
    await options.getByTestId('refresh-now').focus();
    await options.keyboard.press('Enter');
    await options.getByTestId('options-notice').filter({ hasText: /\S/ }).waitFor();
    await expect.poll(() => focusedTestId(options)).toBe('refresh-now');

    await options.getByTestId('delete-everything').focus();
    await options.keyboard.press('Enter');
    // Into the question, on its safe answer.
    await expect.poll(() => focusedTestId(options)).toBe('delete-cancel');
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('delete-everything');
    await expect.poll(() => options.getByTestId('delete-confirm').count()).toBe(0);
    // Escape answers Cancel.
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('delete-cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => focusedTestId(options)).toBe('delete-everything');
    await expect.poll(() => options.getByTestId('delete-confirm').count()).toBe(0);
    // Confirmed from the keyboard: done, and focus back where the user started.
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('delete-cancel');
    await options.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedTestId(options)).toBe('delete-confirm');
    await options.keyboard.press('Enter');
    await options.getByTestId('delete-done').waitFor();
    await expect.poll(() => focusedTestId(options)).toBe('delete-everything');
    expect(await stored()).toEqual({});

    // Reset asks in the page, not in a browser dialog: Escape keeps everything, Yes resets, focus stays on Reset.
    const dialogs: string[] = [];
    options.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await options.getByTestId('reset').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('reset-cancel');
    const question = options.getByRole('group', { name: word(en, 'resetConfirm') });
    await expect.poll(() => question.getByTestId('reset-confirm').textContent()).toBe(word(en, 'resetConfirmButton'));
    await expect.poll(() => question.getByTestId('reset-cancel').textContent()).toBe(word(en, 'holdingsCancel'));
    expect(await axeProblems(options, 'section[aria-labelledby="reset-title"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(options, 'section[aria-labelledby="reset-title"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
    await options.keyboard.press('Escape');
    await expect.poll(() => focusedTestId(options)).toBe('reset');
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('reset-cancel');
    await options.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedTestId(options)).toBe('reset-confirm');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe(word(en, 'resetDone'));
    await expect.poll(() => focusedTestId(options)).toBe('reset');
    expect(dialogs).toEqual([]);
  });

  test('in German, the file button, the chosen file and the amount errors are the extension’s own words', async () => {
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('de'));

    // The browser's own file control ("Choose File / No file chosen") is not shown or reached.
    const choose = options.getByTestId('data-import-choose');
    await expect.poll(() => choose.textContent()).toBe(word(de, 'dataImport'));
    await expect.poll(() => options.getByTestId('data-import').getAttribute('tabindex')).toBe('-1');
    expect(await options.getByTestId('data-import').evaluate((input) => input.getBoundingClientRect().width <= 1)).toBe(true);
    await choose.focus();
    await options.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'sicherung.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => options.getByTestId('data-import-file').textContent()).toBe(word(de, 'dataImportFile', 'sicherung.json'));
    await expect.poll(() => options.getByTestId('data-import-message').textContent()).toBe(word(de, 'dataImportFailed', word(de, 'dataFailNotJson')));

    // Empty and negative amounts: the extension's error, tied to the field, with focus on it.
    const amount = options.getByTestId('holding-amount');
    const rows = await options.getByTestId('holding-row').count();
    await options.getByTestId('holding-asset').fill('BTC');
    await amount.fill('');
    await options.getByTestId('holding-submit').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('#holding-amount-error').textContent()).toBe(word(de, 'holdingsInvalidAmount'));
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => amount.getAttribute('aria-describedby')).toBe('holding-amount-error');
    await expect.poll(() => focusedTestId(options)).toBe('holding-amount');
    await amount.fill('-5');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.locator('#holding-amount-error').textContent()).toBe(word(de, 'holdingsInvalidAmount'));
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(rows);

    // Two bad fields: both marked, focus on the first of them.
    await options.getByTestId('holding-asset').fill('');
    await options.getByTestId('holding-submit').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(options)).toBe('holding-asset');
    await expect.poll(() => options.getByTestId('holding-asset').getAttribute('aria-describedby')).toBe('holding-asset-error');
    await expect.poll(() => options.locator('#holding-asset-error').textContent()).toBe(word(de, 'holdingsInvalidAsset'));
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    // A refused field is marked to the eye too: the danger colour, a thicker edge, light and dark.
    const edge = () =>
      amount.evaluate((node) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--danger)';
        document.body.append(probe);
        const danger = getComputedStyle(probe).color;
        probe.remove();
        return { color: getComputedStyle(node).borderTopColor, width: getComputedStyle(node).borderTopWidth, danger };
      });
    for (const scheme of ['dark', 'light'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const { color, width, danger } = await edge();
      expect({ color, width }).toEqual({ color: danger, width: '2px' });
    }
    const sections = ['[data-testid="holdings"]', '[data-testid="holdings-data"]'];
    expect(await axeProblems(options, sections)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(options, sections)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });

    // Fixed (written the German way), it is added and the errors go.
    await options.getByTestId('holding-asset').fill('BTC');
    await amount.fill('0,5');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(rows + 1);
    await expect.poll(() => options.locator('#holding-amount-error').count()).toBe(0);
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('false');
    expect(pageErrors).toEqual([]);
  });

  test('settings changed elsewhere show on the open page, and an edit after builds on them', async () => {
    const others = { '137': 'https://polygon.elsewhere.example', '8453': 'https://base.elsewhere.example' };
    // Another page (or the background) writes settings while this one is open.
    await browser.worker.evaluate(async (chainRpcUrls) => {
      const { settings } = await chrome.storage.local.get(['settings']);
      await chrome.storage.local.set({ settings: { ...(settings as object), chainRpcUrls } });
    }, others);
    await expect.poll(() => options.locator('#rpc-url-137').inputValue()).toBe(others['137']);
    const arbitrum = options.locator('#rpc-url-42161');
    await arbitrum.fill('https://arbitrum.here.example');
    await arbitrum.press('Tab');
    await expect.poll(async () => ((await stored()).settings as { chainRpcUrls?: Record<string, string> }).chainRpcUrls).toEqual({ ...others, '42161': 'https://arbitrum.here.example' });
    // A guide network that no watched address covers has its field too: the guide sends the user here for it.
    const op = options.locator('#rpc-url-10');
    await op.fill('https://op.here.example');
    await op.press('Tab');
    await expect
      .poll(async () => ((await stored()).settings as { chainRpcUrls?: Record<string, string> }).chainRpcUrls)
      .toEqual({ ...others, '42161': 'https://arbitrum.here.example', '10': 'https://op.here.example' });
    expect(pageErrors).toEqual([]);
  });

  test('a reset from German speaks the browser’s language again, “Reset done” included', async () => {
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('de'));
    await expect.poll(() => options.getByTestId('reset').textContent()).toBe(word(de, 'resetButton'));
    await options.getByTestId('reset').click();
    await options.getByTestId('reset-confirm').click();
    // The reset stores the default language (the browser's, English here); the page follows it, the notice too.
    await options.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    await expect.poll(() => options.getByTestId('options-notice').textContent()).toBe(word(en, 'resetDone'));
    await expect.poll(() => options.getByTestId('reset').textContent()).toBe(word(en, 'resetButton'));
    expect(pageErrors).toEqual([]);
  });

  test('with storage full, a changed setting goes back to the stored one and says so beside it; the page keeps its language', async () => {
    // The extension's storage filled to within a few bytes of its quota: writing the settings (hundreds of bytes) fails, as it would for real.
    // The background may still be writing after the reset (it rebuilds its stored first paint on every change, and removes it when a
    // rebuild finds no room), so the fill is topped up until the room has held still for a second and a half.
    await expect
      .poll(() =>
        browser.worker.evaluate(async (margin) => {
          const room = async () => chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse(null));
          const before = await room();
          if (before === margin) {
            await new Promise((resolve) => setTimeout(resolve, 1500));
            return (await room()) === margin;
          }
          const { filler = '' } = (await chrome.storage.local.get(['filler'])) as { filler?: string };
          const length = filler === '' ? before - 'filler'.length - 2 - margin : filler.length + before - margin;
          await chrome.storage.local.set({ filler: 'x'.repeat(length) }).catch(() => undefined);
          return false;
        }, 40),
      )
      .toBe(true);
    const policy = (value: string) => options.locator(`input[name="nudgePolicy"][value="${value}"]`);
    const autoExpand = options.locator('[data-testid="nudge-policy"] input[type="checkbox"]');
    try {
      for (const _ of [1, 2]) {
        await policy('caution-or-worse').click();
        await expect.poll(() => options.getByTestId('nudge-notice').textContent()).toBe(word(en, 'settingNotSaved'));
        await expect.poll(() => policy('caution-or-worse').isChecked()).toBe(false);
        await expect.poll(() => policy('every-visit').isChecked()).toBe(true);
      }
      await autoExpand.click();
      await expect.poll(() => autoExpand.isChecked()).toBe(true);
      await options.getByTestId('language-de').click();
      await expect.poll(() => options.getByTestId('language-notice').textContent()).toBe(word(en, 'languageSettingNotSaved'));
      await expect.poll(() => options.getByTestId('language-de').isChecked()).toBe(false);
      await expect.poll(() => options.getByTestId('language-auto').isChecked()).toBe(true);
      expect(await options.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    } finally {
      await browser.worker.evaluate(() => chrome.storage.local.remove(['filler']));
    }
    // With room again, the next change is stored and the words go.
    await policy('caution-or-worse').click();
    await expect.poll(async () => ((await stored()).settings as { nudgePolicy?: string } | undefined)?.nudgePolicy).toBe('caution-or-worse');
    await expect.poll(() => options.getByTestId('nudge-notice').textContent()).toBe('');
    await expect.poll(() => policy('caution-or-worse').isChecked()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
