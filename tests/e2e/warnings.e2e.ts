import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import messages from '../../public/_locales/en/messages.json';
import { ANVIL_KEY_0, ANVIL_KEY_1, ANVIL_SIGNER_0, allowSiteInChromium, fakeExchangeHtml, krakenWarningList, launchChromium, routeSite, shadowUi, type ChromiumExtension } from './harness';

/**
 * A community warning list, signed as a maintainer would (with anvil's well-known test key #0,
 * never a real maintainer's), served from a routed host, subscribed to in the options page.
 */
const LIST_URL = 'https://lists.example.org/radar.json';
const LIST_HOST_ACCESS = 'https://lists.example.org/*';

declare const chrome: { permissions: { contains(permissions: { origins: string[] }): Promise<boolean> } };

/** The card's line when the held lists could not be checked at all (messages.json `warningListsUnread`). */
const UNREAD = messages.warningListsUnread.message;

/** The worker's `chrome` as this file uses it: the offscreen document, and the stored subscriptions. */
type WorkerChrome = {
  offscreen: { closeDocument(): Promise<void>; createDocument: unknown; realCreate?: unknown };
  storage: { local: { get(key: string): Promise<{ warningSubscriptions: { lastCheck: string }[] }>; set(items: object): Promise<void> } };
};

/** The card's warning-list text that carries a language, as [lang, text]. */
function marked(pill: ReturnType<typeof shadowUi>) {
  return pill.evaluate((root) => [...root.querySelectorAll('[data-testid="card-warnings"] [lang]')].map((element) => [element.getAttribute('lang'), element.textContent]), undefined);
}

/** The test list, in English, signed with `privateKey` (the subscription expects key #0; key #1 is someone else). */
const list = (sequence: number, title: string, privateKey: `0x${string}` = ANVIL_KEY_0) => krakenWarningList({ name: 'E2E test list', lang: 'en', sequence, title, privateKey });

