import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { getAddress } from 'viem';
import en from '../../public/_locales/en/messages.json';
import { launchChromium, type ChromiumExtension } from './harness';

/**
 * The guide's address book step while the book changes in other tabs, in Chromium with the built
 * extension: the options page imports a book that holds the guide's address (for its network, then
 * for another), a second guide tab removes it, and the first tab, left open at the step, follows
 * the stored book each time. The step's own words, in one tab: components/guide/AddressBookStep.test.tsx.
 */

// EIP-55's own example address: the wallet address the user "pastes".
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const LABEL = 'Cold wallet';
// A poisoner's copy of it: the same first and last four characters after 0x, another middle.
const LOOKALIKE = getAddress(`0x${WALLET.slice(2, 6)}${'7'.repeat(32)}${WALLET.slice(-4)}`.toLowerCase());

const fill = (message: string, ...args: string[]) => args.reduce((text, arg, index) => text.replaceAll(`$${index + 1}`, arg), message);

describe('the address book step follows the book changed in other tabs, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Imports, in the options page, a backup file whose address book is `book`: the way a user replaces the book there. */
  async function importBook(options: Page, name: string, book: { label: string; network: string; address: string }[]) {
    const file = {
      format: 'reserve-radar-export',
      version: 1,
      exportedAt: '2026-12-05T12:00:00.000Z',
      holdings: [],
      addresses: [],
      history: [],
      addressBook: book.map((entry) => ({ ...entry, addedAt: '2026-12-05T12:00:00.000Z' })),
    };
    await options.bringToFront();
    await options.getByTestId('data-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    // The stored book, not the message: from the second import on, the message before it already reads the same.
    const stored = () =>
      options.evaluate(async () => {
        const { addressBook } = await (globalThis as unknown as { chrome: { storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('addressBook');
        return Array.isArray(addressBook) ? addressBook.map((entry: { network: string; address: string }) => `${entry.network}:${entry.address}`) : [];
      });
    await expect.poll(stored).toEqual(book.map((entry) => `${entry.network}:${entry.address}`));
    await expect.poll(() => options.getByTestId('data-import-message').textContent()).toMatch(/^Imported 0 holdings/);
  }

  /** Binance's guide as stored, read in `page`. */
  const storedGuide = (page: Page) =>
    page.evaluate(async () => {
      const stored = await (globalThis as unknown as { chrome: { storage: { local: { get: (key: string) => Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('guide:binance');
      return stored['guide:binance'] as Record<string, unknown> | undefined;
    });

  test('added in the options page, removed in another guide tab, saved there for another network, emptied: the open step says what the book holds', async () => {
    const guide = await browser.context.newPage();
    await guide.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await guide.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await guide.getByLabel('Coin or token (ticker)').fill('ETH');
    await guide.getByTestId('goto-address').click();
    await guide.getByTestId('address-input').fill(WALLET);
    await guide.getByTestId('goto-address-book').click();
    await guide.getByTestId('book-empty').waitFor();
    await guide.getByTestId('book-save').waitFor();
    const bookMark = () => guide.getByTestId('goto-address-book').textContent();
    const focused = () => guide.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? null);
    expect(await bookMark()).toContain(en.guideStepTodo.message);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);

    // The options page brings a book that holds this address for Ethereum: nothing left to choose in the guide's tab.
    await importBook(options, 'with-wallet.json', [{ label: LABEL, network: 'ethereum', address: WALLET }]);
    await expect.poll(() => guide.getByTestId('book-known').textContent()).toBe(fill(en.bookAlreadySaved.message, LABEL));
    expect(await guide.getByTestId('book-save').count()).toBe(0);
    expect(await guide.getByTestId('book-skip').count()).toBe(0);
    expect(await guide.getByTestId('book-entry').count()).toBe(1);
    expect(await bookMark()).toContain(en.guideStepDone.message);

    // Another guide tab, its address book list: Remove there gives the first tab its choice back.
    const second = await browser.context.newPage();
    await second.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await second.getByTestId('goto-address-book').click();
    await second.getByTestId('book-remove').click();
    await second.getByTestId('book-empty').waitFor();
    await guide.bringToFront();
    await guide.getByTestId('book-save').waitFor();
    await guide.getByTestId('book-empty').waitFor();
    expect(await guide.getByTestId('book-known').count()).toBe(0);
    expect(await bookMark()).toContain(en.guideStepTodo.message);

    // Saved for Arbitrum only: said so, not called saved for Ethereum, and the choice stays.
    await importBook(options, 'arbitrum.json', [{ label: LABEL, network: 'arbitrum', address: WALLET }]);
    await expect.poll(() => guide.getByTestId('book-elsewhere').textContent()).toBe(fill(en.bookSavedOtherNetwork.message, LABEL, 'Arbitrum One', 'Ethereum'));
    expect(await guide.getByTestId('book-known').count()).toBe(0);
    expect(await guide.getByTestId('known-address').count()).toBe(0);
    await guide.getByTestId('book-save').waitFor();
    expect(await bookMark()).toContain(en.guideStepTodo.message);

    // Back for Ethereum, then the book emptied by an import: the step follows each.
    await importBook(options, 'ethereum-again.json', [{ label: LABEL, network: 'ethereum', address: WALLET }]);
    await expect.poll(() => guide.getByTestId('book-known').count()).toBe(1);
    expect(await guide.getByTestId('book-elsewhere').count()).toBe(0);
    await importBook(options, 'empty.json', []);
    await guide.getByTestId('book-empty').waitFor();
    await guide.getByTestId('book-save').waitFor();
    expect(await guide.getByTestId('book-known').count()).toBe(0);
    expect(await bookMark()).toContain(en.guideStepTodo.message);

    // Skipped first, so the mark reads done; then a look-alike of this address brought in by the options page: the open step judges
    // it again, gives the alert and no Save or Skip, the skip no longer counts, and the focus that was on Skip goes to the alert.
    await guide.getByTestId('book-skip').click();
    await expect.poll(bookMark).toContain(en.guideStepDone.message);
    await importBook(options, 'lookalike.json', [{ label: 'Copy', network: 'ethereum', address: LOOKALIKE }]);
    await guide.bringToFront();
    await guide.getByTestId('poisoning-alert').waitFor();
    expect(await guide.getByTestId('poisoning-alert').textContent()).toContain(en.poisoningDangerTitle.message);
    expect(await guide.getByTestId('book-save').count()).toBe(0);
    expect(await guide.getByTestId('book-skip').count()).toBe(0);
    expect(await bookMark()).toContain(en.guideStepTodo.message);
    expect(await focused()).toBe('book-lookalike');
    expect(await guide.getByTestId('book-lookalike').getAttribute('aria-label')).toBe(en.poisoningDangerTitle.message);
    expect(await guide.getByTestId('book-status').textContent()).toBe('');
    // The look-alike removed in the other guide tab: the alert goes, the choice is back, the focus is in the name field and the
    // status region says why.
    await second.bringToFront();
    await second.getByTestId('book-remove').click();
    await second.getByTestId('book-empty').waitFor();
    await guide.bringToFront();
    await guide.getByTestId('book-save').waitFor();
    expect(await guide.getByTestId('poisoning-alert').count()).toBe(0);
    expect(await focused()).toBe('book-label');
    expect(await guide.getByTestId('book-status').textContent()).toBe(en.bookLookalikeGone.message);

    // On the test step when a look-alike comes: the alert takes the place of "send the test to", and the stored guide is marked so
    // the exchange page does not compare with it; the look-alike gone, the step and the address are back as they were.
    await guide.getByTestId('goto-test-transaction').click();
    await guide.getByTestId('test-send-to').waitFor();
    await importBook(options, 'lookalike-again.json', [{ label: 'Copy', network: 'ethereum', address: LOOKALIKE }]);
    await guide.bringToFront();
    await guide.getByTestId('poisoning-alert').waitFor();
    expect(await guide.getByTestId('test-send-to').count()).toBe(0);
    expect(await guide.getByTestId('test-sent').count()).toBe(0);
    await expect.poll(() => storedGuide(options)).toMatchObject({ address: WALLET, addressSuspect: true });
    await importBook(options, 'empty-again.json', []);
    await guide.bringToFront();
    await guide.getByTestId('test-send-to').waitFor();
    expect(await guide.getByTestId('poisoning-alert').count()).toBe(0);
    await expect.poll(async () => (await storedGuide(options))?.addressSuspect).toBeUndefined();
    expect(await storedGuide(options)).toMatchObject({ address: WALLET, addressBook: 'skipped' });

    await Promise.all([guide.close(), second.close(), options.close()]);
  });
});
