/**
 * Numbers typed into the holdings fields, in real Chromium and real Firefox with the built extension. A
 * browser's number field reads "1,5" by the browser's language (Chromium en-US hands the page 15) and hands
 * an empty value for text it cannot read, which once cleared a saved cap. The fields are text fields read by
 * the chosen language: German "1,5" is one and a half; "1e400" is refused, tied to the field, and the saved
 * value stays. Also: a recorded amount edited to -5 is refused, removing a row keeps the keyboard focus in the
 * list, and the whole options page fits 320 px, also with 200 % text, light and dark (holdings axe clean).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeProblems, launchChromium, launchFirefox, layoutProblems, root, type ChromiumExtension, type FirefoxExtension } from './harness';

type Messages = Record<string, { message: string }>;
const messagesOf = (language: string): Messages => JSON.parse(readFileSync(join(root, `public/_locales/${language}/messages.json`), 'utf8')) as Messages;
const de = messagesOf('de');
const en = messagesOf('en');
const word = (messages: Messages, key: string, ...parameters: string[]): string =>
  parameters.reduce((text, value, i) => text.replace(`$${i + 1}`, value), messages[key]?.message ?? `no message ${key}`);

interface Stored {
  holdings?: { holdings: { id: string; amount?: number }[]; limits: { default: { cap?: number; maxShare?: number } } };
}
declare const chrome: { storage: { local: { get(keys: string[]): Promise<Stored>; set(items: object): Promise<void> } } };

describe('holdings numbers in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;
  const stored = async () => (await browser.worker.evaluate(() => chrome.storage.local.get(['holdings']))).holdings;
  /** The sentence a field's aria-describedby names, when the field is marked invalid. */
  const refusal = (testId: string) =>
    options
      .getByTestId(testId)
      .first()
      .evaluate((field) => (field.getAttribute('aria-invalid') === 'true' ? document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent : null));
  const typeInto = async (testId: string, text: string) => {
    const field = options.getByTestId(testId).first();
    await field.fill('');
    await field.pressSequentially(text);
    await field.press('Tab');
  };

  beforeAll(async () => {
    browser = await launchChromium();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('holdings').waitFor();
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang === 'de');
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('German: 1,5 is recorded as one and a half; a cap of 2,5 is 2.5; 1e400 and 150 % are refused at the field and the saved values stay', async () => {
    await options.getByTestId('holding-asset').fill('BTC');
    await options.getByTestId('holding-amount').pressSequentially('1,5');
    await options.getByTestId('holding-submit').click();
    await expect.poll(async () => (await stored())?.holdings.map((h) => h.amount)).toEqual([1.5]);

    await typeInto('limit-cap-default', '1000');
    await expect.poll(async () => (await stored())?.limits.default.cap).toBe(1000);
    await expect.poll(() => options.getByTestId('limit-cap-default').inputValue()).toBe('1.000');
    await typeInto('limit-cap-default', '2,5');
    await expect.poll(async () => (await stored())?.limits.default.cap).toBe(2.5);
    for (const text of ['1e400', '1.2.3', '1.5']) {
      await typeInto('limit-cap-default', text);
      await expect.poll(() => refusal('limit-cap-default')).toBe(word(de, 'holdingsUnreadableNumber', '1.234,5'));
      expect((await stored())?.limits.default.cap).toBe(2.5);
      await expect.poll(() => options.getByTestId('limit-cap-default').inputValue()).toBe(text);
    }
    await typeInto('limit-share-default', '150');
    await expect.poll(() => refusal('limit-share-default')).toBe(word(de, 'holdingsInvalidShare'));
    expect((await stored())?.limits.default.maxShare).toBeUndefined();
  });

  test('a recorded amount edited to -5, or emptied, is refused at the field and 1,5 stays stored', async () => {
    for (const text of ['-5', '']) {
      await typeInto('holding-row-amount', text);
      await expect.poll(() => refusal('holding-row-amount')).toBe(word(de, 'holdingsInvalidAmount'));
      expect((await stored())?.holdings.map((h) => h.amount)).toEqual([1.5]);
    }
    await typeInto('holding-row-amount', '1,5');
    await expect.poll(() => refusal('holding-row-amount')).toBeNull();
  });

  test('English: 1,5 is refused in plain English, not saved as 15', async () => {
    await options.getByTestId('language-en').check();
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    await options.getByTestId('holding-asset').fill('ETH');
    await options.getByTestId('holding-amount').fill('');
    await options.getByTestId('holding-amount').pressSequentially('1,5');
    await options.getByTestId('holding-submit').click();
    await expect.poll(() => refusal('holding-amount')).toBe(word(en, 'holdingsUnreadableNumber', '1,234.5'));
    expect((await stored())?.holdings).toHaveLength(1);
  });

  // Eight languages with axe at each: it takes about a minute on an idle machine, so it has its own time limit, and
  // it puts the page back (German, 100 %, 1000 px) whatever fails, so the next test starts where it expects.
  test('the whole options page fits 320 px (WCAG 1.4.10 reflow): English and German at 100 % and 200 % text, light and dark, holdings axe clean; every language at 200 %', {
    timeout: 240_000,
  }, async () => {
    await options.setViewportSize({ width: 320, height: 800 });
    try {
      for (const language of ['en', 'de']) {
        await options.getByTestId(`language-${language}`).check();
        await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}`));
        for (const scheme of ['light', 'dark'] as const) {
          await options.emulateMedia({ colorScheme: scheme });
          for (const size of ['', '200%']) {
            await options.evaluate((fontSize) => {
              document.documentElement.style.fontSize = fontSize;
            }, size);
            // Every element of the page, the warning-list form included: none past the edge, none cut, no sideways scroll.
            expect(await layoutProblems(options), `${language} ${scheme} ${size}`).toEqual([]);
            expect(await axeProblems(options, ['[data-testid="holdings"]']), `${language} ${scheme} ${size}`).toEqual([]);
          }
        }
      }
      // Every language the picker offers, "Same as the browser" included, at 200 % text: nothing scrolls sideways,
      // reaches past the edge or is cut, the language picker included ("Português (Brasil)" is 285 px of text at 32 px,
      // "El mismo que el navegador" more), and axe finds nothing, contrast it could not settle included.
      await options.emulateMedia({ colorScheme: 'light' });
      // Each choice with the page language it sets (the option's own lang; "Same as the browser" gives the browser's, en-US here).
      const languages = await options
        .getByTestId('language')
        .getByRole('radio')
        .evaluateAll((radios) => radios.map((radio) => ({ value: (radio as HTMLInputElement).value, lang: radio.parentElement?.querySelector('[lang]')?.getAttribute('lang') ?? 'en' })));
      expect(languages.length).toBeGreaterThan(8);
      for (const { value, lang } of languages) {
        await options.getByTestId(`language-${value}`).check();
        await options.waitForFunction((tag) => document.documentElement.lang.startsWith(tag), lang);
        expect(await layoutProblems(options), `${value} 200%`).toEqual([]);
        expect(await axeProblems(options, 'section[aria-labelledby="language-title"]'), `${value} 200%`).toEqual([]);
      }
    } finally {
      await options.emulateMedia({ colorScheme: 'light' });
      await options.getByTestId('language-de').check();
      await options.waitForFunction(() => document.documentElement.lang === 'de');
      await options.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });
      await options.setViewportSize({ width: 1000, height: 800 });
    }
  });

  test('removing the last holding with the keyboard keeps the focus in the list, not on the page, and says what went', async () => {
    await options.getByRole('button', { name: /BTC/ }).focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).toBe('holdings-empty');
    // And the removal is said, in German, by a polite live region.
    const said = options.getByTestId('holdings-removed');
    await expect.poll(() => said.getAttribute('role')).toBe('status');
    await expect.poll(() => said.textContent()).toMatch(/^BTC \(.+\) entfernt\.$/);
  });
});

describe('holdings numbers in Firefox', () => {
  let firefox: FirefoxExtension;
  const stored = async () => (await firefox.inExtension<Stored>('browser.storage.local.get("holdings")')).holdings;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  test('German: 1,5 is recorded as one and a half; a cap of 1e400 is refused at the field and the saved cap stays', async () => {
    const page = await firefox.openPage('/options.html');
    const id = (testId: string) => `[data-testid="${testId}"]`;
    await page.waitForSelector(id('language'));
    await page.click(id('language-de'));
    await page.waitForFunction(() => document.documentElement.lang === 'de');
    const typeInto = async (testId: string, text: string) => {
      await page.$eval(id(testId), (field) => {
        (field as HTMLInputElement).value = '';
      });
      await page.focus(id(testId));
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    };
    const refusal = (testId: string) =>
      page.$eval(id(testId), (field) => (field.getAttribute('aria-invalid') === 'true' ? document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent : null));

    await typeInto('holding-asset', 'BTC');
    await typeInto('holding-amount', '1,5');
    await page.click(id('holding-submit'));
    await expect.poll(async () => (await stored())?.holdings.map((h) => h.amount)).toEqual([1.5]);

    await typeInto('limit-cap-default', '1000');
    await expect.poll(async () => (await stored())?.limits.default.cap).toBe(1000);
    for (const text of ['2.5', '1e400']) {
      await typeInto('limit-cap-default', text);
      await expect.poll(() => refusal('limit-cap-default')).toBe(word(de, 'holdingsUnreadableNumber', '1.234,5'));
      expect((await stored())?.limits.default.cap).toBe(1000);
    }
    await typeInto('holding-row-amount', '-5');
    await expect.poll(() => refusal('holding-row-amount')).toBe(word(de, 'holdingsInvalidAmount'));
    expect((await stored())?.holdings.map((h) => h.amount)).toEqual([1.5]);

    await page.focus('[data-remove]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).toBe('holdings-empty');
  });
});
