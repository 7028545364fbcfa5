/**
 * The pill beside the page's own fixed buttons, in Chromium with the built extension: its
 * default corner gives way to a support-chat button, the page cannot push it off-screen or make
 * it hop, and a corner the user chose wins.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fakeExchangeHtml, launchChromium, routeSite, shadowUi, type ChromiumExtension } from './harness';

/** A support-chat launcher as the widgets draw theirs: a round button fixed 20 px from the bottom-right corner. */
const LAUNCHER = `<button id="chat" type="button" aria-label="Chat with support" style="position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;background:#0b57d0;color:#fff;z-index:2147483000">?</button>`;

describe('the pill and the page’s own support-chat button', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.okx.com', fakeExchangeHtml('OKX — stand-in', LAUNCHER));
    await routeSite(
      browser.context,
      'https://www.kraken.com',
      fakeExchangeHtml('Kraken — stand-in', `<script>setTimeout(() => document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(LAUNCHER)}), 1500);</script>`),
    );
    // Something fixed in every corner: a header bar and a bottom bar the width of the page.
    await routeSite(
      browser.context,
      'https://www.bybit.com',
      fakeExchangeHtml(
        'Bybit — stand-in',
        `<div style="position:fixed;left:0;right:0;top:0;height:70px;background:#222"></div><div style="position:fixed;left:0;right:0;bottom:0;height:70px;background:#222"></div>`,
      ),
    );
    // A page that looks for our element (its box answers hit tests) and keeps putting a fixed box of its own on it.
    await routeSite(
      browser.context,
      'https://www.gate.io',
      fakeExchangeHtml(
        'Gate — stand-in',
        `<div id="deep"></div><script>
          // A big page: 20 000 elements, some of them 60 levels deep (deeper, and the DevTools protocol the test reads through gives up first).
          let node = document.getElementById('deep');
          for (let i = 0; i < 60; i++) { const child = document.createElement('div'); node.append(child); node = child; }
          for (let i = 0; i < 20000; i++) document.body.append(document.createElement('span'));
          const chaser = document.createElement('div');
          chaser.style.cssText = 'position:fixed;width:120px;height:60px;background:#c00;z-index:10';
          node.append(chaser);
          // Where the pill can be: along the top and bottom edges.
          const probes = [];
          for (const y of [30, innerHeight - 30]) for (let x = 20; x < innerWidth; x += 40) probes.push([x, y]);
          setInterval(() => {
            for (const [x, y] of probes) {
              if (document.elementFromPoint(x, y)?.localName === 'reserve-radar-pill') { chaser.style.left = (x - 60) + 'px'; chaser.style.top = (y - 30) + 'px'; return; }
            }
          }, 100);
        </script>`,
      ),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const launcherBox = (page: Page) =>
    page.evaluate(() => {
      const box = document.getElementById('chat')!.getBoundingClientRect();
      return { x: box.x, y: box.y, width: box.width, height: box.height };
    });
  /** The page's own button still gets a click at its middle: nothing of ours is on top of it. */
  const launcherReachable = (page: Page) =>
    page.evaluate(() => {
      const chat = document.getElementById('chat')!;
      const box = chat.getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === chat;
    });
  const inViewport = async (page: Page) => {
    const box = await shadowUi(page).box('.pill');
    const size = page.viewportSize()!;
    return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height && box.width > 0;
  };

  test('the default corner gives way to a support-chat button there, at once or when it loads later', async () => {
    for (const origin of ['https://www.okx.com', 'https://www.kraken.com']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${origin}/`);
      const pill = shadowUi(page);
      await pill.waitFor('pill-toggle');
      await expect.poll(() => pill.attribute('nudge', 'data-corner'), { timeout: 12_000 }).toBe('bottom-left');
      expect(overlap(await pill.box('.pill'), await launcherBox(page)), origin).toBe(false);
      expect(await launcherReachable(page), origin).toBe(true);
      expect(await inViewport(page)).toBe(true);
      await page.close();
    }
  });

  test('the page cannot push the pill off-screen or make it hop: every corner taken, or a page chasing it', async () => {
    const taken = await browser.context.newPage();
    await taken.setViewportSize({ width: 1280, height: 720 });
    await taken.goto('https://www.bybit.com/');
    await shadowUi(taken).waitFor('pill-toggle');
    await taken.waitForTimeout(1500);
    expect(await shadowUi(taken).attribute('nudge', 'data-corner')).toBe('bottom-right');
    expect(await inViewport(taken)).toBe(true);
    await taken.close();

    const chased = await browser.context.newPage();
    await chased.setViewportSize({ width: 1280, height: 720 });
    await chased.goto('https://www.gate.io/');
    const pill = shadowUi(chased);
    await pill.waitFor('pill-toggle');
    const corners = new Set<string | null>();
    const deadline = Date.now() + 9000;
    while (Date.now() < deadline) {
      corners.add(await pill.attribute('nudge', 'data-corner'));
      expect(await inViewport(chased)).toBe(true);
      await chased.waitForTimeout(250);
    }
    // At most one move, from the default corner to one other: never round and round after the page's box.
    expect(corners.size).toBeLessThanOrEqual(2);
    await chased.close();
  });

  test('a corner the user chose wins over the page’s button', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.okx.com/');
    const pill = shadowUi(page);
    await expect.poll(() => pill.attribute('nudge', 'data-corner'), { timeout: 12_000 }).toBe('bottom-left');
    await pill.click('pill-toggle');
    for (const corner of ['top-left', 'top-right', 'bottom-right']) {
      await pill.click('move-corner');
      await pill.waitFor(`[data-corner="${corner}"]`);
    }
    await page.reload();
    await pill.waitFor('pill-toggle');
    // Looked at after the first frame and again after a second: a default corner would have moved by now.
    await page.waitForTimeout(1800);
    expect(await pill.attribute('nudge', 'data-corner')).toBe('bottom-right');
    await page.close();
  });
});
