import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { activeTabId, chromeBuild, fakeExchangeHtml, firefoxBuild, inShadow, launchChromium, root, routeSite, shadowUi, type ChromiumExtension } from './harness';
import { PSEUDO_CLOSE, PSEUDO_LOCALE, PSEUDO_OPEN } from '../../scripts/locales';

/**
 * The chosen language on the exchange page (issue 17): the pill, the card and the in-page
 * address-mismatch warning all speak it, with no request from the page to the extension.
 */

const swedish = JSON.parse(readFileSync(join(root, 'public/_locales/sv/messages.json'), 'utf8')) as Record<string, { message: string }>;
const sv = (key: string): string => {
  const message = swedish[key]?.message;
  if (message === undefined) throw new Error(`no Swedish message ${key}`);
  return message;
};

// A checksummed address the guide "settled on", and another one typed into the exchange's field.
const GUIDE_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER_ADDRESS = '0xABaBaBaBABabABabAbAbABAbABabababaBaBABaB';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

/** The withdrawal guide's settled address, as the guide page stores it (utils/chosen-address.ts reads it). */
async function storeGuideAddress(extensionPage: Page, address: string): Promise<void> {
  await extensionPage.evaluate((value) => chrome.storage.local.set({ guideState: { network: 'ethereum', address: value } }), address);
}

/**
 * The options page, open, with the pseudo-locale chosen and drawn (npm run build:test): each of its words is wrapped
 * in ⟦…⟧, so any word left from it after the next change of language shows.
 */
async function optionsInPseudoLocale(browser: ChromiumExtension): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId(`language-${PSEUDO_LOCALE.id}`).check();
  await options.waitForFunction((tag) => document.documentElement.lang === tag, PSEUDO_LOCALE.tag);
  return options;
}

