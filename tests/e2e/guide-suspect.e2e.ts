/**
 * The exchange's withdrawal page while the withdrawal guide marks its address as a look-alike of a saved one, in
 * Chromium with the built extension: every address the user pastes gets a short warning to check the guide first (no
 * address in it), where the page was silent before; the field and the form stay the page's own; once the look-alike is
 * gone from the book, the usual comparison with the guide's address is back.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import en from '../../public/_locales/en/messages.json';
import { axeProblems, fakeExchangeHtml, inShadow, launchChromium, openCopyForAxe, removeOpenCopy, routeSite, shadowUi, type ChromiumExtension } from './harness';

declare const chrome: {
  storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

// EIP-55's own example address: the wallet address the user "pastes" into the guide.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
// A poisoner's copy of it: the same first and last four characters after 0x, another middle.
const LOOKALIKE = getAddress(`0x${WALLET.slice(2, 6)}${'7'.repeat(32)}${WALLET.slice(-4)}`.toLowerCase());
const OTHER = getAddress(`0x${'ab'.repeat(20)}`);
const WARNING_HOST = 'reserve-radar-mismatch';

/**
 * Types `address` into `field` until the exchange page's script warns about it (it listens only once its pill is drawn
 * and the guide read, which the page cannot see): filled again until a warning shows.
 */
async function typedUntilWarned(field: Locator, address: string): Promise<void> {
  const warnings = field.page().locator(WARNING_HOST);
  await expect
    .poll(
      async () => {
        if ((await warnings.count()) === 0) await field.fill(address);
        return warnings.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
}

/** Binance's guide as stored, read in an extension page. */
const storedGuide = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get('guide:binance'))['guide:binance'] as Record<string, unknown> | undefined);

/** The address book as another tab (the options page, another guide tab) leaves it in storage. */
const storeBook = (page: Page, book: { label: string; network: string; address: string }[]) =>
  page.evaluate((entries) => chrome.storage.local.set({ addressBook: entries.map((entry) => ({ ...entry, addedAt: '2026-12-07T12:00:00.000Z' })) }), book);

describe("the guide's look-alike mark on the exchange's withdrawal page, Chromium", () => {
  let browser: ChromiumExtension;
  let guide: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // The guide keeps the address the user checked on the device; its tab stays open, as it watches the book.
    guide = await browser.context.newPage();
    await guide.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await guide.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await guide.getByLabel('Coin or token (ticker)').fill('ETH');
    await guide.getByTestId('step-next').click();
    await guide.getByTestId('wallet-hardware').check();
    for (const item of await guide.getByTestId('seed-checklist').getByRole('checkbox').all()) await item.check();
    await guide.getByTestId('step-next').click();
    await guide.getByTestId('address-input').fill(WALLET);
    await guide.getByTestId('verified-on-device').check();
    await guide.getByTestId('step-next').click();
    await guide.getByTestId('book-empty').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('every address pasted gets the plain warning to check the guide, the form is left alone, and the look-alike gone brings the comparison back', async () => {
    // A look-alike of the guide's address lands in the book (an import in the options page, say): the open guide marks the guide.
    await storeBook(guide, [{ label: 'Copy', network: 'ethereum', address: LOOKALIKE }]);
    await expect.poll(() => storedGuide(guide), { timeout: 10_000 }).toMatchObject({ address: WALLET, addressSuspect: true });

    await routeSite(
      browser.context,
      'https://www.binance.com',
      fakeExchangeHtml('Binance — withdraw ETH', '<form><label>Address <input id="withdraw-address" type="text" autocomplete="off"></label><button type="submit">Withdraw</button></form>'),
    );
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/ETH');
    // The page counts its own form's submissions: ours must never be one.
    await page.evaluate(() => {
      const counted = globalThis as unknown as { submits: number };
      counted.submits = 0;
      document.querySelector('form')?.addEventListener('submit', (event) => {
        counted.submits++;
        event.preventDefault();
      });
    });
    const field = page.locator('#withdraw-address');
    const warning = shadowUi(page, WARNING_HOST);
    for (const pasted of [LOOKALIKE, WALLET, OTHER]) {
      await field.fill('');
      await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
      await typedUntilWarned(field, pasted);
      await warning.waitFor('mismatch-warning');
      expect(await warning.attribute('mismatch-warning', 'role')).toBe('alert');
      const text = (await warning.text('mismatch-warning')) ?? '';
      expect(text, pasted).toContain(en.mismatchSuspect.message);
      expect(text, pasted).toContain(en.mismatchSuspectBody.message);
      expect(text, pasted).not.toContain(en.mismatchTitle.message);
      // No address is shown: the guide's cannot be vouched for.
      expect(text.toLowerCase(), pasted).not.toMatch(/0x ?5aae|0x ?abab/);
      expect(await field.inputValue()).toBe(pasted);
    }
    expect(await page.evaluate(() => (globalThis as unknown as { submits: number }).submits)).toBe(0);

    // Reachable for every reader, in light and dark: a copy of the closed root in an open one, the original hidden meanwhile.
    const setHidden = (hidden: boolean) =>
      inShadow(page, WARNING_HOST, (root, hide) => root.querySelector<HTMLElement>(':scope > div')?.style[hide ? 'setProperty' : 'removeProperty']('visibility', 'hidden'), hidden);
    const copy = await openCopyForAxe(page, WARNING_HOST);
    await setHidden(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeProblems(page, copy), colorScheme).toEqual([]);
    }
    await setHidden(false);
    await removeOpenCopy(page);

    // Hidden by the user's own click: gone, and the field still as typed.
    await warning.click('mismatch-dismiss');
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await field.inputValue()).toBe(OTHER);

    // The look-alike removed from the book: the guide is unmarked, and the page compares with the guide's address again.
    await storeBook(guide, []);
    await expect.poll(async () => (await storedGuide(guide))?.addressSuspect, { timeout: 10_000 }).toBeUndefined();
    // The dismissed warning comes back for the address still in the field: that it is not the guide's is news.
    await warning.waitFor('mismatch-warning');
    await expect.poll(async () => (await warning.text('mismatch-warning')) ?? '', { timeout: 10_000 }).toContain(en.mismatchTitle.message);
    expect(await field.inputValue()).toBe(OTHER);
    // Cleared, the warning goes; the look-alike typed then is compared with the guide's address.
    await field.fill('');
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    await typedUntilWarned(field, LOOKALIKE);
    expect(await field.inputValue()).toBe(LOOKALIKE);
    const text = (await warning.text('mismatch-warning')) ?? '';
    expect(text).toContain(en.mismatchTitle.message);
    // Both addresses, in groups of four: the look-alike's middle typed, and the guide's own.
    expect(text).toMatch(/7777 7777/);
    expect(text).toContain('0x 5aAe b605');
    await field.fill(WALLET);
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { submits: number }).submits)).toBe(0);
    await page.close();
  });
});
