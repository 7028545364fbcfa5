import { describe, expect, test } from 'vitest';
import { chromiumBeforeFirstFeed, fakeExchangeHtml, krakenFeed, pillAxeProblemsBySchemes, refreshSource, routeSite, shadowUi, until } from './harness';

/**
 * The exchange page's own card on a new profile (the user is on kraken.com and opens the pill): before any data source
 * has answered, a line below the card says its figures are the data that came with the extension (naming no day: the
 * card dates its own sections); when the signed feed first answers, the line goes from the open card without a reload.
 */

const CARD_LINE = 'These figures are the data that came with Reserve Radar, until its first data update arrives.';
/** Kraken's BTC reserve ratio as the test feed states it (107.31 %): the bundled data never says it. */
const FEED_RATIO = 1.0731;

describe("the exchange page's card says when its figures came with the extension, in Chromium on a new profile", () => {
  const { browser: profile, serveFeed } = chromiumBeforeFirstFeed();

  test('a line below the open card says so, passes axe in light and dark, and goes without a reload when the feed first answers', async () => {
    const browser = profile();
    await routeSite(browser.context, 'https://www.kraken.com', fakeExchangeHtml('Kraken — stand-in'));
    const page = await browser.context.newPage();
    // A common laptop height: the line raises the open card's top over the band where exchanges keep their menus.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('https://www.kraken.com/');
    const pill = shadowUi(page);
    await pill.click('pill-toggle');
    await pill.waitFor('first-data-line');
    expect(await pill.text('first-data-line')).toBe(CARD_LINE);
    // Below the card, inside the open panel: the verdict is read first.
    expect(await pill.evaluate((root) => root.querySelector('[data-testid="exchange-card"]')?.compareDocumentPosition(root.querySelector('[data-testid="first-data-line"]') as Node), undefined)).toBe(
      4,
    );
    expect(await pill.text('card-por-section')).not.toContain('107.31');
    expect(await pillAxeProblemsBySchemes(page)).toEqual({ light: [], dark: [] });
    await page.emulateMedia({ colorScheme: 'light' });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sources').waitFor();
    serveFeed(await krakenFeed(1, FEED_RATIO));
    expect((await refreshSource(options, 'feed')).status).toBe('fresh');
    await page.bringToFront();
    // The page was never reloaded: the line leaves the card, which stays open and shows the feed's figure.
    expect.soft(await until(() => pill.has('first-data-line'), false)).toBe(false);
    expect.soft(await until(async () => ((await pill.text('card-por-section')) ?? '').includes('107.31'), true)).toBe(true);
    expect(await pill.has('nudge-panel')).toBe(true);
    await Promise.all([page.close(), options.close()]);
  });
});