describe('community warning lists in Chromium', () => {
  let browser: ChromiumExtension;
  let serve: (route: Route) => Promise<void>;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    const first = await list(2, 'Withdrawals slow, test warning');
    // As a plain file host answers: no CORS headers. Read with the access to its host, the list needs none.
    serve = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: first });
    await browser.context.route(LIST_URL, (route) => serve(route));
    // The user's "Allow" to the access the subscribe click asks for (headless Chromium draws no prompt).
    await allowSiteInChromium(browser, LIST_HOST_ACCESS);
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('warning-lists').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a wrong address is refused in plain words before anything is fetched, next to the field, not in a browser bubble', async () => {
    const focusedId = () => options.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    // Both fields empty: our own sentences, each tied to its field; focus on the first.
    await options.getByTestId('list-add').press('Enter');
    expect(await options.getByTestId('list-url-error').textContent()).toBe("Enter the list's web address.");
    expect(await options.getByTestId('list-signer-error').textContent()).toBe("Enter the maintainer's Ethereum address.");
    expect(await options.getByTestId('list-url').getAttribute('aria-invalid')).toBe('true');
    expect(await options.getByTestId('list-url').getAttribute('aria-describedby')).toBe('list-url-error');
    expect(await focusedId()).toBe('list-url');
    // No browser validation bubble could have been asked for: the form is noValidate and nothing is required.
    expect(await options.locator('form.subscribe').evaluate((form) => (form as HTMLFormElement).noValidate)).toBe(true);
    expect(await options.locator('form.subscribe [required]').count()).toBe(0);

    await options.getByTestId('list-url').fill('http://lists.example.org/radar.json');
    await options.getByTestId('list-signer').fill(ANVIL_SIGNER_0);
    await options.getByTestId('list-add').click();
    expect(await options.getByTestId('list-url-error').textContent()).toMatch(/https/);
    expect(await options.getByTestId('list-signer').getAttribute('aria-invalid')).toBe('false');
  });

  test('a verified list shows its warning on the exchange, attributed to the list', async () => {
    await options.getByTestId('list-url').fill(LIST_URL);
    await options.getByTestId('list-signer').fill(ANVIL_SIGNER_0);
    // From the keyboard: the busy button keeps the focus while the list is fetched.
    await options.getByTestId('list-add').press('Enter');
    const row = options.getByTestId('subscription');
    await row.waitFor();
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('list-add');
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    // Check times worded as a reader says them, never the stored ISO text.
    expect(await row.textContent()).toMatch(/verified [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/);
    expect(await row.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    expect(await browser.worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), LIST_HOST_ACCESS)).toBe(true);

    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.waitFor('pill-warnings');
    expect(await pill.text('pill-warnings')).toContain('1');
    // The button's name replaces its content, so the count the pill shows is in the name too.
    expect(await pill.attribute('pill-toggle', 'aria-label')).toBe('Reserve Radar: Kraken, no grade, Unknown. 1 community warning rated danger or caution');
    await pill.click('pill-toggle');
    await pill.waitFor('card-warnings');
    expect(await pill.text('card-warnings')).toContain('Withdrawals slow, test warning');
    // Its severity in words, and the list's chosen name beside the host it was subscribed at.
    expect(await pill.text('card-warnings')).toContain('Caution: Withdrawals slow, test warning');
    expect(await pill.text('card-warnings')).toContain(`from “E2E test list” at ${new URL(LIST_URL).host}`);
    // The list's text carries the language the list states, for screen readers; in an English page an English list needs no note.
    expect(await marked(pill)).toEqual([
      ['en', 'Withdrawals slow, test warning'],
      ['en', 'E2E test list'],
      ['en', 'A test warning, shown only in this end-to-end run.'],
    ]);
    expect(await pill.text('card-warnings')).not.toContain('Not translated');
    await page.close();
  });

  test("the popup's exchange list marks the flagged exchange's row, beside a verdict that stays ours, and no other row", async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const kraken = popup.locator('[data-testid="exchange-row"][data-id="kraken"]');
    await kraken.getByTestId('row-warning').waitFor();
    expect(await kraken.getByTestId('row-warning').textContent()).toBe(`⚠ ${messages.rowWarningCaution.message}`);
    expect(await kraken.getByTestId('row-warning').getAttribute('data-severity')).toBe('caution');
    // The list's word sits beside the grade, it does not replace it.
    expect(await kraken.getByTestId('level-chip').count()).toBe(1);
    expect(await popup.locator('[data-testid="exchange-row"]').count()).toBeGreaterThan(1);
    expect(await popup.getByTestId('row-warning').count()).toBe(1);
    await popup.close();
  });

  for (const [name, body] of [
    ['a rolled-back list (lower sequence)', () => list(1, 'Old warning')],
    ['a list signed by someone else', () => list(3, 'Forged warning', ANVIL_KEY_1)],
    ['garbage', async () => '{"list": 1'],
  ] as const) {
    test(`${name} is refused with a reason, and the last good list stays`, async () => {
      const text = await body();
      serve = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text });
      await options.reload();
      await options.getByTestId('refresh-now').click();
      await options.locator('[data-testid="subscription"][data-health="failing"]').waitFor();
      expect(await options.getByTestId('subscription').textContent()).toMatch(/failed/i);
      const page = await browser.context.newPage();
      await page.goto('https://www.kraken.com/');
      const pill = shadowUi(page);
      await pill.click('pill-toggle');
      await pill.waitFor('card-warnings');
      expect(await pill.text('card-warnings')).toContain('Withdrawals slow, test warning');
      await page.close();
    });
  }

  test("a list of the wrong shape is said in the reader's words only: the schema's English stays off the page", async () => {
    serve = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    await options.reload();
    await options.getByTestId('refresh-now').click();
    await options.locator('[data-testid="subscription"][data-health="failing"]').waitFor();
    expect(await options.locator('.subscription__state').textContent()).toMatch(/failed/i);
    expect(await options.getByTestId('subscription').textContent()).not.toMatch(/Invalid key|Expected|received/);
    expect(await options.getByTestId('subscription-detail').count()).toBe(0);
  });

  test('a failing list host leaves the held warning in place; held lists that cannot be checked at all make the card say so, never nothing', async () => {
    // The host answers 500: the last good list stays, and the card shows its warning as before.
    serve = (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
    await options.reload();
    await options.getByTestId('refresh-now').click();
    await expect.poll(() => options.getByTestId('subscription').textContent()).toMatch(/500/);
    let page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    let pill = shadowUi(page);
    await pill.click('pill-toggle');
    await pill.waitFor('card-warnings');
    expect(await pill.text('card-warnings')).toContain('Withdrawals slow, test warning');
    expect(await pill.text('card-warnings')).not.toContain(UNREAD);
    await page.close();

    // Held lists are checked again whenever their stored value is one this browser session has not
    // checked (after a restart, say); in Chrome that check runs in the offscreen document. When that
    // document cannot be made, no held list can be vouched for: the card must say so, not show nothing.
    await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      await api.offscreen.closeDocument().catch(() => undefined);
      api.offscreen.realCreate = api.offscreen.createDocument;
      api.offscreen.createDocument = () => Promise.reject(new Error('refused for the test'));
      const { warningSubscriptions } = await api.storage.local.get('warningSubscriptions');
      await api.storage.local.set({ warningSubscriptions: warningSubscriptions.map((state) => ({ ...state, lastCheck: new Date().toISOString() })) });
    });
    try {
      page = await browser.context.newPage();
      await page.goto('https://www.kraken.com/');
      pill = shadowUi(page);
      await pill.click('pill-toggle');
      await expect.poll(() => pill.text('card-warnings'), { timeout: 15_000 }).toContain(UNREAD);
      expect(await pill.text('card-warnings')).not.toContain('Withdrawals slow, test warning');
      await page.close();
    } finally {
      await browser.worker.evaluate(() => {
        const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
        api.offscreen.createDocument = api.offscreen.realCreate;
      });
    }
  });

  test('Unsubscribe names the list; the focus goes to the sentence in its place, the removal is said, and the access to its host goes back', async () => {
    await options.reload();
    const remove = options.getByRole('button', { name: 'Unsubscribe from E2E test list (lists.example.org)' });
    await remove.focus();
    await options.keyboard.press('Enter');
    await options.getByTestId('lists-empty').waitFor();
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('lists-empty');
    expect(await options.getByTestId('lists-removed').textContent()).toBe('Removed E2E test list (lists.example.org).');
    await expect.poll(() => browser.worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), LIST_HOST_ACCESS)).toBe(false);
    // With the list gone, its mark goes from the popup's row too.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('[data-testid="exchange-row"][data-id="kraken"]').waitFor();
    expect(await popup.getByTestId('row-warning').count()).toBe(0);
    await popup.close();
  });
});
