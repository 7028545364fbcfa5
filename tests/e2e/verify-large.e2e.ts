import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, root, type ChromiumExtension } from './harness';

/**
 * A 2 MB proof (the most the page accepts) pasted and checked: the page must stay responsive.
 * A long task is the main thread busy for more than 50 ms without a chance to paint or answer
 * input; laying a 2 MB paste out in the text box, or checking it on the page's own thread,
 * takes 300 ms or more here.
 */
describe('the verify page with a 2 MB proof', () => {
  let browser: ChromiumExtension;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('pasting and checking it never blocks the page for more than 150 ms at a time', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/verify.html`);
    await page.getByTestId('proof-text').waitFor();
    const proof = JSON.parse(readFileSync(`${root}/tests/fixtures/proofs/bybit-40.json`, 'utf8')) as object;
    // Many numbers: the slow case for the parser, which keeps each number's text as written.
    const text = JSON.stringify({ ...proof, padding: Array.from({ length: 118_000 }, (_, i) => i + 0.123456789) });
    expect(text.length).toBeGreaterThan(1_800_000);
    expect(text.length).toBeLessThan(2_000_000);
    await page.evaluate(() => {
      const scope = window as unknown as { longTasks: number[] };
      scope.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) scope.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    // A paste as the browser delivers it: a paste event carrying the clipboard's text.
    await page.getByTestId('proof-text').focus();
    await page.evaluate((pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.getElementById('proof-text')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await page
      .getByTestId('proof-source')
      .getByText(/Using the pasted text \(1\.\d MB\)/)
      .waitFor();
    await page.getByTestId('proof-verify').click();
    await page.getByTestId('proof-verdict').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    expect(Math.max(0, ...longTasks)).toBeLessThan(150);
    await page.close();
  });
});
