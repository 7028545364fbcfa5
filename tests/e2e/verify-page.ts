/** What the tests of the verify page share: the recorded proofs, their published roots, and a proof checked as the user checks it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, root, type ChromiumExtension } from './harness';

/** A recorded proof from tests/fixtures/proofs. */
export const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/proofs', name), 'utf8');
export const BYBIT_ROOT = '8837e3a902aa996279fdc3d70e38e46cd18232dfb614c515a25ba34778eb1765';
export const OKX_ROOT = 'ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d';

/** Chromium with the built extension, a tab to work in, and the verify page's address. */
export async function launchWithVerifyPage(): Promise<{ browser: ChromiumExtension; page: Page; verifyUrl: string }> {
  const browser = await launchChromium();
  return { browser, page: await browser.context.newPage(), verifyUrl: `chrome-extension://${browser.extensionId}/verify.html` };
}

/** Pastes `text` and `rootHex` into the open verify page, presses Verify, and reads the verdict. */
export async function verifyProof(page: Page, text: string, rootHex: string): Promise<string | null> {
  await page.getByTestId('proof-text').fill(text);
  await page.getByTestId('proof-root').fill(rootHex);
  await page.getByTestId('proof-verify').click();
  const verdict = page.getByTestId('proof-verdict');
  await verdict.waitFor();
  return verdict.getAttribute('data-verdict');
}
