/**
 * The options page's address and URL fields in Chromium with the built extension: a watched
 * address shows whole (42 characters) in a field of its own row, above the chain boxes rather than
 * bottom-aligned beside them, and the JSON-RPC fields are themed as the page's other URL and
 * address fields are, light and dark, wide enough for a whole endpoint URL.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, layoutProblems, type ChromiumExtension } from './harness';

const ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const RPC = 'https://eth-mainnet.g.alchemy.com/v2/0123456789abcdefABCDEF';
const LOOK = ['fontFamily', 'fontSize', 'color', 'backgroundColor', 'borderTopWidth', 'borderTopStyle', 'borderTopColor', 'borderTopLeftRadius', 'paddingTop', 'paddingLeft'] as const;

describe('options page address and URL fields in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    options = await browser.context.newPage();
    await options.setViewportSize({ width: 1280, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('holdings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Whether the field shows its whole value: its text needs no more room than the field has. */
  const showsWhole = (testId: string) => options.getByTestId(testId).evaluate((field: HTMLInputElement) => ({ scroll: field.scrollWidth, client: field.clientWidth }));
  const look = (testId: string) =>
    options.getByTestId(testId).evaluate((field, keys) => {
      const style = getComputedStyle(field);
      return Object.fromEntries(keys.map((key) => [key, style[key]]));
    }, LOOK);

  test('a watched address shows whole, in a field above the chain boxes', async () => {
    const field = options.getByTestId('address-input');
    await field.fill(ADDRESS);
    const { scroll, client } = await showsWhole('address-input');
    expect(scroll).toBeLessThanOrEqual(client);
    const fieldBox = await field.boundingBox();
    const chainsBox = await options.getByTestId('address-add').locator('fieldset').boundingBox();
    expect(fieldBox !== null && chainsBox !== null && fieldBox.y + fieldBox.height <= chainsBox.y).toBe(true);
    expect(await layoutProblems(options, '[data-testid="address-add"]')).toEqual([]);
  });

  test('the JSON-RPC fields look like the page’s other URL field, light and dark, and show a whole endpoint URL', async () => {
    await options.getByTestId('rpc-url').fill(RPC);
    const { scroll, client } = await showsWhole('rpc-url');
    expect(scroll).toBeLessThanOrEqual(client);
    await options.getByTestId('rpc-chains').locator('summary').click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      const listField = await look('list-url');
      expect(await look('rpc-url'), colorScheme).toEqual(listField);
      expect(await look('rpc-url-42161'), colorScheme).toEqual(listField);
      // Themed, not the browser's own grey field: the page's raised background.
      expect(listField.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    }
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await layoutProblems(options, 'section[aria-labelledby="rpc-title"]')).toEqual([]);
  });
});
