import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getAddress } from 'viem';
import { axeProblems, launchChromium, type ChromiumExtension } from './harness';

/**
 * The notice the guide's test and arrival steps show in their place while the chosen address is a look-alike
 * of one in the address book, in Chromium with the built extension: axe finds nothing in it (no violation,
 * no contrast left unsettled), in light and in dark. Its words and focus: components/guide/GuideSuspect.test.tsx.
 */

// EIP-55's own example address: the wallet address the user "pastes".
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
// A poisoner's copy of it: the same first and last four characters after 0x, another middle.
const LOOKALIKE = getAddress(`0x${WALLET.slice(2, 6)}${'7'.repeat(32)}${WALLET.slice(-4)}`.toLowerCase());

describe('the look-alike notice in place of the test and arrival steps, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('axe finds nothing in it, light and dark, on both steps', async () => {
    const guide = await browser.context.newPage();
    await guide.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await guide.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await guide.getByLabel('Coin or token (ticker)').fill('ETH');
    await guide.getByTestId('goto-address').click();
    await guide.getByTestId('address-input').fill(WALLET);
    await guide.getByTestId('goto-test-transaction').click();
    await guide.getByTestId('test-send-to').waitFor();
    // The look-alike comes into the stored book as an import or another tab would put it there.
    await guide.evaluate(async (address) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { set: (items: object) => Promise<void> } } } }).chrome.storage.local;
      await storage.set({ addressBook: [{ label: 'Copy', network: 'ethereum', address, addedAt: '2026-12-05T12:00:00.000Z' }] });
    }, LOOKALIKE);
    await guide.getByTestId('guide-suspect').waitFor();
    for (const step of ['test-transaction', 'arrival']) {
      await guide.getByTestId(`goto-${step}`).click();
      await guide.getByTestId('guide-suspect').waitFor();
      const colours: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await guide.emulateMedia({ colorScheme });
        expect(await axeProblems(guide, '[data-testid="guide-suspect"]'), `${step} ${colorScheme}`).toEqual([]);
        colours.push(
          await guide
            .locator('[data-testid="guide-suspect"] p')
            .first()
            .evaluate((text) => getComputedStyle(text).color),
        );
      }
      // The dark run drew the dark colours, not the light ones again.
      expect(new Set(colours).size, step).toBe(2);
      await guide.emulateMedia({ colorScheme: 'light' });
    }
    await guide.close();
  });
});
