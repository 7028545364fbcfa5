/**
 * The verify page in Chromium with the built extension: published proofs of liabilities checked
 * against their roots, bad input in plain words, files dropped or chosen by keyboard, and dark
 * mode (the on-chain reserve check: verify-reserves.e2e.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { createTestClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reserveAddressLists } from '../../lib/chain/reserve-addresses';
import { deployMulticall3, startAnvil } from '../../lib/chain/test-anvil';
import { axeProblems, launchChromium, root, screenshotPath, textContrast, type ChromiumExtension } from './harness';
import { BYBIT_ROOT, fixture, OKX_ROOT, launchWithVerifyPage, verifyProof } from './verify-page';

describe('verify page in Chromium', () => {
  let browser: ChromiumExtension;
  let page: Page;
  let verifyUrl: string;

  beforeAll(async () => {
    ({ browser, page, verifyUrl } = await launchWithVerifyPage());
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the options page links to it', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('verify-link').click();
    await page.waitForURL(verifyUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("Don't trust, verify");
  });

  test('a published Bybit proof with its root is verified, showing leaf, path and root', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(page, fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
    await expect.poll(() => page.getByTestId('proof-verdict').textContent()).toContain('Verified');
    await expect.poll(() => page.getByTestId('proof-computed-root').textContent()).toBe(BYBIT_ROOT);
    await expect.poll(() => page.getByTestId('proof-path').locator('tbody tr').count()).toBe(3);
    await expect.poll(() => page.getByTestId('proof-leaf').textContent()).toContain('7.16384740');
    await expect.poll(() => page.getByTestId('proof-root-match').textContent()).toContain('Matches');
    // Another root typed in: the "Verified" was about the old one, so it goes before Verify is pressed again.
    await page.getByTestId('proof-root').fill(`9${BYBIT_ROOT.slice(1)}`);
    await expect.poll(() => page.getByTestId('proof-verdict').count()).toBe(0);
  });

  test('OKX v1 with a 0x-prefixed root, format chosen by hand, is verified too', async () => {
    await page.goto(verifyUrl);
    await page.getByTestId('proof-format').selectOption('okx-v1');
    expect(await verifyProof(page, fixture('okx-v1-example.json'), `0x${OKX_ROOT.toUpperCase()}`)).toBe('verified');
    await expect.poll(() => page.getByTestId('proof-path').locator('tbody tr').count()).toBe(23);
  });

  test('one flipped character fails with the reason, never "verified"', async () => {
    await page.goto(verifyUrl);
    const flipped = fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"');
    expect(await verifyProof(page, flipped, BYBIT_ROOT)).toBe('failed');
    await expect.poll(() => page.getByTestId('proof-reason').textContent()).toContain('does not match');
    expect(await page.getByTestId('proof-verdict').textContent()).not.toMatch(/^Verified/);
    await expect.poll(() => page.getByTestId('proof-result').count()).toBe(0);
  });

  test('a wrong root is a mismatch; no root is only "consistent"', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(page, fixture('bybit-40.json'), `9${BYBIT_ROOT.slice(1)}`)).toBe('root-mismatch');
    await expect.poll(() => page.getByTestId('proof-root-match').textContent()).toContain('Differs');
    expect(await verifyProof(page, fixture('bybit-40.json'), '')).toBe('consistent-no-root');
  });

  test('bad input gets plain words: not JSON, not a proof, empty, an oversized file', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(page, '{"self": ', '')).toBe('failed');
    await expect.poll(() => page.getByTestId('proof-reason').textContent()).toContain('not valid JSON');
    expect(await verifyProof(page, '{"hello": "world"}', '')).toBe('failed');
    await expect.poll(() => page.getByTestId('proof-reason').textContent()).toContain('does not look like');

    await page.getByTestId('proof-text').fill('');
    await page.getByTestId('proof-verify').click();
    await expect.poll(() => page.getByTestId('proof-error').textContent()).toContain('Paste a proof');

    await page.getByTestId('proof-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2_500_000, 32) });
    await expect.poll(() => page.getByTestId('proof-error').textContent()).toContain('huge.json is larger than 2 MB');

    // A chosen file is checked as bytes: the real fixture passes, bytes that are not UTF-8 do not.
    await page.getByTestId('proof-root').fill(BYBIT_ROOT);
    await page.getByTestId('proof-file').setInputFiles({ name: 'bybit.json', mimeType: 'application/json', buffer: Buffer.from(fixture('bybit-40.json')) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="verified"]').waitFor();
    await expect.poll(() => page.getByTestId('proof-source').textContent()).toContain('bybit.json');
    await page.getByTestId('proof-file').setInputFiles({ name: 'bin.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    await expect.poll(() => page.getByTestId('proof-reason').textContent()).toContain('not valid UTF-8');
  });

  test('"Verify proof" pressed by keyboard keeps the focus while it checks and after', async () => {
    await page.goto(verifyUrl);
    await page.getByTestId('proof-text').fill(fixture('bybit-40.json'));
    await page.getByTestId('proof-root').fill(BYBIT_ROOT);
    await page.getByTestId('proof-verify').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="proof-verdict"][data-verdict="verified"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('proof-verify');
    // A bad paste, the same way: the failure is shown and focus is still on the button.
    await page.getByTestId('proof-text').fill('not json at all');
    await page.getByTestId('proof-verify').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('proof-verify');
    await expect.poll(() => page.getByTestId('proof-verify').getAttribute('aria-disabled')).toBe('false');
  });

  test('a busy Verify button looks busy and its words stay readable, light and dark', async () => {
    await page.goto(verifyUrl);
    const button = page.getByTestId('proof-verify');
    const look = () => button.evaluate((node) => ({ color: getComputedStyle(node).color, border: getComputedStyle(node).borderTopStyle, opacity: getComputedStyle(node).opacity }));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const ready = await look();
      // The attribute the page sets while a check runs (components/verify/ProofVerifier.tsx), set here to hold the look still.
      await button.evaluate((node) => node.setAttribute('aria-disabled', 'true'));
      const busy = await look();
      expect(busy.color).not.toBe(ready.color);
      expect([busy.border, busy.opacity]).toEqual(['dashed', '1']);
      expect((await textContrast(button)).ratio).toBeGreaterThanOrEqual(4.5);
      await button.evaluate((node) => node.setAttribute('aria-disabled', 'false'));
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('a file dropped on the zone, or chosen by keyboard, is checked', async () => {
    // Listening before the page loads turns on file-chooser interception in time (a listener
    // added just before the key press can lose the race with the dialog).
    let chosen: (chooser: FileChooser) => void = () => undefined;
    const chooserOpened = new Promise<FileChooser>((resolve) => (chosen = resolve));
    page.on('filechooser', (chooser) => chosen(chooser));
    await page.goto(verifyUrl);
    await page.getByTestId('proof-root').fill(BYBIT_ROOT);
    await page.getByTestId('proof-dropzone').evaluate((zone, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, fixture('bybit-40.json'));
    await page.locator('[data-testid="proof-verdict"][data-verdict="verified"]').waitFor();
    await expect.poll(() => page.getByTestId('proof-source').textContent()).toContain('dropped.json');

    // Keyboard: Tab reaches "Choose a file", Enter opens the chooser.
    await page.getByTestId('proof-text').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('proof-choose');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles({ name: 'flipped.json', mimeType: 'application/json', buffer: Buffer.from(fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"')) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    await expect.poll(() => page.getByTestId('proof-source').textContent()).toContain('flipped.json');
  });

  test('the reserve check opens the options in a new tab: the proof and its verdict stay, and the endpoint set there shows here', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(page, fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
    const openLink = page.getByTestId('reserves-options-link');
    await expect.poll(() => openLink.getAttribute('target')).toBe('_blank');
    await expect.poll(() => page.getByRole('link', { name: 'Open options (opens in a new tab)' }).count()).toBe(1);
    const [options] = await Promise.all([browser.context.waitForEvent('page'), openLink.click()]);
    await options.waitForURL(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('rpc-url').fill('http://127.0.0.1:9/');
    await options.getByTestId('rpc-url').press('Tab');
    // This page stayed as it was, and follows the setting.
    expect(page.url()).toBe(verifyUrl);
    await expect.poll(() => page.getByTestId('proof-verdict').getAttribute('data-verdict')).toBe('verified');
    await expect.poll(() => page.getByTestId('proof-root').inputValue()).toBe(BYBIT_ROOT);
    await expect.poll(() => page.getByTestId('reserves-rpc').locator('code').textContent()).toBe('http://127.0.0.1:9');
    await expect.poll(() => page.getByRole('link', { name: 'Change (opens in a new tab)' }).count()).toBe(1);
    const [again] = await Promise.all([browser.context.waitForEvent('page'), page.getByTestId('reserves-change-rpc').click()]);
    await again.waitForURL(`chrome-extension://${browser.extensionId}/options.html`);
    expect(page.url()).toBe(verifyUrl);
    await expect.poll(() => page.getByTestId('proof-verdict').getAttribute('data-verdict')).toBe('verified');
    await options.getByTestId('rpc-url').fill('');
    await options.getByTestId('rpc-url').press('Tab');
    await page.getByTestId('reserves-no-rpc').waitFor();
    await Promise.all([options.close(), again.close()]);
  });
});

describe('verify page in dark mode', () => {
  let browser: ChromiumExtension;
  beforeAll(async () => {
    browser = await launchChromium({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a verified and a failed proof both pass axe (contrast included); screenshot', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/verify.html`);
    await page.getByTestId('proof-text').fill(fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"'));
    await page.getByTestId('proof-verify').click();
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('verify-dark.png') });
    await page.getByTestId('proof-text').fill(fixture('bitget-2025.json'));
    await page.getByTestId('proof-root').fill('8eac815c495e6a67');
    await page.getByTestId('proof-verify').click();
    await page.locator('[data-testid="proof-verdict"][data-verdict="verified"]').waitFor();
    expect(await axeProblems(page)).toEqual([]);
  });

  test('a partial reserve check beside DefiLlama’s coin amounts passes axe in dark mode', async () => {
    // No token contracts on this chain: only ETH answers, so the comparison is partial.
    const chain = await startAnvil({ chainId: 1 });
    try {
      await deployMulticall3(chain.url);
      const okx = reserveAddressLists.find((list) => list.exchangeId === 'okx')!;
      await createTestClient({ mode: 'anvil', transport: http(chain.url) }).setBalance({ address: okx.addresses[0]!, value: 4_000_000_000_000_000_000n });
      const port = new URL(chain.url).port;
      await browser.context.route(
        (url) => url.hostname === '127.0.0.1' && url.port === port,
        (route) => route.continue(),
      );
      const answers: Record<string, string> = {
        '/cexs': readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8'),
        '/protocol/okx': readFileSync(join(root, 'tests/fixtures/defillama/protocol-okx.json'), 'utf8'),
      };
      await browser.context.route('https://api.llama.fi/**', (route) => {
        const body = answers[new URL(route.request().url()).pathname];
        return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'application/json', body });
      });
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }));
      await page.getByTestId('rpc-url').fill(chain.url);
      await page.getByTestId('rpc-url').press('Tab');
      await page.waitForFunction(async (expected) => {
        const stored = (await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ settings?: { rpcUrl?: string } }> } } } }).chrome.storage.local.get('settings'))
          .settings;
        return stored?.rpcUrl === expected;
      }, chain.url);
      await page.goto(`chrome-extension://${browser.extensionId}/verify.html`);
      await page.getByTestId('reserves-target-okx:1').check();
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      await expect.poll(() => page.getByTestId('reserves-llama').getAttribute('data-status')).toBe('partial');
      await expect.poll(() => page.locator('[data-testid="reserves-llama-row"][data-symbol="ETH"]').getAttribute('data-difference')).toBe('0.75');
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('verify-reserves-dark.png'), fullPage: true });
    } finally {
      await chain.stop();
    }
  });
});