describe('the chosen language on the exchange page, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(
      browser.context,
      'https://www.binance.com',
      fakeExchangeHtml('Binance — stand-in', '<form><label>Address <input id="withdraw-address" type="text" autocomplete="off"></label></form>'),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('Swedish chosen in the options: pill, card and mismatch warning are Swedish, and the page never asks the extension for a file', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-sv').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('sv'));
    await storeGuideAddress(options, GUIDE_ADDRESS);

    const page = await browser.context.newPage();
    const fromPage: string[] = [];
    page.on('request', (request) => fromPage.push(request.url()));
    await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    expect(await pill.attribute('pill-close', 'aria-label')).toBe(sv('close'));

    await pill.click('pill-toggle');
    await pill.waitFor('exchange-card');
    const headings = await pill.evaluate((shadow) => [...shadow.querySelectorAll('.card__heading')].map((heading) => heading.textContent ?? ''), undefined);
    expect(headings).toContain(sv('cardProofOfReserves'));
    expect(headings).toContain(sv('cardConcentration'));
    expect(await pill.text('withdraw')).toBe(sv('withdrawAction'));
    expect(await pill.text('move-corner')).toBe(sv('moveCorner'));

    await page.locator('#withdraw-address').fill(OTHER_ADDRESS);
    const warning = shadowUi(page, 'reserve-radar-mismatch');
    await warning.waitFor('mismatch-warning');
    const text = (await warning.text('mismatch-warning')) ?? '';
    expect(text).toContain(sv('mismatchTitle'));
    expect(await warning.text('mismatch-dismiss')).toBe(sv('mismatchDismiss'));

    // The words came from the background over the extension's own channel: nothing was fetched
    // from the extension's files by the page (that needs web_accessible_resources, which would let
    // any page detect the extension).
    expect(fromPage.filter((url) => !url.startsWith('https://www.binance.com/'))).toEqual([]);
    await page.close();
    await options.close();
  });

  test('the language changed while exchange pages are open: the open card and the collapsed pill follow, with no word left in the one before', async () => {
    const options = await optionsInPseudoLocale(browser);
    const [card, collapsed] = [await browser.context.newPage(), await browser.context.newPage()];
    for (const page of [card, collapsed]) {
      await page.goto('https://www.binance.com/en/trade/BTC_USDT');
      await shadowUi(page).waitFor('pill-toggle');
    }
    await card.bringToFront();
    await shadowUi(card).click('pill-toggle');
    await shadowUi(card).waitFor('exchange-card');
    await shadowUi(card).waitFor('card-reasons-wait', { state: 'detached' });
    for (const page of [card, collapsed]) expect((await pillWords(page)).join(' ')).toContain(PSEUDO_OPEN);
    const hosts = () => Promise.all([card, collapsed].map((page) => page.evaluate(() => document.querySelector('reserve-radar-pill')?.outerHTML)));
    const hostsBefore = await hosts();

    await options.bringToFront();
    await options.getByTestId('language-sv').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('sv'));
    for (const page of [card, collapsed]) {
      await expect.poll(async () => (await pillWords(page)).filter((text) => text.includes(PSEUDO_OPEN) || text.includes(PSEUDO_CLOSE))).toEqual([]);
      expect(await shadowUi(page).attribute('pill-close', 'aria-label')).toBe(sv('close'));
      expect(await inShadow(page, 'reserve-radar-pill', (root) => (root.querySelector('style + div') as HTMLElement | null)?.lang)).toBe('sv');
    }
    // The card stayed open, its reasons worded again in Swedish.
    await shadowUi(card).waitFor('card-reasons-wait', { state: 'detached' });
    const cardText = (await pillWords(card)).join(' ');
    expect(cardText).toContain(sv('cardProofOfReserves'));
    expect(cardText).toContain(sv('cardConcentration'));
    // The page sees only the empty element it saw before: no attribute or text tells it the language.
    expect(await hosts()).toEqual(hostsBefore);
    expect(hostsBefore).toEqual(['<reserve-radar-pill></reserve-radar-pill>', '<reserve-radar-pill></reserve-radar-pill>']);
    for (const page of [card, collapsed, options]) await page.close();
  });

  test('the language changed while the address-mismatch warning is on screen: it follows in place, beside the pill or with the pill closed, and so does the next one', async () => {
    const options = await optionsInPseudoLocale(browser);
    await storeGuideAddress(options, GUIDE_ADDRESS);
    const [beside, alone] = [await browser.context.newPage(), await browser.context.newPage()];
    for (const page of [beside, alone]) {
      await page.bringToFront();
      await page.goto('https://www.binance.com/en/my/wallet/account/main/withdrawal/crypto/USDT');
      await shadowUi(page).waitFor('pill-toggle');
      // The pill closed by the user: gone for this page, the warning stays.
      if (page === alone) {
        await shadowUi(page).click('pill-close');
        await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null);
      }
      await page.locator('#withdraw-address').fill(OTHER_ADDRESS);
      await shadowUi(page, 'reserve-radar-mismatch').waitFor('mismatch-warning');
      expect(await shadowUi(page, 'reserve-radar-mismatch').text('mismatch-warning')).toContain(PSEUDO_OPEN);
    }
    const warningHosts = () => Promise.all([beside, alone].map((page) => page.evaluate(() => document.querySelector('reserve-radar-mismatch')?.outerHTML)));
    const before = await warningHosts();
    // The user is on the warning's button; where the focus is and where the box stands must not change.
    const focused = (page: Page) => inShadow(page, 'reserve-radar-mismatch', (root) => root.activeElement?.getAttribute('data-testid') ?? null);
    const clearOfField = async (page: Page) => {
      const field = await page.locator('#withdraw-address').boundingBox();
      const box = await inShadow(page, 'reserve-radar-mismatch', (root) => {
        const { left, top, right, bottom } = (root.querySelector('.mismatch') as HTMLElement).getBoundingClientRect();
        return { left, top, right, bottom };
      });
      if (field === null || box === null) return false;
      return box.bottom <= field.y || box.top >= field.y + field.height || box.right <= field.x || box.left >= field.x + field.width;
    };
    for (const page of [beside, alone]) {
      await page.bringToFront();
      await inShadow(page, 'reserve-radar-mismatch', (root) => (root.querySelector('[data-testid="mismatch-dismiss"]') as HTMLElement).focus());
      await expect.poll(() => focused(page)).toBe('mismatch-dismiss');
      expect(await clearOfField(page)).toBe(true);
    }

    await options.bringToFront();
    await options.getByTestId('language-sv').check();
    await options.waitForFunction(() => document.documentElement.lang.startsWith('sv'));
    for (const page of [beside, alone]) {
      const warning = shadowUi(page, 'reserve-radar-mismatch');
      await expect.poll(() => warning.text('mismatch-warning'), { timeout: 10_000 }).toContain(sv('mismatchTitle'));
      expect(await warning.text('mismatch-warning')).not.toContain(PSEUDO_OPEN);
      expect(await warning.text('mismatch-dismiss')).toBe(sv('mismatchDismiss'));
      expect(await inShadow(page, 'reserve-radar-mismatch', (root) => (root.querySelector('style + div') as HTMLElement | null)?.lang)).toBe('sv');
    }
    // Worded again in place: the same element, empty to the page, as before, the focus still on its button and the box
    // still clear of the field.
    expect(await warningHosts()).toEqual(before);
    for (const page of [beside, alone]) {
      expect(await focused(page)).toBe('mismatch-dismiss');
      expect(await clearOfField(page)).toBe(true);
    }
    // A warning drawn after the change speaks it too, the pill closed or not.
    for (const page of [beside, alone]) {
      await page.bringToFront();
      await page.locator('#withdraw-address').fill('');
      await shadowUi(page, 'reserve-radar-mismatch').waitFor('mismatch-warning', { state: 'detached' });
      await page.locator('#withdraw-address').fill(OTHER_ADDRESS);
      await shadowUi(page, 'reserve-radar-mismatch').waitFor('mismatch-warning');
      expect(await shadowUi(page, 'reserve-radar-mismatch').text('mismatch-warning')).toContain(sv('mismatchTitle'));
    }
    for (const page of [beside, alone, options]) await page.close();
  });

  test('the language changed while the lookalike warning page is open: the page follows', async () => {
    const options = await optionsInPseudoLocale(browser);
    const warning = await browser.context.newPage();
    await warning.goto(`chrome-extension://${browser.extensionId}/warning.html?url=${encodeURIComponent('https://binance-login.com/')}`);
    await warning.getByTestId('continue-anyway').waitFor();
    expect(await warning.locator('h1').textContent()).toContain(PSEUDO_OPEN);

    await options.bringToFront();
    await options.getByTestId('language-sv').check();
    await expect.poll(() => warning.locator('h1').textContent()).toBe(sv('lookalikeTitle').replace('$1', 'Binance'));
    expect(await warning.locator('body').textContent()).not.toContain(PSEUDO_OPEN);
    expect(await warning.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await warning.title()).toBe(sv('warningPageTitle'));
    for (const page of [warning, options]) await page.close();
  });

  test('the language changed while the popup is open in a tab: it follows, words, lang and all', async () => {
    const options = await optionsInPseudoLocale(browser);
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    await shadowUi(page).waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByTestId('exchange-card').waitFor();
    expect(await popup.locator('body').textContent()).toContain(PSEUDO_OPEN);

    await options.bringToFront();
    await options.getByTestId('language-sv').check();
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expect.poll(() => popup.locator('body').textContent()).not.toContain(PSEUDO_OPEN);
    expect(await popup.getByTestId('withdraw').textContent()).toBe(sv('withdrawAction'));
    for (const open of [popup, page, options]) await open.close();
  });

  test('the language changed while a closed pill’s status line shows: the line follows in place', async () => {
    const options = await optionsInPseudoLocale(browser);
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    const pill = shadowUi(page);
    await pill.waitFor('pill-toggle');
    // Nothing on the page had focus: the close leaves the status line for 5 s.
    await pill.click('pill-close');
    await expect.poll(() => pill.text('pill-status-line')).toContain(PSEUDO_OPEN);

    await options.getByTestId('language-sv').check();
    await expect.poll(() => pill.text('pill-status-line'), { timeout: 4000 }).toBe(sv('pillClosedStatus'));
    expect(await pill.evaluate((root) => root.querySelector('[data-testid="pill-status-line"]')?.closest('[lang]')?.getAttribute('lang'), undefined)).toBe('sv');
    await page.waitForFunction(() => document.querySelector('reserve-radar-pill') === null, undefined, { timeout: 10_000 });
    for (const open of [page, options]) await open.close();
  });

  test('nothing in either build is web-accessible, so no page can probe for the extension', () => {
    for (const build of [chromeBuild, firefoxBuild]) {
      const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.web_accessible_resources, build).toBeUndefined();
    }
  });
});

/** Every text node and user-facing attribute in the pill's closed shadow root (styles left out). */
async function pillWords(page: Page): Promise<string[]> {
  const words = await inShadow(page, 'reserve-radar-pill', (root) => {
    const found: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) found.push(node.textContent);
      if (node instanceof Element) {
        if (node.tagName === 'STYLE') return;
        for (const name of ['aria-label', 'title', 'aria-description']) {
          const value = node.getAttribute(name);
          if (value?.trim()) found.push(value);
        }
      }
      node.childNodes.forEach(walk);
    };
    walk(root);
    return found;
  });
  if (words === null) throw new Error('no pill on the page');
  return words;
}
