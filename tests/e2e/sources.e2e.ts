import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { exchanges } from '../../lib/exchanges/registry';
import { FEED_URL } from '../../lib/feed/trust';
import { bundledSnapshot } from '../../lib/reserves/snapshot';
import en from '../../public/_locales/en/messages.json';
import { formatAge, formatDate } from '../../lib/words/format';
import { translateFrom } from '../../lib/words/translate-from';
import { axeProblems, launchChromium, layoutProblems, refreshSource, type ChromiumExtension } from './harness';

/**
 * Options → Data sources in Chromium with the built extension: one row per source (the signed
 * feed, DefiLlama's exchange totals, its prices of the exchanges' own tokens, its per-exchange
 * holdings), each with a disclosure
 * for its details, by keyboard, in light and dark, on a narrow screen.
 */

// DefiLlama's /protocol is asked once per operating exchange it lists (entrypoints/background/data.ts).
const protocolExchanges = exchanges.filter((exchange) => exchange.defillamaSlug !== undefined && exchange.status.kind === 'operating');

describe('Options → Data sources in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    // DefiLlama answers 500 (and the harness refuses the feed's host): the rows say so.
    await browser.context.route('https://api.llama.fi/**', (route) => route.fulfill({ status: 500, body: 'down' }));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('sources').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rows = () => options.getByTestId('source-row');

  test('one row per source, its details behind a disclosure', async () => {
    expect(protocolExchanges.length).toBeGreaterThan(20);
    await expect.poll(() => rows().count()).toBe(4);
    await expect.poll(() => rows().evaluateAll((found) => found.map((row) => row.getAttribute('data-source')))).toEqual(['feed', 'cexs', 'own-token-prices', 'protocol']);
    const names = await options.getByTestId('source-name').allTextContents();
    expect(names).toEqual(['Reserve Radar’s signed feed', 'DefiLlama: exchange totals', "DefiLlama: prices of the exchanges' own tokens", 'DefiLlama: what each exchange holds']);
    // Each row is one disclosure, closed at first; the per-exchange lines are not on screen.
    for (const row of await rows().all()) expect(await row.locator('details').getAttribute('open')).toBeNull();
    await expect.poll(() => options.getByTestId('source-exchange').first().isVisible()).toBe(false);
    await expect.poll(() => options.getByText(/DefiLlama \/protocol\//).count()).toBe(0);
    // The grouped row counts the exchanges at its (worst) state: "all" of them when none is at another.
    await expect.poll(() => options.getByTestId('source-count').textContent()).toMatch(new RegExp(`^(\\d+ of ${protocolExchanges.length}|all ${protocolExchanges.length}) exchanges$`));
    // Before any fetch succeeded, a row whose figures came with the extension (PoR reports, /cexs totals) says that data is in use,
    // with its age: the day we last checked the PoR records for the feed, the day the /cexs totals describe (never the compile day); the bundled file holds no own-token
    // price and no per-exchange breakdown, so those rows say "Last success: Never".
    const shipped = bundledSnapshot();
    const on = (day: string) => formatDate(day, 'en');
    const ago = (day: string) => formatAge(day, new Date(), 'en', translateFrom(en));
    const dated = (days: string[]) => {
      const [from, to] = [days.toSorted()[0]!, days.toSorted().at(-1)!];
      return from === to ? `figures as of ${on(from)} (${ago(from)})` : `figures from ${on(from)} (${ago(from)}) to ${on(to)} (${ago(to)})`;
    };
    // The feed row gives the day we last checked our copy's PoR records, never an exchange's old report as our copy's age.
    const checked = Object.values(shipped.exchanges)
      .flatMap((entry) => (entry.por === undefined ? [] : [entry.por.checkedAt ?? entry.por.asOf]))
      .toSorted()
      .at(-1)!;
    const totalsDays = protocolExchanges.flatMap((exchange) => [shipped.exchanges[exchange.id]?.onchain?.asOf, shipped.exchanges[exchange.id]?.flows?.asOf].filter((day) => day !== undefined));
    const withTotals = protocolExchanges.filter((exchange) => shipped.exchanges[exchange.id]?.onchain !== undefined || shipped.exchanges[exchange.id]?.flows !== undefined).length;
    expect(withTotals).toBeLessThan(protocolExchanges.length);
    expect(totalsDays).not.toContain(shipped.generatedAt.slice(0, 10));
    const expected: Record<string, string> = {
      feed: `Using the data that came with Reserve Radar: checked on ${on(checked)} (${ago(checked)})`,
      // The bundled file has /cexs totals for a few exchanges only: the row says how many, not that they are all covered.
      cexs: `Using the data that came with Reserve Radar: ${dated(totalsDays)}, for only ${withTotals} of ${protocolExchanges.length} exchanges`,
      'own-token-prices': 'Last success: Never',
      protocol: 'Last success: Never',
    };
    for (const row of await rows().all()) {
      if ((await row.getAttribute('data-status')) === 'fresh') continue;
      const source = (await row.getAttribute('data-source')) ?? '';
      await expect.poll(() => row.locator('.source__age').textContent(), { message: source }).toBe(expected[source]);
    }
  });

  test('the disclosures open and close from the keyboard, and list every exchange with its own state', async () => {
    await options.getByTestId('refresh-now').click();
    await options.getByTestId('options-notice').filter({ hasText: /\S/ }).waitFor();
    const protocol = rows().nth(3);
    await expect.poll(() => protocol.getAttribute('data-status')).toBe('failing');
    const summary = protocol.locator('summary');
    await summary.focus();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await options.keyboard.press('Enter');
    await expect.poll(() => protocol.locator('details').getAttribute('open')).toBe('');
    const lines = protocol.getByTestId('source-exchange');
    await expect.poll(() => lines.count()).toBe(protocolExchanges.length);
    await expect.poll(() => lines.first().isVisible()).toBe(true);
    await expect.poll(() => protocol.textContent()).toContain('Binance');
    await expect.poll(() => protocol.textContent()).toMatch(/500/);
    await expect.poll(() => protocol.textContent()).toContain('https://api.llama.fi/protocol/');
    await options.keyboard.press('Space');
    expect(await protocol.locator('details').getAttribute('open')).toBeNull();
    // A single source's row keeps its error in plain words on the row itself.
    expect(await refreshSource(options, 'cexs')).toMatchObject({ status: 'failing', text: expect.stringMatching(/500/) });
    await options.getByTestId('sources').waitFor();
  });

  test('passes axe open and closed, light and dark, and fits a 360 px screen', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      for (const open of [false, true]) {
        await rows().evaluateAll(
          (found, shown) =>
            found.forEach((row) => {
              (row.querySelector('details') as HTMLDetailsElement).open = shown;
            }),
          open,
        );
        expect(await axeProblems(options, '[data-testid="sources"]'), `${colorScheme}, ${open ? 'open' : 'closed'}`).toEqual([]);
      }
    }
    await options.setViewportSize({ width: 360, height: 640 });
    expect(await layoutProblems(options, '[data-testid="sources"]')).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
  });

  test("in German, an unreachable feed host is said in German only: Chromium's English error text is nowhere on the page", async () => {
    const feed = new URL(FEED_URL);
    // The feed's host refuses the connection, as a closed port on this machine does.
    await browser.context.route(`${feed.origin}/**`, (route) => route.abort('connectionrefused'));
    await options.getByTestId('language-de').check();
    await options.waitForFunction(() => document.documentElement.lang === 'de');
    const { status, text } = await refreshSource(options, 'feed');
    expect(status).toBe('failing');
    expect(text).toContain(`${feed.host} war nicht erreichbar`);
    const row = options.locator('[data-testid="source-row"][data-source="feed"]');
    const summary = (await row.locator('summary').textContent()) ?? '';
    expect(summary).toContain(`${feed.host} war nicht erreichbar`);
    await row.locator('summary').click();
    await expect.poll(() => row.locator('.source__details').isVisible()).toBe(true);
    // No technical line: the browser's words say nothing the sentence above does not, and only in English.
    expect(await row.getByTestId('source-detail').count()).toBe(0);
    expect(await options.evaluate(() => document.body.textContent ?? '')).not.toMatch(/Failed to fetch|NetworkError|net::ERR/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await axeProblems(options, '[data-testid="sources"]'), colorScheme).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.getByTestId('language-auto').check();
    await browser.context.unroute(`${feed.origin}/**`);
  });
});
