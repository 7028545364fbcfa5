/**
 * The verify page's on-chain reserve check in Chromium with the built extension: the exchange's
 * published wallets read on a local anvil chain through the RPC endpoint set in the options,
 * beside the figures the user typed and DefiLlama's recorded answers; slow, failing, closed and
 * wrong-chain endpoints.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createPublicClient, createTestClient, http, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reserveAddressLists, reserveTokens } from '../../lib/chain/reserve-addresses';
import { deployMulticall3, deployTestToken, MIXED_FAILURE_TOKEN_CODE, setTestTokenBalance, startAnvil, type LocalChain } from '../../lib/chain/test-anvil';
import { axeProblems, root, screenshotPath, startHttpServer, type ChromiumExtension } from './harness';
import { BYBIT_ROOT, fixture, launchWithVerifyPage, verifyProof } from './verify-page';

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST, OPTIONS' };

/** A JSON-RPC endpoint in front of anvil that can be slowed down or made to fail `eth_call`. */
function rpcProxy(target: string, behaviour: { delayMs: number; failCalls: boolean }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      setTimeout(() => {
        if (behaviour.failCalls && body.includes('"eth_call"')) {
          res.writeHead(500, { ...CORS, 'content-type': 'text/plain' });
          res.end('upstream exploded');
          return;
        }
        fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
          .then(async (answer) => {
            res.writeHead(answer.status, { ...CORS, 'content-type': 'application/json' });
            res.end(await answer.text());
          })
          .catch(() => {
            res.writeHead(502, CORS);
            res.end();
          });
      }, behaviour.delayMs);
    });
  };
}

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

  describe('on-chain reserve check', () => {
    let chain: { url: string; stop(): Promise<void> };
    let slow: Awaited<ReturnType<typeof startHttpServer>>;
    let failing: Awaited<ReturnType<typeof startHttpServer>>;
    let otherChain: LocalChain;
    let closedPort: number;
    const okx = reserveAddressLists.find((list) => list.exchangeId === 'okx')!;
    const usdt = reserveTokens.find((token) => token.chainId === 1 && token.symbol === 'USDT')!.address;
    const usdc = reserveTokens.find((token) => token.chainId === 1 && token.symbol === 'USDC')!.address;
    const okb = reserveTokens.find((token) => token.chainId === 1 && token.symbol === 'OKB')!.address;

    beforeAll(async () => {
      // Chain id 1: the page checks that the endpoint serves the chain the exchange's list is on.
      chain = await startAnvil({ chainId: 1 });
      await deployMulticall3(chain.url);
      await deployTestToken(chain.url, usdt, 6);
      await deployTestToken(chain.url, usdc, 6);
      await deployTestToken(chain.url, okb, 18);
      const testClient = createTestClient({ mode: 'anvil', transport: http(chain.url) });
      const [a, b, c] = okx.addresses as [Address, Address, Address];
      await testClient.setBalance({ address: a, value: 1_500_000_000_000_000_000n }); // 1.5 ETH
      await testClient.setBalance({ address: b, value: 2_000_000_000_000_000_000n }); // 2 ETH
      await testClient.setBalance({ address: c, value: 0n });
      await setTestTokenBalance(chain.url, usdt, a, 1_234_567_890n); // 1234.56789 USDT
      await setTestTokenBalance(chain.url, usdt, c, 10_000_000n); // 10 USDT
      await setTestTokenBalance(chain.url, usdc, b, 5_000_000n); // 5 USDC
      await testClient.mine({ blocks: 5 });
      slow = await startHttpServer(rpcProxy(chain.url, { delayMs: 4000, failCalls: false }));
      failing = await startHttpServer(rpcProxy(chain.url, { delayMs: 0, failCalls: true }));
      otherChain = await startAnvil();
      const closed = await startHttpServer(() => undefined);
      closedPort = closed.port;
      await closed.close();
      // The harness refuses every http(s) request; these loopback endpoints are let through.
      const local = new Set([chain.url, otherChain.url].map((url) => new URL(url).port).concat([String(slow.port), String(failing.port), String(closedPort)]));
      await browser.context.route(
        (url) => url.hostname === '127.0.0.1' && local.has(url.port),
        (route) => route.continue(),
      );
      // DefiLlama answers in its recorded shape, so the page has a held figure to set beside the chain's.
      // /protocol/okx carries coin amounts for Ethereum, set against the balances given above.
      const cexs = readFileSync(join(root, 'tests/fixtures/defillama/cexs.json'), 'utf8');
      const protocolOkx = readFileSync(join(root, 'tests/fixtures/defillama/protocol-okx.json'), 'utf8');
      const answers: Record<string, string> = { '/cexs': cexs, '/protocol/okx': protocolOkx };
      await browser.context.route('https://api.llama.fi/**', (route) => {
        const body = answers[new URL(route.request().url()).pathname];
        return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'application/json', body });
      });
      await page.goto(verifyUrl);
      await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(message: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'refresh-now' }));
    });
    afterAll(async () => {
      await slow?.close();
      await failing?.close();
      await chain?.stop();
      await otherChain?.stop();
    });

    async function setRpc(url: string) {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const input = page.getByTestId('rpc-url');
      await input.fill(url);
      await input.press('Tab');
      await page.waitForFunction(async (expected) => {
        const stored = (await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<{ settings?: { rpcUrl?: string } }> } } } }).chrome.storage.local.get('settings'))
          .settings;
        return stored?.rpcUrl === expected;
      }, url);
    }

    /** Sets `rpc` in the options, opens the verify page, picks `target` and types `figures` when given, runs the check and waits for its result. */
    async function runCheck(rpc: string, target?: string, figures: Record<string, string> = {}): Promise<Locator> {
      await setRpc(rpc);
      await page.goto(verifyUrl);
      if (target !== undefined) await page.getByTestId(`reserves-target-${target}`).check();
      if (Object.keys(figures).length > 0) await page.getByTestId('reserves-figures').locator('summary').click();
      for (const [symbol, figure] of Object.entries(figures)) await page.getByTestId(`reserves-figure-${symbol}`).fill(figure);
      await page.getByTestId('reserves-run').click();
      const result = page.getByTestId('reserves-result');
      await result.waitFor();
      return result;
    }

    test('without an RPC endpoint it says so, links to the options and sends nothing', async () => {
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-no-rpc').waitFor();
      await expect.poll(() => page.getByTestId('reserves-run').isDisabled()).toBe(true);
      await expect.poll(() => page.getByTestId('reserves-options-link').getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/options.html`);
      expect(browser.requests.filter((url) => url.startsWith('http://127.0.0.1'))).toEqual([]);
    });

    test('reads OKX’s listed wallets on a local chain: totals per token, the block, the source', async () => {
      const result = await runCheck(chain.url, 'okx:1');
      await expect.poll(() => result.getAttribute('data-complete')).toBe('true');
      const block = await createPublicClient({ transport: http(chain.url) }).getBlockNumber();
      await expect.poll(() => page.getByTestId('reserves-block').textContent()).toContain(`block ${block} on Ethereum`);
      const totals = Object.fromEntries(await page.getByTestId('reserves-total').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-symbol'), row.getAttribute('data-amount')] as const)));
      expect(totals).toEqual({ ETH: '3.5', USDT: '1244.56789', USDC: '5', OKB: '0' });
      await expect.poll(() => page.getByTestId('reserves-total').first().textContent()).toContain('3.5');
      await expect.poll(() => page.getByTestId('reserves-total-partial').count()).toBe(0);
      await expect.poll(() => page.getByTestId('reserves-list-source').locator('a').first().getAttribute('href')).toBe(okx.publishedAt);
      // OKX's currentTvl in the recorded /cexs answer, in dollars: set beside, never subtracted from coins.
      await expect.poll(() => page.getByTestId('reserves-defillama').textContent()).toContain('$59.53B');

      // DefiLlama's coin amounts (protocol-okx.json, newest point 2026-08-10: ETH 3.25, USDT 1200.5,
      // OKB 7, no USDC) against 3.5 ETH, 1244.56789 USDT, 5 USDC, 0 OKB counted at this block.
      const llama = page.getByTestId('reserves-llama');
      await expect.poll(() => llama.getAttribute('data-status')).toBe('complete');
      await expect.poll(() => llama.locator('th').nth(1).textContent()).toBe(`On-chain (block ${block})`);
      await expect.poll(() => llama.locator('caption').textContent()).toBe(`OKX on Ethereum: on-chain at block ${block} against DefiLlama on Aug 10, 2026`);
      await expect.poll(() => page.getByTestId('reserves-llama-source').getAttribute('href')).toBe('https://api.llama.fi/protocol/okx');
      const rows = await page
        .getByTestId('reserves-llama-row')
        .evaluateAll((elements) =>
          elements.map((row) => [row.getAttribute('data-symbol'), row.getAttribute('data-status'), row.querySelector('[data-testid="reserves-llama-difference"]')?.textContent] as const),
        );
      expect(rows).toEqual([
        ['ETH', 'compared', '+0.25 (+7.69 %)'],
        ['USDT', 'compared', '+44.06789 (+3.67 %)'],
        ['USDC', 'no-defillama', 'UnknownDefiLlama gives no amount for this coin here'],
        ['OKB', 'compared', '−7 (−100 %)'],
      ]);
      await expect.poll(() => page.locator('[data-testid="reserves-llama-row"][data-symbol="USDT"]').textContent()).toContain('1,200.5');
    });

    test('an endpoint set for Ethereum alone, among the per-network ones, is the one shown and read through', async () => {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByTestId('rpc-url').fill('');
      await page.getByTestId('rpc-url').press('Tab');
      await page.getByTestId('rpc-chains').locator('summary').click();
      await page.getByTestId('rpc-url-1').fill(chain.url);
      await page.getByTestId('rpc-url-1').press('Tab');
      type Stored = { settings?: { rpcUrl?: string; chainRpcUrls?: Record<string, string> } };
      const stored = () =>
        page.evaluate(
          async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Stored> } } } }).chrome.storage.local.get('settings')) as Stored).settings,
        );
      await expect.poll(stored).toMatchObject({ chainRpcUrls: { '1': chain.url } });
      expect((await stored())?.rpcUrl).toBeUndefined();
      try {
        await page.goto(verifyUrl);
        await page.getByTestId('reserves-target-okx:1').check();
        await expect.poll(() => page.getByTestId('reserves-rpc').locator('code').textContent()).toBe(new URL(chain.url).origin);
        await page.getByTestId('reserves-run').click();
        const result = page.getByTestId('reserves-result');
        await result.waitFor();
        await expect.poll(() => result.getAttribute('data-complete')).toBe('true');
        await expect.poll(() => page.locator('[data-testid="reserves-total"][data-symbol="ETH"]').getAttribute('data-amount')).toBe('3.5');
      } finally {
        await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await page.getByTestId('rpc-chains').locator('summary').waitFor();
        await page.getByTestId('rpc-url-1').fill('');
        await page.getByTestId('rpc-url-1').press('Tab');
        await expect.poll(async () => (await stored())?.chainRpcUrls).toEqual({});
        // The main endpoint back, as the tests after this one expect it.
        await setRpc(chain.url);
      }
    });

    test('figures copied from the exchange’s report are compared exactly, in coins; a typo blocks the run', async () => {
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-target-okx:1').check();
      await page.getByTestId('reserves-figures').locator('summary').click();
      await page.getByTestId('reserves-figure-ETH').fill('3,5x');
      await expect.poll(() => page.getByTestId('reserves-figure-error').textContent()).toContain('ETH');
      await expect.poll(() => page.getByTestId('reserves-run').isDisabled()).toBe(true);
      await page.getByTestId('reserves-figure-ETH').fill('3');
      await page.getByTestId('reserves-figure-USDT').fill('1,244.56789');
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      const differences = await page.getByTestId('reserves-published-difference').allTextContents();
      expect(differences).toEqual(['difference 0.5 (16.66 %)', 'difference 0 (0 %)']);
      // A typed figure came with no date, and today is not the day it describes: each says its date is unknown.
      expect(await page.getByTestId('reserves-published-date').allTextContents()).toEqual(['date unknown', 'date unknown']);
      await expect.poll(() => page.locator('[data-testid="reserves-total"][data-symbol="USDC"]').textContent()).toContain('Unknown');
    });

    test('a figure with more decimals than the token has is shown as typed and compared exactly, not rounded', async () => {
      // USDT counts to 6 decimal places; the figure has 7. The chain holds 1,244.56789 USDT.
      await runCheck(chain.url, 'okx:1', { USDT: '1,244.5678901' });
      const typedCell = page.locator('[data-testid="reserves-total"][data-symbol="USDT"] td').nth(1);
      await expect.poll(() => typedCell.textContent()).toContain('1,244.5678901 (entered by you)');
      // 0.0000001 apart, less than USDT's smallest amount: said in words, not as a difference the chain could hold.
      expect(await page.getByTestId('reserves-published-difference').allTextContents()).toEqual([
        'differs by less than the smallest amount of USDT (0.000001), so the chain cannot show the difference',
      ]);
    });

    test('a figure whose asset’s wallets failed for different reasons is said to have more than one reason, not one of them', async () => {
      // OKB's balanceOf answers 16 bytes (no balance) for the first wallet, which holds some, and reverts for the others.
      const [first] = okx.addresses as [Address];
      await deployTestToken(chain.url, okb, 18, MIXED_FAILURE_TOKEN_CODE);
      await setTestTokenBalance(chain.url, okb, first, 1n);
      try {
        const result = await runCheck(chain.url, 'okx:1', { ETH: '3', OKB: '7' });
        await expect.poll(() => result.getAttribute('data-complete')).toBe('false');
        await expect
          .poll(() => page.getByTestId('reserves-figures-unanswered').textContent())
          .toBe("Your figure for OKB was not compared: its reads gave no amount, for more than one reason (each wallet's reason is shown with the balances below).");
        // The balances table gives each wallet's own reason, as the sentence says.
        const okbReasons = await page
          .getByTestId('reserves-balances')
          .locator('tbody tr')
          .evaluateAll((rows) => rows.filter((row) => row.children[1]?.textContent === 'OKB').map((row) => row.children[2]?.textContent));
        expect(new Set(okbReasons)).toEqual(new Set(['The contract answered something that is not a balance.', 'The contract call failed.']));
      } finally {
        await setTestTokenBalance(chain.url, okb, first, 0n);
        await deployTestToken(chain.url, okb, 18);
      }
    });

    test('a token that does not answer makes the result partial: it gets no total, the rest do', async () => {
      const testClient = createTestClient({ mode: 'anvil', transport: http(chain.url) });
      await testClient.setCode({ address: okb, bytecode: '0x' });
      try {
        // The user copied OKX's ETH and OKB figures from its report: ETH is compared, OKB has nothing to be compared with.
        const result = await runCheck(chain.url, 'okx:1', { ETH: '3', OKB: '7' });
        await expect.poll(() => result.getAttribute('data-complete')).toBe('false');
        await expect.poll(() => page.getByTestId('reserves-status').textContent()).toContain('Partial result');
        const symbols = await page.getByTestId('reserves-total').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-symbol')));
        expect(symbols).toEqual(['ETH', 'USDT', 'USDC']);
        await expect.poll(() => page.getByTestId('reserves-unanswered').textContent()).toContain('OKB');
        expect(await page.getByTestId('reserves-published-difference').allTextContents()).toEqual(['difference 0.5 (16.66 %)']);
        await expect.poll(() => page.getByTestId('reserves-figures-unanswered').textContent()).toBe('Your figure for OKB was not compared: its reads failed.');
        // Beside DefiLlama the read is marked partial as a whole; ETH and USDT, whose own reads all answered, are full comparisons.
        await expect.poll(() => page.getByTestId('reserves-llama').getAttribute('data-status')).toBe('partial');
        await expect.poll(() => page.getByTestId('reserves-llama-partial').count()).toBe(1);
        const statuses = await page.getByTestId('reserves-llama-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
        expect(statuses).toEqual(['compared', 'compared', 'no-defillama', 'no-onchain']);
        await expect.poll(() => page.locator('[data-testid="reserves-llama-row"][data-symbol="ETH"] [data-testid="reserves-llama-difference"]').textContent()).toBe('+0.25 (+7.69 %)');
      } finally {
        await deployTestToken(chain.url, okb, 18);
      }
    });

    test('an endpoint that fails the reads is named in plain words, and nothing is called a total', async () => {
      const result = await runCheck(`http://127.0.0.1:${failing.port}`);
      await expect.poll(() => result.getAttribute('data-complete')).toBe('false');
      await expect.poll(() => page.getByTestId('reserves-status').textContent()).toContain('The check failed');
      await expect.poll(() => page.getByTestId('reserves-error').textContent()).toMatch(/RPC endpoint/);
      await expect.poll(() => page.getByTestId('reserves-total').count()).toBe(0);
    });

    test('an endpoint on another chain, or none at all, is named in plain words', async () => {
      await runCheck(otherChain.url);
      await expect.poll(() => page.getByTestId('reserves-result').getAttribute('data-error')).toBe('wrong-chain');
      await expect.poll(() => page.getByTestId('reserves-error').textContent()).toBe('The RPC endpoint serves chain 31337, not chain 1.');

      await runCheck(`http://127.0.0.1:${closedPort}`);
      await expect.poll(() => page.getByTestId('reserves-result').getAttribute('data-error')).toBe('rpc-unreachable');
      await expect.poll(() => page.getByTestId('reserves-error').textContent()).toBe('The RPC endpoint could not be reached.');
      await expect.poll(() => page.getByTestId('reserves-block').count()).toBe(0);
    });

    test('a slow endpoint shows progress and can be cancelled', async () => {
      await setRpc(`http://127.0.0.1:${slow.port}`);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-run').click();
      const progress = page.getByRole('progressbar');
      await progress.waitFor();
      expect(await progress.getAttribute('aria-valuetext')).not.toBe('');
      const started = Date.now();
      // From the keyboard: Cancel goes away under the focus, which moves to the check button, not to the page.
      await page.getByTestId('reserves-cancel').focus();
      await page.keyboard.press('Enter');
      const result = page.getByTestId('reserves-result');
      await result.waitFor();
      expect(Date.now() - started).toBeLessThan(3000);
      await expect.poll(() => result.getAttribute('data-error')).toBe('cancelled');
      await expect.poll(() => page.getByTestId('reserves-status').textContent()).toContain('Cancelled');
      await expect.poll(() => page.getByTestId('reserves-run').isEnabled()).toBe(true);
      // The focus moves in an effect after the draw: waited for, not read once.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reserves-run');
    });

    test('speaks Swedish when the user chose it', async () => {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByTestId('language-sv').check();
      await page.waitForFunction(() => document.documentElement.lang === 'sv');
      await page.goto(verifyUrl);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lita inte, verifiera');
      expect(await verifyProof(page, fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
      await expect.poll(() => page.getByTestId('proof-verdict').textContent()).toContain('Verifierat');
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByTestId('language-en').check();
      // English words keep the browser's own tag (en-US here) for dates and numbers.
      await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    });

    test('passes axe with a checked proof and a reserve result; screenshot', async () => {
      await setRpc(chain.url);
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.goto(verifyUrl);
      expect(await verifyProof(page, fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
      await page.getByTestId('reserves-target-okx:1').check();
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('verify.png'), fullPage: true });
    });
  });
});
