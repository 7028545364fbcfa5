import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { createTestClient, http, parseEther } from 'viem';
import en from '../../public/_locales/en/messages.json';
import { deployTestToken, setTestTokenBalance, startAnvil, type LocalChain } from '../../lib/chain/test-anvil';
import { focusedTestId, launchChromium, untilSettingStored, type ChromiumExtension } from './harness';

/**
 * The guide's watch over the receiving address on a real local anvil node (loopback only),
 * when the endpoint is not there at first, serves another network, or never answers before
 * the test is sent. The happy path: guide.e2e.ts.
 */

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
/** The guide reads every 4 s; a little more than two rounds. */
const ROUNDS = 10_000;

describe('the guide watching a balance in Chromium', () => {
  let browser: ChromiumExtension;
  let mainnet: LocalChain;
  let otherChain: LocalChain;
  /** While true, the browser's requests to the mainnet node are refused, as when it is down. */
  let down = true;
  /** Requests from the browser to the node of the other network. */
  let otherRequests = 0;
  /** Balance reads the browser sent to the mainnet node (eth_getBalance, alone or in a batch). */
  let mainnetBalanceReads = 0;

  beforeAll(async () => {
    // Chain id 1, as the guide expects of an endpoint for Ethereum; the other node keeps anvil's 31337.
    [mainnet, otherChain] = await Promise.all([startAnvil({ chainId: 1 }), startAnvil()]);
    browser = await launchChromium();
    const mainnetRoute = (route: Route) => {
      if (down) return route.abort('connectionrefused');
      if (route.request().postData()?.includes('"eth_getBalance"') === true) mainnetBalanceReads += 1;
      return route.continue();
    };
    await browser.context.route(`${mainnet.url}/**`, mainnetRoute);
    await browser.context.route(mainnet.url, mainnetRoute);
    const otherRoute = (route: Route) => {
      otherRequests += 1;
      return route.continue();
    };
    await browser.context.route(`${otherChain.url}/**`, otherRoute);
    await browser.context.route(otherChain.url, otherRoute);
    await deployTestToken(mainnet.url, USDC, 6);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([mainnet?.stop(), otherChain?.stop()]);
  });

  async function useEndpoint(url: string) {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('rpc-url').fill(url);
    await options.getByTestId('rpc-url').press('Tab');
    await untilSettingStored(options, 'rpcUrl', url);
    await options.close();
  }

  /** A fresh guide for `asset` on Ethereum to WALLET, open at the test step. */
  async function atTestStep(asset: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await page.getByTestId('guide-reset-button').click();
    await page.getByTestId('guide-reset-confirm').click();
    await page.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await page.getByLabel('Coin or token (ticker)').fill(asset);
    await page.getByTestId('goto-address').click();
    await page.getByTestId('address-input').fill(WALLET);
    await page.getByTestId('verified-on-device').check();
    await page.getByTestId('goto-test-transaction').click();
    return page;
  }

  const chain = () => createTestClient({ mode: 'anvil', transport: http(mainnet.url) });

  /** A guide at the test step with the node up, whose balance before the test (0 ETH) then rises by 0.01 ETH before "I have sent" is pressed. */
  async function testLandedBeforePress(): Promise<Page> {
    down = false;
    await chain().setBalance({ address: WALLET, value: 0n });
    await useEndpoint(mainnet.url);
    const page = await atTestStep('ETH');
    const before = page.getByTestId('balance-before');
    await expect.poll(() => before.textContent(), { timeout: ROUNDS }).toBe('Balance before the test: 0 ETH.');
    await chain().setBalance({ address: WALLET, value: parseEther('0.01') });
    await expect.poll(() => before.textContent(), { timeout: ROUNDS }).toBe('Balance before the test: 0.01 ETH.');
    return page;
  }

  test('an endpoint refused at first: the test step says so, reads again once it is up, and a deposit before the test is not taken for it', async () => {
    down = true;
    await chain().setBalance({ address: WALLET, value: 0n });
    await useEndpoint(mainnet.url);
    const page = await atTestStep('ETH');
    const step = page.getByTestId('step-test-transaction');
    await expect.poll(() => step.textContent()).toContain(en.arrivalErrorUnreachable.message);
    await expect.poll(() => page.getByTestId('balance-before').count()).toBe(0);

    down = false;
    const before = page.getByTestId('balance-before');
    await before.waitFor({ timeout: ROUNDS });
    await expect.poll(() => before.textContent()).toBe('Balance before the test: 0 ETH.');
    expect(await step.textContent()).not.toContain(en.arrivalErrorUnreachable.message);

    // Dust lands before the test: at the press the guide asks, and a "no" measures from the balance now.
    await chain().setBalance({ address: WALLET, value: 1n });
    await expect.poll(() => before.textContent(), { timeout: ROUNDS }).toBe('Balance before the test: 0.000000000000000001 ETH.');
    await page.getByTestId('test-sent').click();
    const question = page.getByTestId('test-rise');
    await expect.poll(() => question.textContent()).toMatch(/^Your balance rose by 0\.000000000000000001 ETH since .+\. Is this your test\?/);
    await expect.poll(() => focusedTestId(page)).toBe('test-rise');
    await page.getByTestId('test-rise-no').click();
    await page.getByTestId('test-sent-at').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('test-sent-status');
    await expect.poll(() => question.count()).toBe(0);
    await page.getByTestId('goto-arrival').click();
    const watch = page.getByTestId('arrival-watch');
    await expect.poll(() => watch.getAttribute('data-status'), { timeout: ROUNDS }).toBe('watching');
    // 'watching' is drawn from a read that found no arrival. The watch reads again only after a read found none
    // (lib/chain/arrival.ts): two more reads begun mean the first of them, a poll later, was judged too.
    const reads = mainnetBalanceReads;
    await expect.poll(() => mainnetBalanceReads, { timeout: 2 * ROUNDS }).toBeGreaterThanOrEqual(reads + 2);
    expect(await page.getByTestId('test-arrived').count()).toBe(0);
    expect(await watch.getAttribute('data-status')).toBe('watching');

    await chain().setBalance({ address: WALLET, value: parseEther('0.01') + 1n });
    const arrived = page.getByTestId('test-arrived');
    await arrived.waitFor({ timeout: ROUNDS });
    await expect.poll(() => arrived.textContent()).toMatch(/^The test arrived: \+0\.01 ETH, seen .+\.$/);
    await page.close();
  });

  test('a test that lands before "I have sent" is asked about at the press, and a "yes" shows it arrived', async () => {
    // The exchange already says "completed" when the user comes back to press.
    const page = await testLandedBeforePress();
    await page.getByTestId('test-sent').focus();
    await page.keyboard.press('Enter');
    const question = page.getByTestId('test-rise');
    await expect.poll(() => question.textContent()).toMatch(/^Your balance rose by 0\.01 ETH since .+\. Is this your test\?/);
    await expect.poll(() => page.getByTestId('test-sent').count()).toBe(0);
    await expect.poll(() => focusedTestId(page)).toBe('test-rise');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('test-rise-yes');
    await page.keyboard.press('Enter');
    await page.getByTestId('test-sent-at').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('test-sent-status');
    await page.getByTestId('goto-arrival').click();
    const arrived = page.getByTestId('test-arrived');
    await arrived.waitFor({ timeout: ROUNDS });
    await expect.poll(() => arrived.textContent()).toMatch(/^The test arrived: \+0\.01 ETH, seen .+\.$/);
    await page.close();
  });

  test('the question has the focus when another endpoint is set in the options: the focus goes to the line that says why it went, not to the page', async () => {
    const page = await testLandedBeforePress();
    await page.getByTestId('test-sent').click();
    await expect.poll(() => focusedTestId(page)).toBe('test-rise');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('test-rise-yes');
    // The same node by another address: the guide reads the balance anew, and the rise seen before no longer holds.
    await useEndpoint(`${mainnet.url}/`);
    await page.getByTestId('test-rise-withdrawn').waitFor();
    await expect.poll(() => page.getByTestId('test-rise-question').count()).toBe(0);
    await expect.poll(() => focusedTestId(page)).toBe('test-sent-status');
    await expect.poll(() => page.getByTestId('test-sent-status').textContent()).toBe(en.testRiseWithdrawn.message.replace('$1', en.testSentButton.message));
    await page.close();
  });

  test('a token whose decimals could not be read says why and tries again, then sees the test arrive', async () => {
    down = true;
    await useEndpoint(mainnet.url);
    const page = await atTestStep('USDC');
    const step = page.getByTestId('step-test-transaction');
    await expect.poll(() => step.textContent()).toContain(en.arrivalErrorUnreachable.message);

    down = false;
    const before = page.getByTestId('balance-before');
    await before.waitFor({ timeout: ROUNDS });
    await expect.poll(() => before.textContent()).toBe('Balance before the test: 0 USDC.');
    await page.getByTestId('test-sent').click();
    await page.getByTestId('goto-arrival').click();
    await setTestTokenBalance(mainnet.url, USDC, WALLET, 2_500_000n);
    const arrived = page.getByTestId('test-arrived');
    await arrived.waitFor({ timeout: ROUNDS });
    await expect.poll(() => arrived.textContent()).toMatch(/^The test arrived: \+2\.5 USDC, seen .+\.$/);
    await page.close();
  });

  test('an endpoint serving another network is named on the test step, before the test is sent', async () => {
    await useEndpoint(otherChain.url);
    const page = await atTestStep('ETH');
    await expect.poll(() => page.getByTestId('step-test-transaction').textContent()).toContain(en.arrivalErrorWrongChain.message);
    await expect.poll(() => page.getByTestId('balance-before').count()).toBe(0);
    await page.close();
  });

  test('a token whose decimals cannot be read is not asked about again once nothing is watched: no baseline, then done', async () => {
    await useEndpoint(otherChain.url);
    const page = await atTestStep('USDC');
    await expect.poll(() => page.getByTestId('step-test-transaction').textContent()).toContain(en.arrivalErrorWrongChain.message);
    await page.getByTestId('test-sent').click();
    await page.getByTestId('test-sent-at').waitFor();
    await page.getByTestId('goto-arrival').click();
    await page.getByTestId('arrival-no-baseline').waitFor();
    otherRequests = 0;
    // Two polls and more with nothing watched, then the user's own claims up to the end.
    await page.waitForTimeout(ROUNDS);
    await page.getByTestId('test-arrived-manual').click();
    await page.getByTestId('withdrawal-sent').click();
    await page.getByTestId('arrival-confirmed').click();
    await page.getByTestId('guide-done').waitFor();
    await page.waitForTimeout(ROUNDS);
    expect(otherRequests).toBe(0);
    await page.close();
  });

  test('no balance before the test: the guide says it cannot tell when the test arrives, and does not take a later read for it', async () => {
    down = true;
    await chain().setBalance({ address: WALLET, value: 0n });
    await useEndpoint(mainnet.url);
    const page = await atTestStep('ETH');
    const step = page.getByTestId('step-test-transaction');
    await expect.poll(() => step.textContent()).toContain(en.arrivalErrorUnreachable.message);
    await page.getByTestId('test-sent').click();
    const noBaseline = en.arrivalNoBaseline.message.replace('$1', en.arrivalTestArrivedButton.message);
    await expect.poll(() => page.getByTestId('test-sent-status').textContent()).toContain(en.testNoBaseline.message);

    // The test lands, then the endpoint answers: a read now would already hold the test.
    await chain().setBalance({ address: WALLET, value: parseEther('0.01') });
    down = false;
    await page.getByTestId('goto-arrival').click();
    await expect.poll(() => page.getByTestId('arrival-no-baseline').textContent()).toBe(noBaseline);
    await page.waitForTimeout(5_000);
    await expect.poll(() => page.getByTestId('arrival-watch').count()).toBe(0);
    await expect.poll(() => page.getByTestId('test-arrived').count()).toBe(0);
    // What is left is the user's own check, by hand.
    await page.getByTestId('test-arrived-manual').click();
    await page.getByTestId('test-arrived').waitFor();
    await page.close();
  });
});
