/**
 * Large text (WCAG 1.4.4, 1.4.10): with the browser's minimum font size at 24 px, the card on the
 * exchange's page and the popup reflow: no sideways scrolling, no line running under an edge,
 * no letter cut by its circle. In Chromium (the "Minimum font size" setting, a profile
 * preference) and Firefox (`font.minimum-size.x-western`), with the built extension. Firefox
 * also checks that Tab goes on from the open card to the page (a non-modal panel, no trap).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { fakeExchangeHtml, inFirefoxPillRoot, launchChromium, launchFirefox, routeSite, shadowUi, startHttpsSite, type ChromiumExtension, type FirefoxExtension } from './harness';

const FIELD = '<label>Amount <input id="amount" type="text"></label>';

/** What does not fit in `root`'s open card: sideways scroll, elements past its right edge, letters cut by their box. Runs in the page (Firefox gets its text). */
function misfits(root: ShadowRoot): string[] {
  const panel = root.querySelector('[data-testid="nudge-panel"]');
  if (panel === null) return ['no open card'];
  const edge = panel.getBoundingClientRect().right;
  const problems: string[] = [];
  if (panel.scrollWidth > panel.clientWidth + 1) problems.push(`card scrolls sideways: ${panel.scrollWidth} in ${panel.clientWidth}`);
  const past = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.right > edge + 1 && element.checkVisibility() && element.closest('.visually-hidden') === null;
  };
  // The innermost: what pushes its containers out.
  for (const element of panel.querySelectorAll('*')) {
    if (past(element) && ![...element.children].some(past))
      problems.push(
        `past the edge: ${element.localName}.${element.className} "${(element.textContent ?? '').slice(0, 30)}" ${Math.round(element.getBoundingClientRect().right)} > ${Math.round(edge)}`,
      );
  }
  for (const letter of root.querySelectorAll('.chip__grade, .pill__grade')) {
    if (letter.scrollWidth > letter.clientWidth + 1 || letter.scrollHeight > letter.clientHeight + 1)
      problems.push(`letter cut: ${letter.className} ${letter.scrollWidth}x${letter.scrollHeight} in ${letter.clientWidth}x${letter.clientHeight}`);
  }
  return problems.slice(0, 12);
}

describe('large text in Chromium (minimum font size 24)', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium({ prefs: { webkit: { webprefs: { minimum_font_size: 24 } } } });
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — withdraw', FIELD));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the open card fits its text: nothing scrolls sideways or runs under its edge', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const pill = shadowUi(page);
    await pill.click('pill-toggle');
    await pill.waitFor('exchange-card');
    await pill.waitFor('card-reasons-wait', { state: 'detached' });
    // The preference is in force: the chip's 13 px are drawn at 24.
    expect((await pill.style('.chip', ['font-size']))?.['font-size']).toBe('24px');
    expect(await pill.evaluate(misfits, undefined)).toEqual([]);
    // And with every reason, figure and source shown.
    await pill.click('card-details-toggle');
    expect(await pill.evaluate(misfits, undefined)).toEqual([]);
    await page.close();
  });

  test('the popup’s exchange list fits 380 px', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('.chip').first().waitFor();
    expect(
      await popup.evaluate(() => ({
        scroll: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        past: [...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map((element) => `${element.localName}.${element.className}`)
          .slice(0, 6),
      })),
    ).toEqual({ scroll: true, past: [] });
    await popup.close();
  });
});

describe('large text and the keyboard in Firefox (minimum font size 24)', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;

  beforeAll(async () => {
    site = await startHttpsSite(['www.binance.com'], (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fakeExchangeHtml('Binance — withdraw', FIELD));
    });
    firefox = await launchFirefox({ hosts: ['www.binance.com'], prefs: { 'font.minimum-size.x-western': 24 } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  /** `fn(root, arg)` on the pill's closed root, its answer as JSON. */
  const inPill = async <T>(page: FirefoxPage, fn: string, arg = ''): Promise<T | null> => {
    const answer = await inFirefoxPillRoot(firefox, page, `(root, arg) => JSON.stringify((${fn})(root, arg) ?? null)`, arg);
    return answer === null || answer === undefined ? null : (JSON.parse(String(answer)) as T);
  };
  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    for (const deadline = Date.now() + 20_000; ; ) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const active = (page: FirefoxPage) => inPill<string>(page, '(root) => root.activeElement?.getAttribute("data-testid") ?? "none"');
  const focusInPill = (page: FirefoxPage) => page.evaluate(() => document.activeElement?.localName === 'reserve-radar-pill');

  test('the open card fits its text; Tab from its last control goes on to the page, Shift+Tab comes back; Escape closes it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    const box = await until(
      () =>
        inPill<{ x: number; y: number }>(
          page,
          '(root) => { const r = root.querySelector("[data-testid=pill-toggle]")?.getBoundingClientRect(); return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }',
        ),
      (value) => value !== null,
      'the pill',
    );
    await page.mouse.click(box?.x ?? 0, box?.y ?? 0);
    await until(
      () => inPill<boolean>(page, '(root) => root.querySelector("[data-testid=card-reasons-wait]") === null && root.querySelector("[data-testid=exchange-card]") !== null'),
      (value) => value === true,
      'the card',
    );
    // The preference is in force (Firefox applies it when drawing, so the chip's box, not its computed 13 px, shows it).
    expect(await inPill<number>(page, '(root) => root.querySelector(".chip span:last-child").getBoundingClientRect().height')).toBeGreaterThan(30);
    expect(await inPill<string[]>(page, misfits.toString())).toEqual([]);
    await inPill(page, '(root) => root.querySelector("[data-testid=card-details-toggle]").click()');
    expect(await inPill<string[]>(page, misfits.toString())).toEqual([]);

    // The pill's × is the last control drawn (the card opens above a bottom-corner pill).
    await inPill(page, '(root) => root.querySelector("[data-testid=pill-close]").focus()');
    expect(await active(page)).toBe('pill-close');
    await page.keyboard.press('Tab');
    expect(await focusInPill(page)).toBe(false);
    await inPill(page, '(root) => root.querySelector("[data-testid=pill-close]").focus()');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await active(page)).toBe('pill-toggle');
    // Before the card's first control, Shift+Tab leaves for the page too.
    const first = await inPill<string>(
      page,
      '(root) => { const panel = root.querySelector("[data-testid=nudge-panel]"); const first = panel.querySelector("a[href], button, select, summary"); first.focus(); return first.getAttribute("data-testid") ?? first.localName; }',
    );
    expect(first).not.toBeNull();
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focusInPill(page)).toBe(false);

    await inPill(page, '(root) => root.querySelector("[data-testid=withdraw]").focus()');
    await page.keyboard.press('Escape');
    await until(
      () => inPill<boolean>(page, '(root) => root.querySelector("[data-testid=nudge-panel]") === null'),
      (value) => value === true,
      'the card closed',
    );
    expect(await active(page)).toBe('pill-toggle');
    await page.close();
  });
});
