/**
 * The withdrawal guide's warning on the exchange's own withdrawal page, in Chromium with the built
 * extension: when the page's address field holds another address than the one the guide kept, it
 * says so, never changes the field, and never covers it.
 */
import { getAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fakeExchangeHtml, launchChromium, routeSite, shadowUi, type ChromiumExtension } from './harness';

declare const chrome: {
  storage: { local: { get(keys: string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(keys: string[]): Promise<void> } };
};

// EIP-55's own example address: the wallet address the user "pastes" into the guide.
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = getAddress(`0x${'ab'.repeat(20)}`);
const WARNING_HOST = 'reserve-radar-mismatch';

/**
 * Types `address` into `field` until the exchange page's script warns about it. The script starts
 * listening only once its pill is drawn and the guide is read, which nothing outside it can see (and
 * the page must not): the field is filled again until the warning shows that the script looked. A
 * refill of the same address leaves a warning already on its way alone, so no try cancels another.
 */
async function typedUntilWarned(field: Locator, address: string): Promise<void> {
  const warnings = field.page().locator(WARNING_HOST);
  await expect
    .poll(
      async () => {
        if ((await warnings.count()) === 0) await field.fill(address);
        return warnings.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
}

/**
 * After the warning was seen gone: two frames pass in the page, and still no warning. A wrong warning
 * is drawn in the same task as the old one is taken away; the frames keep the check meaningful should
 * drawing it ever wait for a frame.
 */
async function stillNoWarning(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  });
  expect(await page.locator(WARNING_HOST).count()).toBe(0);
}

describe("the guide's address on the exchange's withdrawal page, Chromium", () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    // The guide keeps the address the user checked on the device, as the user gives it.
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await page.getByLabel('Network', { exact: true }).selectOption('ethereum');
    await page.getByLabel('Coin or token (ticker)').fill('ETH');
    await page.getByTestId('step-next').click();
    await page.getByTestId('wallet-hardware').check();
    for (const item of await page.getByTestId('seed-checklist').getByRole('checkbox').all()) await item.check();
    await page.getByTestId('step-next').click();
    await page.getByTestId('address-input').fill(WALLET);
    await page.getByTestId('verified-on-device').check();
    await page.getByTestId('step-next').click();
    await page.getByTestId('book-empty').waitFor();
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("warns on the exchange's withdrawal page when its field holds another address, and never changes the field", async () => {
    await routeSite(
      browser.context,
      'https://www.binance.com',
      fakeExchangeHtml('Binance — withdraw USDT', '<form><label>Address <input id="withdraw-address" type="text" autocomplete="off"></label><button type="button">Withdraw</button></form>'),
    );
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
    const field = page.locator('#withdraw-address');
    const warning = shadowUi(page, WARNING_HOST);
    await typedUntilWarned(field, OTHER);
    // Half an address is not an address: nothing is said while the user is still typing. The warning
    // already shown goes once the script has read the half, and none comes back for it: a warning for
    // the half would be drawn in the same task as the old one is taken away (its words are at hand).
    await field.fill(OTHER.slice(0, 20));
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    await stillNoWarning(page);
    await field.fill(OTHER);
    await warning.waitFor('mismatch-warning');
    expect(await warning.attribute('mismatch-warning', 'role')).toBe('alert');
    const text = (await warning.text('mismatch-warning')) ?? '';
    expect(text).toContain('This is not the address from your withdrawal guide');
    expect(text).toContain('0x 5aAe b605');
    await expect.poll(() => field.inputValue()).toBe(OTHER);

    // The right address (in any letter case) makes the warning go, and the field stays the user's.
    await field.fill(WALLET.toLowerCase());
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => field.inputValue()).toBe(WALLET.toLowerCase());
    await page.close();
  });

  test('the mismatch warning never covers the field it warns about, wherever the field sits and however the page scrolls', async () => {
    const field = (id: string) => `<label style="display:block">Address <input id="${id}" type="text" autocomplete="off" style="width:90%;font-size:18px;padding:10px"></label>`;
    await browser.context.unroute('https://www.binance.com/**');
    await routeSite(
      browser.context,
      'https://www.binance.com',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Binance — withdraw</title></head>
       <body style="margin:0;font:16px system-ui">${field('top')}<div style="height:900px"></div>${field('middle')}<div style="height:900px"></div>${field('bottom')}</body></html>`,
    );
    const page = await browser.context.newPage();
    const warning = shadowUi(page, WARNING_HOST);
    const clear = async (what: string) => {
      // The scroll comes to rest, then a frame for the warning to follow the page.
      await page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let last = NaN; last !== window.scrollY; await frame(), await frame()) last = window.scrollY;
      });
      const box = await warning.box('mismatch-warning');
      const input = (await page.locator('input:focus').boundingBox())!;
      const viewport = page.viewportSize()!;
      const overlaps = box.x < input.x + input.width && input.x < box.x + box.width && box.y < input.y + input.height && input.y < box.y + box.height;
      expect(overlaps, `${what}: warning ${JSON.stringify(box)} over field ${JSON.stringify(input)}`).toBe(false);
      expect(box.y, what).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, what).toBeLessThanOrEqual(viewport.height);
    };
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 360, height: 640 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
      for (const [id, block] of [
        ['top', 'start'],
        ['middle', 'center'],
        ['bottom', 'end'],
      ] as const) {
        const what = `${viewport.width}px, ${id} field scrolled to the ${block}`;
        const input = page.locator(`#${id}`);
        await input.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
        await typedUntilWarned(input, OTHER);
        await warning.waitFor('mismatch-warning');
        await clear(what);
        // The page scrolls under the warning: it moves out of the field's way.
        for (const delta of [-250, 500, -120]) {
          await page.mouse.wheel(0, delta);
          await clear(`${what}, then scrolled by ${delta}px`);
        }
        await input.fill(WALLET);
        await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
      }
    }
    await page.close();
  });

  test("another page of the single-page app (the page's own history.pushState) takes the warning about the old page's field away", async () => {
    await browser.context.unroute('https://www.binance.com/**');
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — withdraw', '<label>Address <input id="withdraw-address" type="text"></label>'));
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
    await typedUntilWarned(page.locator('#withdraw-address'), OTHER);
    // The app draws its next page in the same document; the old field stays, holding the address, but is no longer the withdrawal's.
    await page.evaluate(() => history.pushState(null, '', '/en/markets'));
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    await stillNoWarning(page);
    expect(await page.locator('#withdraw-address').inputValue()).toBe(OTHER);
    expect(await page.locator('reserve-radar-pill').count()).toBe(1);
    await page.close();
  });

  test("an address an older version kept in its one map of guides is the one compared, once the guide page has moved it to Binance's own key", async () => {
    // What a version before each exchange's own key stored: Binance's guide, here holding OTHER, in the one map of guides.
    // Binance's own key holds OTHER too for now, so that the page's script can be seen to look (it warns about WALLET).
    const guide = await browser.context.newPage();
    await guide.goto(`chrome-extension://${browser.extensionId}/guide.html`);
    await guide.getByTestId('progress-text').waitFor();
    await guide.evaluate(async (address) => {
      const { 'guide:binance': binance } = (await chrome.storage.local.get('guide:binance')) as { 'guide:binance': object };
      await chrome.storage.local.remove(['guideState']);
      await chrome.storage.local.set({ guides: { binance: { ...binance, address } }, 'guide:binance': { ...binance, address } });
    }, OTHER);
    await browser.context.unroute('https://www.binance.com/**');
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — withdraw', '<label>Address <input id="withdraw-address" type="text"></label>'));
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
    await typedUntilWarned(page.locator('#withdraw-address'), WALLET);
    // Then the storage is the older version's: the map alone. The exchange page's script reads Binance's own key alone,
    // so the map is nothing to it and the warning goes. It reads again on the change and looks at the field again; a
    // warning from the map would be drawn in the same task as the old one is taken away (its words are at hand), so the
    // warning is never seen gone unless the script decided, with the map there, that there is nothing to say.
    await guide.evaluate(() => chrome.storage.local.remove(['guide:binance']));
    await page.locator(WARNING_HOST).waitFor({ state: 'detached', timeout: 10_000 });
    await stillNoWarning(page);
    // The guide page opened for Binance moves the map's guide to Binance's key as it reads, where the exchange page hears of it.
    await guide.goto(`chrome-extension://${browser.extensionId}/guide.html?exchange=binance`);
    await shadowUi(page, WARNING_HOST).waitFor('mismatch-warning');
    expect(await guide.evaluate(() => chrome.storage.local.get('guides'))).toEqual({});
    expect(await guide.evaluate(async () => ((await chrome.storage.local.get('guide:binance'))['guide:binance'] as { address: string }).address)).toBe(OTHER);
    await page.close();
    await guide.close();
  });
});
