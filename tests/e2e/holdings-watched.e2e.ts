import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestClient, http } from 'viem';
import { deployMulticall3, deployTestToken, startAnvil, type LocalChain } from '../../lib/chain/test-anvil';
import { holdingTokensFor } from '../../lib/holdings/holding-tokens';
import { launchChromium, root, type ChromiumExtension } from './harness';

/**
 * Watched self-custody addresses in the real extension: balances read from real anvil nodes, one per network, and valued
 * with a recorded DefiLlama coins answer served by a route; an address nobody has read stays "Unknown", never $0.
 */
const coins = readFileSync(join(root, 'tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
const ETH_USD = 2701.406622981317;

declare const chrome: {
  storage: { local: { get(keys: string | string[] | null): Promise<Record<string, unknown>> } };
};

describe('watched addresses in Chromium, read from real anvil nodes', () => {
  let browser: ChromiumExtension;
  let chain: LocalChain;
  let base: LocalChain;
  const watched = '0x00000000000000000000000000000000005E1f02';

  // Chain ids 1 and 8453, so the extension reads them as Ethereum and Base with the sourced
  // token table; the token contracts are stand-ins put at the real addresses, holding nothing.
  async function setUp(chainId: number, wei: bigint): Promise<LocalChain> {
    const node = await startAnvil({ chainId });
    await deployMulticall3(node.url);
    for (const token of holdingTokensFor(chainId)) await deployTestToken(node.url, token.address, token.symbol === 'WBTC' ? 8 : token.symbol === 'WETH' ? 18 : 6);
    await createTestClient({ mode: 'anvil', transport: http(node.url) }).setBalance({ address: watched, value: wei });
    return node;
  }

  beforeAll(async () => {
    chain = await setUp(1, 3_000_000_000_000_000_000n);
    base = await setUp(8453, 2_000_000_000_000_000_000n);
    browser = await launchChromium();
    // The harness refuses every request it is not told about; the local chains are let through.
    for (const node of [chain, base]) {
      await browser.context.route(`${node.url}/**`, (route) => route.continue());
      await browser.context.route(node.url, (route) => route.continue());
    }
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: coins }));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await chain?.stop();
    await base?.stop();
  });

  test('a watched address counts as self-custody after "Refresh balances", with its block; each network through its own endpoint', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('rpc-url').fill(chain.url);
    await options.getByTestId('rpc-url').press('Tab');
    await options.getByTestId('holding-custodian').selectOption('kraken');
    await options.getByTestId('holding-asset').fill('ETH');
    await options.getByTestId('holding-amount').fill('1');
    await options.getByTestId('holding-submit').click();
    await expect.poll(() => options.getByTestId('holdings-share').textContent()).toBe('You hold 0% yourself');
    await options.getByTestId('address-input').fill(watched);
    await options.getByRole('checkbox', { name: 'Base' }).check();
    await options.getByTestId('address-submit').click();
    await options.getByTestId('holdings-refresh-balances').click();
    // Base has no endpoint of its own yet: the main one answers for chain 1, so Base stays unknown.
    await expect.poll(() => options.getByTestId('holdings-readings').textContent()).toMatch(/^Ethereum: read at block \d+ on .*Base: could not be read/);
    await expect.poll(() => options.getByTestId('holdings-share').textContent()).toBe('Of what could be valued, you hold 75% yourself');
    await expect.poll(() => options.getByTestId('holdings-incomplete').isVisible()).toBe(true);

    await options.getByTestId('rpc-chains').locator('summary').click();
    await options.getByTestId('rpc-url-8453').fill(base.url);
    await options.getByTestId('rpc-url-8453').press('Tab');
    await expect.poll(async () => (await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings).toMatchObject({ chainRpcUrls: { '8453': base.url } });
    // From the keyboard: the button is busy while the nodes answer, and keeps the focus throughout.
    await options.getByTestId('holdings-refresh-balances').focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('holdings-readings').textContent()).toMatch(/^Ethereum: read at block \d+ on .*Base: read at block \d+ on /);
    // Done when it says "Refresh balances" again instead of "Refreshing…".
    await expect.poll(() => options.getByTestId('holdings-refresh-balances').textContent()).toBe('Refresh balances');
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('holdings-refresh-balances');
    // 3 ETH on Ethereum + 2 ETH on Base, against 1 ETH on Kraken.
    await expect.poll(() => options.getByTestId('holdings-share').textContent()).toBe('You hold 83% yourself');
    await expect.poll(() => options.getByTestId('holdings-incomplete').count()).toBe(0);
    const row = options.locator('[data-testid="holdings-share-row"][data-custodian="self"]');
    await expect.poll(() => row.textContent()).toContain(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(5 * ETH_USD));
  });
});

describe('a watched address nobody has read, in Chromium', () => {
  let browser: ChromiumExtension;
  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: coins }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('with no endpoint and no reading, self custody is "Unknown", never "$0.00", and the page and the popup say once why', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('address-input').fill('0xFA61bf1379e97EC4fE60A79Eccc991159a74fdf0');
    await options.getByTestId('address-submit').click();
    const self = options.locator('[data-testid="holdings-share-row"][data-custodian="self"] td');
    await expect.poll(() => self.allTextContents()).toEqual(['Unknown', 'Unknown']);
    const unknown = 'Your own share is not known yet: some holdings could not be valued (no price, no exchange rate or an unread address).';
    expect(await options.getByTestId('holdings-share').textContent()).toBe(unknown);
    expect(await options.getByTestId('holdings-incomplete').count()).toBe(0);
    expect(await options.getByTestId('holdings-overview').textContent()).not.toContain('$0');

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('holdings-mini-share').textContent()).toBe(unknown);
    expect(await popup.getByTestId('holdings-mini').textContent()).not.toContain('shares are of what could be valued');
  });
});
