import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import {
  ANVIL_KEY_0,
  ANVIL_KEY_1,
  ANVIL_SIGNER_0,
  ANVIL_SIGNER_1,
  allowSiteInChromium,
  axeProblems,
  fakeExchangeHtml,
  krakenWarningList,
  launchChromium,
  routeSite,
  shadowUi,
  type ChromiumExtension,
} from './harness';

/**
 * A list's maintainer moves to a new key. The user gives the same list URL with the new address,
 * is asked in plain words, confirms, and from then on sees the lists the new key signs; a list
 * older than the newest already accepted stays refused, across the key change and across an
 * unsubscribe. Keys: anvil's well-known test keys #0 (old) and #1 (new), never a real maintainer's.
 */
const [OLD_KEY, OLD_SIGNER, NEW_KEY, NEW_SIGNER] = [ANVIL_KEY_0, ANVIL_SIGNER_0, ANVIL_KEY_1, ANVIL_SIGNER_1];
const LIST_URL = 'https://lists.example.org/key-change.json';

const signed = (sequence: number, title: string, privateKey: `0x${string}`) => krakenWarningList({ name: 'Key change list', sequence, title, privateKey });

describe("following a warning list's new key in Chromium", () => {
  let browser: ChromiumExtension;
  let body = '';
  let options: Page;

  /** The card's community warnings on the exchange page, as the user reads them. */
  async function cardWarnings(): Promise<string> {
    const page = await browser.context.newPage();
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.click('pill-toggle');
    await pill.waitFor('card-warnings');
    const text = (await pill.text('card-warnings')) ?? '';
    await page.close();
    return text;
  }

  async function subscribe(signer: string): Promise<void> {
    await options.getByTestId('list-url').fill(LIST_URL);
    await options.getByTestId('list-signer').fill(signer);
    await options.getByTestId('list-add').click();
  }

  const focused = () => options.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route(LIST_URL, (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await allowSiteInChromium(browser, 'https://lists.example.org/*');
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('warning-lists').waitFor();
    body = await signed(5, 'Warning signed with the old key', OLD_KEY);
    await subscribe(OLD_SIGNER);
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the same URL with another address asks first, naming the URL and both addresses; Cancel changes nothing and gives the focus back', async () => {
    body = await signed(6, 'Warning signed with the new key', NEW_KEY);
    await subscribe(NEW_SIGNER);
    const question = options.getByTestId('list-signer-change');
    await question.waitFor();
    await expect.poll(() => question.textContent()).toContain(LIST_URL);
    await expect.poll(() => question.textContent()).toContain(OLD_SIGNER);
    await expect.poll(() => question.textContent()).toContain(NEW_SIGNER);
    // The safe answer has the focus.
    await expect.poll(focused).toBe('list-signer-change-cancel');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      expect(await axeProblems(options, '[data-testid="list-signer-change"]'), scheme).toEqual([]);
    }
    await options.keyboard.press('Escape');
    await expect.poll(() => question.count()).toBe(0);
    await expect.poll(focused).toBe('list-add');
    expect(await cardWarnings()).toContain('Warning signed with the old key');
  });

  test("confirmed: the new key's list is checked and shown, and an older list it signs stays refused", async () => {
    await subscribe(NEW_SIGNER);
    await options.getByTestId('list-signer-change-confirm').click();
    await expect.poll(() => options.getByTestId('list-signer-change').count()).toBe(0);
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    await expect.poll(() => options.getByTestId('subscription').count()).toBe(1);
    await expect.poll(cardWarnings).toContain('Warning signed with the new key');
    expect(await cardWarnings()).not.toContain('Warning signed with the old key');

    // An old copy replayed, re-signed with the new key: below the newest number already accepted.
    body = await signed(4, 'Replayed old warning', NEW_KEY);
    await options.reload();
    await options.getByTestId('refresh-now').click();
    await options.locator('[data-testid="subscription"][data-health="failing"]').waitFor();
    await expect.poll(() => options.getByTestId('subscription').textContent()).toMatch(/The list is number 4, but a list numbered 6 was already accepted from this address/);
    expect(await cardWarnings()).toContain('Warning signed with the new key');
  });

  test('after an unsubscribe, subscribing again still refuses a list older than the newest accepted', async () => {
    await options.reload();
    await options.getByRole('button', { name: /^Unsubscribe from Key change list/ }).click();
    await options.getByTestId('lists-empty').waitFor();
    await subscribe(NEW_SIGNER);
    // Subscribed again, but the list it serves is refused: its number is below the one kept at the unsubscribe.
    const row = options.locator('[data-testid="subscription"][data-health="failing"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/The list is number 4, but a list numbered 6 was already accepted from this address, so it was not used\./);
    await expect.poll(() => row.textContent()).toContain('No copy of this list has passed the signature check yet');
  });
});
