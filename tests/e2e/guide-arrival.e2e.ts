import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../public/_locales/en/messages.json';
import { focusedTestId, launchChromium, type ChromiumExtension } from './harness';

/**
 * The guide's arrival step in Chromium with the built extension: the claim buttons ("the test
 * arrived", "I have withdrawn the rest", "the full amount arrived") under a real double-click
 * and repeated Enter. The watch over a real local chain: guide-watch.e2e.ts.
 */

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

describe('the arrival step in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh guide for ETH on Ethereum with the test marked as sent, open at the arrival step. */
  async function atArrival(width: number): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await page.getByTestId('guide-reset-button').click();
    await page.getByTestId('guide-reset-confirm').click();
    await page.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await page.getByLabel('Coin or token (ticker)').fill('ETH');
    await page.getByTestId('goto-address').click();
    await page.getByTestId('address-input').fill(WALLET);
    await page.getByTestId('verified-on-device').check();
    await page.getByTestId('goto-test-transaction').click();
    await page.getByTestId('test-sent').click();
    await page.getByTestId('goto-arrival').click();
    await page.getByTestId('test-arrived-manual').waitFor();
    // The move puts focus on the step's heading in an effect after the draw; a test that focused a button
    // before it would have that focus taken away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-title');
    return page;
  }

  for (const width of [1280, 360]) {
    test(`a double-click answers one claim, never the next (${width} px wide)`, async () => {
      const page = await atArrival(width);
      await page.getByTestId('test-arrived-manual').dblclick();
      await page.getByTestId('test-arrived').waitFor();
      await expect.poll(() => page.getByTestId('rest-sent-status').count()).toBe(0);
      await page.getByTestId('withdrawal-sent').dblclick();
      // The claim's line takes the focus in an effect after the draw. Both clicks were handled before the double-click
      // returned, and a claim is drawn in the task of its click, so a stray second answer would be on screen already.
      await expect.poll(() => focusedTestId(page)).toBe('rest-sent-status');
      expect(await page.getByTestId('guide-done').count()).toBe(0);
      expect(await page.getByTestId('arrival-confirmed').count()).toBe(1);
      expect(await page.getByTestId('rest-sent-status').count()).toBe(1);
      await page.getByTestId('arrival-confirmed').dblclick();
      await page.getByTestId('guide-done').waitFor();
      await page.close();
    });
  }

  test('Enter pressed again after each claim lands on the line that says what happened, not on the next claim', async () => {
    const page = await atArrival(1000);
    await page.getByTestId('test-arrived-manual').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('test-arrived');
    await page.keyboard.press('Enter');
    // The key was handled before the next step is: the next claim's button, which a claim would have replaced in the
    // task of the key, is still there to take the focus.
    await page.getByTestId('withdrawal-sent').focus({ timeout: 10_000 });
    await expect.poll(() => focusedTestId(page)).toBe('withdrawal-sent');
    expect(await page.getByTestId('rest-sent-status').count()).toBe(0);

    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('rest-sent-status');
    await expect.poll(() => page.getByTestId('rest-sent-status').textContent()).toMatch(/^You marked the rest as withdrawn \(.+\)\.$/);
    await page.keyboard.press('Enter');
    // Tab goes on to the one claim left, which Enter then answers. Keys are handled in turn: its button still there
    // after the Tab means the Enter before it answered nothing.
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('arrival-confirmed');
    expect(await page.getByTestId('guide-done').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('guide-done');

    // The wallet and address-book steps were skipped: the end names them instead of "Done", the rest was never
    // called "saved", and each skipped step is a key press away.
    expect(await page.getByTestId('rest-body').textContent()).toBe(en.arrivalRestBodyUnsaved.message);
    expect(await page.getByTestId('guide-done').textContent()).toMatch(/^The full amount arrived \(.+\), but these safety steps are not done yet\./);
    expect(await page.getByTestId('step-arrival').textContent()).not.toContain(en.arrivalDone.message.split(' (')[0]);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('skipped-wallet');
    expect(await page.getByTestId('skipped-wallet').textContent()).toBe(en.guideStepWallet.message);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(page)).toBe('skipped-address-book');
    await page.keyboard.press('Enter');
    await page.getByTestId('step-address-book').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('step-title');
    await page.close();
  });
});
