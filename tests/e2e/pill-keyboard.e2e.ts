/**
 * The pill's actions by keyboard, in Chromium with the built extension: looking through the snooze
 * choices snoozes nothing until the user says so (WCAG 3.2.2 On Input), and after a snooze or a
 * close the keyboard user is back where they were on the page, not dropped on <body>.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { fakeExchangeHtml, launchChromium, pillAxeProblems, pillAxeProblemsBySchemes, routeSite, shadowUi, type ChromiumExtension } from './harness';

declare const chrome: { storage: { local: { get(keys: string): Promise<Record<string, unknown>> } } };

/** A page with a field of its own, where the user was before reaching for the pill. */
const pageWithField = (name: string) => fakeExchangeHtml(`${name} — stand-in`, '<label>Amount <input id="amount" type="text"></label> <label>Note <input id="note" type="text"></label>');

/** What the page has focused, by id ("" for <body>). */
const pageFocus = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? '' : (document.activeElement?.id ?? null)));

describe('the pill by keyboard, Chromium', () => {
  let browser: ChromiumExtension;
  const snoozes = async () =>
    ((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings as { snoozes?: Record<string, { until: string; endsAt?: number }> } | undefined)?.snoozes ?? {};

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', pageWithField('Binance'));
    await routeSite(browser.context, 'https://www.kraken.com', pageWithField('Kraken'));
    await routeSite(browser.context, 'https://www.okx.com', pageWithField('OKX'));
    await routeSite(browser.context, 'https://www.bybit.com', pageWithField('Bybit'));
    await routeSite(browser.context, 'https://www.kucoin.com', pageWithField('KuCoin'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The user was typing in the page's field, then went to the pill and opened its card with Enter. */
  async function openCardFromField(origin: string): Promise<{ page: Page; pill: ReturnType<typeof shadowUi> }> {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/`);
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    await page.locator('#amount').focus();
    await pill.focus('pill-toggle');
    await page.keyboard.press('Enter');
    await pill.waitFor('nudge-panel');
    return { page, pill };
  }

  test('arrow keys on the snooze choices snooze nothing; the Snooze button applies the choice, and focus goes back to the page’s field', async () => {
    const { page, pill } = await openCardFromField('https://www.binance.com');
    expect(await pillAxeProblems(page)).toEqual([]);
    await pill.focus('snooze');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    await page.waitForTimeout(500);
    expect(await pill.has('nudge-panel')).toBe(true);
    expect(await pill.activeTestId()).toBe('snooze');
    expect(await snoozes()).toEqual({});
    // "7 days", then on to the button and press it.
    expect(await pill.evaluate((root) => (root.querySelector('[data-testid="snooze"]') as HTMLSelectElement).value, undefined)).toBe('7d');
    await page.keyboard.press('Tab');
    expect(await pill.activeTestId()).toBe('snooze-apply');
    expect(await pill.text('snooze-apply')).toBe(en.snoozeApply.message);
    const asked = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    await expect.poll(async () => (await snoozes()).binance?.until).toBe('time');
    const endsAt = (await snoozes()).binance?.endsAt ?? 0;
    expect(endsAt - asked).toBeGreaterThan(6.9 * 86_400_000);
    expect(await pageFocus(page)).toBe('amount');
    await page.close();
  });

  test('closing with × by keyboard puts focus back on the page’s field', async () => {
    const { page, pill } = await openCardFromField('https://www.kraken.com');
    await pill.focus('pill-close');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
    expect(await pageFocus(page)).toBe('amount');
    await page.close();
  });

  test('the user went on from the card to the page: a later close leaves focus alone, and says what happened', async () => {
    const { page, pill } = await openCardFromField('https://www.bybit.com');
    // On to the page's other field, which the page then takes away: focus is nowhere (body).
    await page.locator('#note').click();
    await page.evaluate(() => document.querySelector('#note')?.closest('label')?.remove());
    expect(await pageFocus(page)).toBe('');
    await pill.click('pill-close');
    await pill.waitFor('pill-status-line');
    // Not back to the field the user left before the card: they had moved on since.
    expect(await pageFocus(page)).toBe('');
    await page.close();
  });

  test('the page swapped the field the user came from for a new one: focus goes to neither', async () => {
    const { page, pill } = await openCardFromField('https://www.kucoin.com');
    await page.evaluate(() => {
      const old = document.querySelector('#amount');
      const fresh = document.createElement('input');
      fresh.id = 'amount';
      old?.replaceWith(fresh);
    });
    await pill.focus('pill-close');
    await page.keyboard.press('Enter');
    await pill.waitFor('pill-status-line');
    expect(await pageFocus(page)).toBe('');
    await page.close();
  });

  test('closed with nothing focused on the page before: a short status says so, announced, then goes', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.okx.com/');
    const pill = shadowUi(page);
    await pill.click('pill-close');
    await pill.waitFor('pill-status-line');
    expect(await pill.attribute('pill-status-line', 'role')).toBe('status');
    await expect.poll(() => pill.text('pill-status-line')).toBe(en.pillClosedStatus.message);
    expect(await pill.has('pill-toggle')).toBe(false);
    // Both schemes on one copy of the status line as shown: it leaves after a few seconds, sooner than axe may take.
    expect(await pillAxeProblemsBySchemes(page)).toEqual({ light: [], dark: [] });
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null, undefined, { timeout: 10_000 });
    await page.close();
  });
  test('snoozed in German with nothing focused before: the status line says so in German, marked German, its words put in once', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang === 'de');
    await options.close();
    const page = await browser.context.newPage();
    await page.goto('https://www.okx.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    // Every non-empty text the status line is given, in order: a live region read out once has one.
    await pill.evaluate((root) => {
      const said: string[] = [];
      Object.assign(root, { said });
      new MutationObserver(() => {
        const text = root.querySelector('[data-testid="pill-status-line"]')?.textContent ?? '';
        if (text !== '' && said.at(-1) !== text) said.push(text);
      }).observe(root, { subtree: true, childList: true, characterData: true });
    }, undefined);
    await pill.click('pill-toggle');
    await pill.waitFor('nudge-panel');
    await pill.click('snooze-apply');
    const words = de.pillSnoozedStatus.message.replace('$1', 'OKX');
    await expect.poll(() => pill.text('pill-status-line')).toBe(words);
    await expect.poll(() => pill.evaluate((root) => root.querySelector('[data-testid="pill-status-line"]')?.closest('[lang]')?.getAttribute('lang'), undefined)).toBe('de');
    expect(await pill.attribute('pill-status-line', 'role')).toBe('status');
    // Nothing in it takes focus; focus is on the page, not held by the line.
    expect(await pill.evaluate((root) => root.querySelectorAll('button, a, select, input, [tabindex]').length, undefined)).toBe(0);
    await page.waitForTimeout(1000);
    expect(await pill.evaluate((root) => (root as unknown as { said: string[] }).said, undefined)).toEqual([words]);
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null, undefined, { timeout: 10_000 });
    await page.close();
  });
});
