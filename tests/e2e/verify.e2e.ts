import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { createPublicClient, createTestClient, http, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { reserveAddressLists, reserveTokens } from '../../lib/chain/reserve-addresses';
import { deployMulticall3, deployTestToken, setTestTokenBalance, startAnvil, type LocalChain } from '../../lib/chain/test-anvil';
import { axeProblems, launchChromium, root, screenshotPath, startHttpServer, type ChromiumExtension } from './harness';

const fixture = (name: string) => readFileSync(join(root, 'tests/fixtures/proofs', name), 'utf8');
const BYBIT_ROOT = '8837e3a902aa996279fdc3d70e38e46cd18232dfb614c515a25ba34778eb1765';
const OKX_ROOT = 'ac6b39d2a0aa8112bd1aadff5e7d4b5c2b91cd54d595262ba4367f5d2db4160d';

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
    browser = await launchChromium();
    verifyUrl = `chrome-extension://${browser.extensionId}/verify.html`;
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function verifyProof(text: string, rootHex: string): Promise<string | null> {
    await page.getByTestId('proof-text').fill(text);
    await page.getByTestId('proof-root').fill(rootHex);
    await page.getByTestId('proof-verify').click();
    const verdict = page.getByTestId('proof-verdict');
    await verdict.waitFor();
    return verdict.getAttribute('data-verdict');
  }

  test('the options page links to it', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('verify-link').click();
    await page.waitForURL(verifyUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Don't trust, verify");
  });

  test('a published Bybit proof with its root is verified, showing leaf, path and root', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
    expect(await page.getByTestId('proof-verdict').textContent()).toContain('Verified');
    expect(await page.getByTestId('proof-computed-root').textContent()).toBe(BYBIT_ROOT);
    expect(await page.getByTestId('proof-path').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('proof-leaf').textContent()).toContain('7.16384740');
    expect(await page.getByTestId('proof-root-match').textContent()).toContain('Matches');
  });

  test('OKX v1 with a 0x-prefixed root, format chosen by hand, is verified too', async () => {
    await page.goto(verifyUrl);
    await page.getByTestId('proof-format').selectOption('okx-v1');
    expect(await verifyProof(fixture('okx-v1-example.json'), `0x${OKX_ROOT.toUpperCase()}`)).toBe('verified');
    expect(await page.getByTestId('proof-path').locator('tbody tr').count()).toBe(23);
  });

  test('one flipped character fails with the reason, never "verified"', async () => {
    await page.goto(verifyUrl);
    const flipped = fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"');
    expect(await verifyProof(flipped, BYBIT_ROOT)).toBe('failed');
    expect(await page.getByTestId('proof-reason').textContent()).toContain('does not match');
    expect(await page.getByTestId('proof-verdict').textContent()).not.toMatch(/^Verified/);
    expect(await page.getByTestId('proof-result').count()).toBe(0);
  });

  test('a wrong root is a mismatch; no root is only "consistent"', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof(fixture('bybit-40.json'), `9${BYBIT_ROOT.slice(1)}`)).toBe('root-mismatch');
    expect(await page.getByTestId('proof-root-match').textContent()).toContain('Differs');
    expect(await verifyProof(fixture('bybit-40.json'), '')).toBe('consistent-no-root');
  });

  test('bad input gets plain words: not JSON, not a proof, empty, an oversized file', async () => {
    await page.goto(verifyUrl);
    expect(await verifyProof('{"self": ', '')).toBe('failed');
    expect(await page.getByTestId('proof-reason').textContent()).toContain('not valid JSON');
    expect(await verifyProof('{"hello": "world"}', '')).toBe('failed');
    expect(await page.getByTestId('proof-reason').textContent()).toContain('does not look like');

    await page.getByTestId('proof-text').fill('');
    await page.getByTestId('proof-verify').click();
    expect(await page.getByTestId('proof-error').textContent()).toContain('Paste a proof');

    await page.getByTestId('proof-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(2_500_000, 32) });
    expect(await page.getByTestId('proof-error').textContent()).toContain('huge.json is larger than 2 MB');

    // A chosen file is checked as bytes: the real fixture passes, bytes that are not UTF-8 do not.
    await page.getByTestId('proof-root').fill(BYBIT_ROOT);
    await page.getByTestId('proof-file').setInputFiles({ name: 'bybit.json', mimeType: 'application/json', buffer: Buffer.from(fixture('bybit-40.json')) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="verified"]').waitFor();
    expect(await page.getByTestId('proof-source').textContent()).toContain('bybit.json');
    await page.getByTestId('proof-file').setInputFiles({ name: 'bin.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    expect(await page.getByTestId('proof-reason').textContent()).toContain('not valid UTF-8');
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
    expect(await page.getByTestId('proof-source').textContent()).toContain('dropped.json');

    // Keyboard: Tab reaches "Choose a file", Enter opens the chooser.
    await page.getByTestId('proof-text').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('proof-choose');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles({ name: 'flipped.json', mimeType: 'application/json', buffer: Buffer.from(fixture('bybit-40.json').replace('"7.16384740"', '"7.16384741"')) });
    await page.locator('[data-testid="proof-verdict"][data-verdict="failed"]').waitFor();
    expect(await page.getByTestId('proof-source').textContent()).toContain('flipped.json');
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

    test('without an RPC endpoint it says so, links to the options and sends nothing', async () => {
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-no-rpc').waitFor();
      expect(await page.getByTestId('reserves-run').isDisabled()).toBe(true);
      expect(await page.getByTestId('reserves-options-link').getAttribute('href')).toBe(`chrome-extension://${browser.extensionId}/options.html`);
      expect(browser.requests.filter((url) => url.startsWith('http://127.0.0.1'))).toEqual([]);
    });

    test('reads OKX’s listed wallets on a local chain: totals per token, the block, the source', async () => {
      await setRpc(chain.url);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-target').selectOption('okx:1');
      await page.getByTestId('reserves-run').click();
      const result = page.getByTestId('reserves-result');
      await result.waitFor();
      expect(await result.getAttribute('data-complete')).toBe('true');
      const block = await createPublicClient({ transport: http(chain.url) }).getBlockNumber();
      expect(await page.getByTestId('reserves-block').textContent()).toContain(`block ${block} on Ethereum`);
      const totals = Object.fromEntries(await page.getByTestId('reserves-total').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-symbol'), row.getAttribute('data-amount')] as const)));
      expect(totals).toEqual({ ETH: '3.5', USDT: '1244.56789', USDC: '5', OKB: '0' });
      expect(await page.getByTestId('reserves-total').first().textContent()).toContain('3.5');
      expect(await page.getByTestId('reserves-total-partial').count()).toBe(0);
      expect(await page.getByTestId('reserves-list-source').locator('a').first().getAttribute('href')).toBe(okx.publishedAt);
      // OKX's currentTvl in the recorded /cexs answer, in dollars: set beside, never subtracted from coins.
      expect(await page.getByTestId('reserves-defillama').textContent()).toContain('$59.53B');

      // DefiLlama's coin amounts (protocol-okx.json, newest point 2026-08-10: ETH 3.25, USDT 1200.5,
      // OKB 7, no USDC) against 3.5 ETH, 1244.56789 USDT, 5 USDC, 0 OKB counted at this block.
      const llama = page.getByTestId('reserves-llama');
      expect(await llama.getAttribute('data-status')).toBe('complete');
      expect(await llama.locator('th').nth(1).textContent()).toBe(`On-chain (block ${block})`);
      expect(await llama.locator('caption').textContent()).toBe(`OKX on Ethereum: on-chain at block ${block} against DefiLlama on Aug 10, 2026`);
      expect(await page.getByTestId('reserves-llama-source').getAttribute('href')).toBe('https://api.llama.fi/protocol/okx');
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
      expect(await page.locator('[data-testid="reserves-llama-row"][data-symbol="USDT"]').textContent()).toContain('1,200.5');
    });

    test('figures copied from the exchange’s report are compared exactly, in coins; a typo blocks the run', async () => {
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-target').selectOption('okx:1');
      await page.getByTestId('reserves-figures').locator('summary').click();
      await page.getByTestId('reserves-figure-ETH').fill('3,5x');
      expect(await page.getByTestId('reserves-figure-error').textContent()).toContain('ETH');
      expect(await page.getByTestId('reserves-run').isDisabled()).toBe(true);
      await page.getByTestId('reserves-figure-ETH').fill('3');
      await page.getByTestId('reserves-figure-USDT').fill('1 244,56789');
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      const differences = await page.getByTestId('reserves-published-difference').allTextContents();
      expect(differences).toEqual(['difference 0.5 (16.66 %)', 'difference 0 (0 %)']);
      expect(await page.locator('[data-testid="reserves-total"][data-symbol="USDC"]').textContent()).toContain('Unknown');
    });

    test('a token that does not answer makes the result partial: it gets no total, the rest do', async () => {
      const testClient = createTestClient({ mode: 'anvil', transport: http(chain.url) });
      await testClient.setCode({ address: okb, bytecode: '0x' });
      try {
        await setRpc(chain.url);
        await page.goto(verifyUrl);
        await page.getByTestId('reserves-target').selectOption('okx:1');
        await page.getByTestId('reserves-run').click();
        const result = page.getByTestId('reserves-result');
        await result.waitFor();
        expect(await result.getAttribute('data-complete')).toBe('false');
        expect(await page.getByTestId('reserves-status').textContent()).toContain('Partial result');
        const symbols = await page.getByTestId('reserves-total').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-symbol')));
        expect(symbols).toEqual(['ETH', 'USDT', 'USDC']);
        expect(await page.getByTestId('reserves-unanswered').textContent()).toContain('OKB');
        // Beside DefiLlama the read is marked partial as a whole and per row, never as a full comparison.
        expect(await page.getByTestId('reserves-llama').getAttribute('data-status')).toBe('partial');
        expect(await page.getByTestId('reserves-llama-partial').count()).toBe(1);
        const statuses = await page.getByTestId('reserves-llama-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
        expect(statuses).toEqual(['partial', 'partial', 'no-defillama', 'no-onchain']);
        expect(await page.locator('[data-testid="reserves-llama-row"][data-symbol="ETH"] [data-testid="reserves-llama-difference"]').textContent()).toBe('at least +0.25 (+7.69 %), partial read');
      } finally {
        await deployTestToken(chain.url, okb, 18);
      }
    });

    test('an endpoint that fails the reads is named in plain words, and nothing is called a total', async () => {
      await setRpc(`http://127.0.0.1:${failing.port}`);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-run').click();
      const result = page.getByTestId('reserves-result');
      await result.waitFor();
      expect(await result.getAttribute('data-complete')).toBe('false');
      expect(await page.getByTestId('reserves-status').textContent()).toContain('The check failed');
      expect(await page.getByTestId('reserves-error').textContent()).toMatch(/RPC endpoint/);
      expect(await page.getByTestId('reserves-total').count()).toBe(0);
    });

    test('an endpoint on another chain, or none at all, is named in plain words', async () => {
      await setRpc(otherChain.url);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      expect(await page.getByTestId('reserves-result').getAttribute('data-error')).toBe('wrong-chain');
      expect(await page.getByTestId('reserves-error').textContent()).toBe('The RPC endpoint serves chain 31337, not chain 1.');

      await setRpc(`http://127.0.0.1:${closedPort}`);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      expect(await page.getByTestId('reserves-result').getAttribute('data-error')).toBe('rpc-unreachable');
      expect(await page.getByTestId('reserves-error').textContent()).toBe('The RPC endpoint could not be reached.');
      expect(await page.getByTestId('reserves-block').count()).toBe(0);
    });

    test('a slow endpoint shows progress and can be cancelled', async () => {
      await setRpc(`http://127.0.0.1:${slow.port}`);
      await page.goto(verifyUrl);
      await page.getByTestId('reserves-run').click();
      const progress = page.getByRole('progressbar');
      await progress.waitFor();
      expect(await progress.getAttribute('aria-valuetext')).not.toBe('');
      const started = Date.now();
      await page.getByTestId('reserves-cancel').click();
      const result = page.getByTestId('reserves-result');
      await result.waitFor();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await result.getAttribute('data-error')).toBe('cancelled');
      expect(await page.getByTestId('reserves-status').textContent()).toContain('Cancelled');
      expect(await page.getByTestId('reserves-run').isEnabled()).toBe(true);
    });

    test('speaks Swedish when the user chose it', async () => {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByTestId('language').selectOption('sv');
      await page.waitForFunction(() => document.documentElement.lang === 'sv');
      await page.goto(verifyUrl);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lita inte, verifiera');
      expect(await verifyProof(fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
      expect(await page.getByTestId('proof-verdict').textContent()).toContain('Verifierat');
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByTestId('language').selectOption('en');
      // English words keep the browser's own tag (en-US here) for dates and numbers.
      await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    });

    test('passes axe with a checked proof and a reserve result; screenshot', async () => {
      await setRpc(chain.url);
      await page.setViewportSize({ width: 1000, height: 1400 });
      await page.goto(verifyUrl);
      expect(await verifyProof(fixture('bybit-40.json'), BYBIT_ROOT)).toBe('verified');
      await page.getByTestId('reserves-target').selectOption('okx:1');
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('verify.png'), fullPage: true });
    });
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
      await page.getByTestId('reserves-target').selectOption('okx:1');
      await page.getByTestId('reserves-run').click();
      await page.getByTestId('reserves-result').waitFor();
      expect(await page.getByTestId('reserves-llama').getAttribute('data-status')).toBe('partial');
      expect(await page.locator('[data-testid="reserves-llama-row"][data-symbol="ETH"]').getAttribute('data-difference')).toBe('0.75');
      expect(await axeProblems(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('verify-reserves-dark.png'), fullPage: true });
    } finally {
      await chain.stop();
    }
  });
});
