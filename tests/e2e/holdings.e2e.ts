import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sparklinePath } from '../../lib/holdings/history';
import { defillamaCoinIds } from '../../lib/holdings/prices';
import { activeTabId, allowSiteInChromium, axeProblems, fakeExchangeHtml, launchChromium, root, routeSite, screenshotPath, shadowUi, type ChromiumExtension } from './harness';
import { ANVIL_SIGNER_0, emptyWarningList } from './harness/signed';

/**
 * Holdings in the real extension: records typed into the options page, valued with a recorded
 * DefiLlama coins answer served by a route, the share and its chart, the pill's balance message
 * on a routed exchange page, hostile imports refused without touching storage, and delete everything.
 */
const coins = readFileSync(join(root, 'tests/fixtures/coins-llama/prices-current-ethereum-2026-10-05.json'), 'utf8');
const ecb = readFileSync(join(root, 'tests/fixtures/ecb/eurofxref-daily-2019-06-13.xml'), 'utf8');
const ETH_USD = 2701.406622981317;
// Written out here, not built with the code under test: every priced coin, sorted.
const PRICE_PATH = `/prices/current/${Object.values(defillamaCoinIds).sort().join(',')}`;
const LIST_URL = 'https://lists.example.org/holdings-test.json';

declare const chrome: {
  storage: {
    local: { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    session: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
  };
  alarms: { getAll(): Promise<{ name: string }[]> };
};

describe('holdings in Chromium', () => {
  let browser: ChromiumExtension;
  let options: Page;
  const priceRequests: string[] = [];

  const stored = async (): Promise<string> => JSON.stringify(await browser.worker.evaluate(() => chrome.storage.local.get(['holdings', 'settings', 'addressBook'])));

  beforeAll(async () => {
    browser = await launchChromium();
    await browser.context.route('https://coins.llama.fi/**', (route) => {
      // The run watch's own-token chart goes to this host too, for everyone; the holdings' price request is /prices/.
      if (new URL(route.request().url()).pathname.startsWith('/prices/')) priceRequests.push(route.request().url());
      if (new URL(route.request().url()).pathname === PRICE_PATH) return route.fulfill({ status: 200, contentType: 'application/json', body: coins });
      return route.fulfill({ status: 404, body: 'not found' });
    });
    await browser.context.route('https://www.ecb.europa.eu/**', (route) => route.fulfill({ status: 200, contentType: 'text/xml', body: ecb }));
    await routeSite(browser.context, 'https://www.binance.com', fakeExchangeHtml('Binance — stand-in'));
    const list = await emptyWarningList();
    // As a plain file host answers: no CORS headers; read with the access to its host, given as the user's "Allow".
    await browser.context.route(LIST_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: list }));
    await allowSiteInChromium(browser, 'https://lists.example.org/*');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('holdings').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function addHolding(custodian: string, asset: string, amount: string): Promise<void> {
    await options.getByTestId('holding-custodian').selectOption(custodian);
    await options.getByTestId('holding-asset').fill(asset);
    await options.getByTestId('holding-amount').fill(amount);
    await options.getByTestId('holding-submit').click();
  }

  test('no holdings: no price request; holdings typed in give the share, the chart and its words', async () => {
    expect(priceRequests).toEqual([]);
    await addHolding('binance', 'eth', '2');
    await addHolding('self', 'ETH', '1');
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(2);
    // Once something is held, the one price request everybody sends: every priced coin, not just ETH.
    await expect.poll(() => priceRequests.length).toBeGreaterThan(0);
    expect(new Set(priceRequests)).toEqual(new Set([`https://coins.llama.fi${PRICE_PATH}`]));

    await options.getByTestId('holdings-goal').fill('80');
    await options.getByTestId('holdings-goal').press('Tab');
    await expect.poll(() => options.getByTestId('holdings-share').textContent()).toBe('You hold 33% yourself; your goal is 80%');
    const binanceRow = options.locator('[data-testid="holdings-share-row"][data-custodian="binance"]');
    await expect.poll(() => binanceRow.textContent()).toContain('67%');
    await expect.poll(() => binanceRow.textContent()).toContain(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(2 * ETH_USD));
    await expect.poll(() => options.getByTestId('holdings-prices').textContent()).toContain('Prices: DefiLlama coins API, as of Oct 5, 2026');

    // The recorded answer's price is dated 5 Oct 2026, more than two days before any run from now on: the total says its
    // prices are old, and the chart records no share on them, rather than a point that reads as today's.
    await expect
      .poll(() => options.getByTestId('holdings-prices-old').textContent())
      .toBe('These values use prices from Oct 5, 2026, more than two days old: the total and the shares may be far from today’s.');
    await expect.poll(() => options.getByTestId('holdings').getByTestId('sparkline-text').textContent()).toBe('No history yet: a point is recorded once prices are less than two days old.');
    expect(await options.getByTestId('holdings').getByTestId('sparkline-path').count()).toBe(0);
    await options.getByTestId('holdings').screenshot({ path: screenshotPath('holdings-options.png') });
  });

  test('a cap on Binance: the pill there leads with the balance message', async () => {
    await options.getByTestId('limit-cap-binance').fill('2000');
    await options.getByTestId('limit-cap-binance').press('Tab');
    await expect.poll(async () => JSON.parse(await stored()).holdings?.limits?.exchanges?.binance?.cap).toBe(2000);
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    const pill = shadowUi(page);
    await pill.waitFor('pill-balance');
    await page.screenshot({ path: screenshotPath('holdings-pill.png') });
    // Which limit is crossed, without the figures: the exchange's page sits beside this line.
    expect(await pill.text('pill-balance')).toBe('You keep more here than your own limit');
    // First in the nudge, before the pill and the card with the reserves.
    const first = await pill.evaluate((root) => root.querySelector('[data-testid="nudge"]')?.firstElementChild?.getAttribute('data-testid') ?? null, undefined);
    expect(first).toBe('pill-balance');
    await pill.click('pill-toggle');
    await pill.waitFor('nudge-panel');
    // As drawn: `text` reads the limit line's words from its data-drawn attribute (card.css) in their place.
    const nudgeText = await pill.text('nudge');
    if (nudgeText === null) throw new Error('no pill');
    const order = { balance: nudgeText.indexOf('You keep'), reserves: nudgeText.search(/Proof of reserves|Reserves/i) };
    expect(order.balance).toBeGreaterThanOrEqual(0);
    expect(order.reserves === -1 || order.balance < order.reserves).toBe(true);

    // The popup's compact line, with the chart.
    const tabId = await activeTabId(browser.worker);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('holdings-mini-share').textContent()).toBe('You hold 33% yourself; your goal is 80%');
    // The share rests on the recorded answer's price of 5 Oct 2026: the popup says so as the options page does, and draws no point.
    await expect.poll(() => popup.getByTestId('holdings-mini-prices-old').textContent()).toContain('prices from Oct 5, 2026, more than two days old');
    expect(await popup.getByTestId('holdings-mini').getByTestId('sparkline-path').count()).toBe(0);
    await popup.close();
    await page.close();

    // "Only when caution or worse": Binance's level here is unknown, but the user's own cap is crossed, so the pill still comes.
    await options.locator('input[name="nudgePolicy"][value="caution-or-worse"]').check();
    await expect.poll(async () => JSON.parse(await stored()).settings?.nudgePolicy).toBe('caution-or-worse');
    const again = await browser.context.newPage();
    await again.goto('https://www.binance.com/en');
    await shadowUi(again).waitFor('pill-balance');
    await again.close();
    await options.locator('input[name="nudgePolicy"][value="every-visit"]').check();
    await expect.poll(async () => JSON.parse(await stored()).settings?.nudgePolicy).toBe('every-visit');
  });

  test('hostile, malformed and oversized files are refused in plain words, and nothing changes', async () => {
    const before = await stored();
    const files: [string, string, RegExp][] = [
      ['hostile.json', '{"format":"reserve-radar-export","version":1,"__proto__":{"polluted":true},"holdings":[],"addresses":[],"history":[]}', /entry named “__proto__”, which is not allowed/],
      [
        'constructor.json',
        '{"format":"reserve-radar-export","version":1,"exportedAt":"2026-11-25T00:00:00Z","holdings":[{"constructor":{"prototype":{"x":1}}}],"addresses":[],"history":[]}',
        /not allowed/,
      ],
      [
        'wrong-types.json',
        '{"format":"reserve-radar-export","version":1,"exportedAt":"2026-11-25T00:00:00Z","holdings":[{"id":"x","kind":"asset","custodian":"binance","asset":"BTC","amount":"lots","updatedAt":0}],"addresses":[],"history":[]}',
        /not valid: “Amount” in holding 1\./,
      ],
      ['not-json.json', '{"format": "reserve-radar-export", ', /not valid JSON/],
      ['huge.json', `{"format":"reserve-radar-export","pad":"${'x'.repeat(2_100_000)}"}`, /larger than 2 MB/],
    ];
    for (const [name, text, reason] of files) {
      await options.getByTestId('data-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      const message = options.getByTestId('data-import-message');
      await expect.poll(() => message.textContent()).toMatch(reason);
      await expect.poll(() => message.textContent()).toMatch(/^Nothing was changed\./);
      await expect.poll(() => message.getAttribute('role')).toBe('alert');
      expect(await stored()).toBe(before);
      // Nothing reached the page's object prototype either.
      expect(await options.evaluate(() => (({}) as Record<string, unknown>).polluted === undefined)).toBe(true);
    }
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(2);
  });

  test('export, then import the same file: a summary, and the same holdings and warning list; a card snooze whose time has passed is neither exported nor imported', async () => {
    // A warning list subscribed in the page, as the user does.
    await options.getByTestId('list-url').fill(LIST_URL);
    await options.getByTestId('list-signer').fill(ANVIL_SIGNER_0);
    await options.getByTestId('list-add').click();
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    // Binance's card hidden for two seconds, Kraken's for a day: storage changes nothing when Binance's time passes.
    const now = Date.now();
    const kraken = { until: 'time', endsAt: now + 86_400_000 };
    const settings = JSON.parse(await stored()).settings ?? {};
    await browser.worker.evaluate((next) => chrome.storage.local.set({ settings: next }), { ...settings, snoozes: { binance: { until: 'time', endsAt: now + 2_000 }, kraken } });
    await expect.poll(async () => JSON.parse(await stored()).settings?.snoozes).toEqual({ binance: { until: 'time', endsAt: now + 2_000 }, kraken });
    await options.waitForTimeout(Math.max(0, now + 2_500 - Date.now()));
    const download = options.waitForEvent('download');
    await options.getByTestId('data-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^reserve-radar-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await file.path())!, 'utf8');
    const parsed = JSON.parse(text) as { format: string; holdings: unknown[]; settings: { snoozes: object }; warningLists: unknown };
    expect(parsed.format).toBe('reserve-radar-export');
    expect(parsed.holdings).toHaveLength(2);
    expect(parsed.settings.snoozes).toEqual({ kraken });
    expect(parsed.warningLists).toEqual([{ url: LIST_URL, expectedSigner: ANVIL_SIGNER_0 }]);
    expect(await options.getByTestId('data-export-message').count()).toBe(0);
    const before = JSON.parse(await stored()).holdings;
    // As in a browser without the list: the import adds it again.
    await browser.worker.evaluate(() => chrome.storage.local.set({ warningSubscriptions: [] }));
    await expect.poll(() => options.getByTestId('subscription').count()).toBe(0);
    // The same file with a snooze long over, as an older version exported it: importing it does not hide Binance's card again.
    // Its history also holds two days the user valued before (user data, not a price): the recorded prices are too old to
    // make a point in any run, so this is how a drawn line is checked in a real browser.
    const earlier = [
      { day: '2026-10-05', selfShare: 0.25 },
      { day: '2026-10-06', selfShare: 0.5 },
    ];
    const history = [...earlier, ...(parsed as unknown as { history: unknown[] }).history];
    const older = JSON.stringify({ ...parsed, history, settings: { ...parsed.settings, snoozes: { ...parsed.settings.snoozes, binance: { until: 'time', endsAt: now - 86_400_000 } } } });
    await options.getByTestId('data-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    await expect.poll(() => options.getByTestId('data-import-message').textContent()).toBe('Imported 2 holdings, 0 watched addresses and 2 days of history. Added 1 warning list.');
    expect(await options.getByTestId('data-import-message').getAttribute('role')).toBe('status');
    expect(JSON.parse(await stored()).holdings).toEqual({ ...before, history });
    const held = (await browser.worker.evaluate(() => chrome.storage.local.get('warningSubscriptions'))).warningSubscriptions as { url: string; expectedSigner: string }[];
    expect(held.map(({ url, expectedSigner }) => ({ url, expectedSigner }))).toEqual([{ url: LIST_URL, expectedSigner: ANVIL_SIGNER_0 }]);
    // Its host was allowed before: it is checked at once.
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    expect(JSON.parse(await stored()).settings.snoozes).toEqual({ kraken });

    // The line is drawn from the two days, on the options page and in the popup (today's point, on old prices, is a gap).
    const shares = history.map((point) => (point as { selfShare: number | null }).selfShare);
    const chart = options.getByTestId('holdings').getByTestId('sparkline-path');
    await expect.poll(() => chart.getAttribute('d')).toBe(sparklinePath(shares, 240, 40));
    expect(sparklinePath(shares, 240, 40)).toMatch(/^M0,[\d.]+L/);
    expect((await chart.boundingBox())?.width).toBeGreaterThan(50);
    await expect.poll(() => options.getByTestId('holdings').getByTestId('sparkline-text').textContent()).toContain('2 days');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await activeTabId(browser.worker)}`);
    const mini = popup.getByTestId('holdings-mini').getByTestId('sparkline-path');
    await expect.poll(() => mini.getAttribute('d')).toBe(sparklinePath(shares, 120, 24));
    expect((await mini.boundingBox())?.width).toBeGreaterThan(25);
    await popup.close();
  });

  test('the holdings sections pass axe, light and dark, and work from the keyboard', async () => {
    const sections = ['[data-testid="holdings"]', '[data-testid="reminders"]', '[data-testid="holdings-data"]'];
    expect(await axeProblems(options, sections)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeProblems(options, sections)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
    // An invalid watched address gets a clear error, reached and fixed by keyboard.
    await options.getByTestId('address-input').focus();
    await options.keyboard.type('0x1234');
    await options.keyboard.press('Enter');
    await expect.poll(() => options.getByTestId('address-error').textContent()).toMatch(/not an EVM address/);
    await expect.poll(() => options.getByTestId('address-input').getAttribute('aria-invalid')).toBe('true');
  });

  test('a reminder chosen without the notifications permission: no alarm, and the page says so', async () => {
    const settings = JSON.parse(await stored()).settings ?? {};
    await browser.worker.evaluate((next) => chrome.storage.local.set({ settings: next }), { ...settings, reminders: { monthlyDay: 3, proofOfKeysDay: true } });
    await options.reload();
    await options.getByTestId('reminders').waitFor();
    await expect.poll(() => options.getByTestId('reminder-pok').isChecked()).toBe(true);
    await expect.poll(() => options.getByTestId('reminders-no-permission').textContent()).toBe('Without the notifications permission there are no reminders.');
    await options.waitForTimeout(300);
    const alarms = await browser.worker.evaluate(() => chrome.alarms.getAll().then((all) => all.map((alarm) => alarm.name)));
    expect(alarms).toContain('holdings-refresh');
    expect(alarms).not.toContain('holdings-reminder');
  });

  test('delete everything asks first, then empties local storage and the open tabs kept for the session; an open exchange tab keeps its card', async () => {
    const exchange = await browser.context.newPage();
    await exchange.goto('https://www.binance.com/en/my/wallet/account/main');
    await shadowUi(exchange).waitFor('pill-toggle');
    const tabId = await activeTabId(browser.worker);
    const session = async () => JSON.stringify(await browser.worker.evaluate(() => chrome.storage.session.get(null)));
    await expect.poll(session).toContain('www.binance.com/en/my/wallet');
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-cancel').click();
    expect(JSON.parse(await stored()).holdings?.holdings).toHaveLength(2);
    await options.getByTestId('delete-everything').click();
    await options.getByTestId('delete-confirm').click();
    await options.getByTestId('delete-done').waitFor();
    expect(await browser.worker.evaluate(() => chrome.storage.local.get(['holdings', 'priceTable', 'settings', 'addressBook']))).toEqual({});
    await expect.poll(() => options.getByTestId('holding-row').count()).toBe(0);
    await expect.poll(() => options.getByTestId('holdings').textContent()).toContain('Nothing recorded yet.');
    // The tab's address, its state and its badge's meaning are gone with the rest.
    expect(await session()).not.toContain('binance');
    // The tab is still open on Binance: the popup asks our script there where it is, and shows Binance's card.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('exchange-card').getByRole('heading', { level: 1 }).textContent()).toBe('Binance');
    await popup.close();
    await exchange.close();
  });

  test('a save the browser refuses is said in plain words, and what was typed stays in the form', async () => {
    const refusing = await browser.context.newPage();
    // The browser's storage refuses the holdings write, as it does when its quota is full.
    await refusing.addInitScript(() => {
      const area = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local;
      const set = area.set.bind(area);
      (globalThis as unknown as { refuseHoldings: boolean }).refuseHoldings = true;
      area.set = (items: object) =>
        (globalThis as unknown as { refuseHoldings: boolean }).refuseHoldings && 'holdings' in items ? Promise.reject(new Error('QUOTA_BYTES quota exceeded')) : set(items);
    });
    await refusing.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await refusing.getByTestId('holdings').waitFor();
    await refusing.getByTestId('holding-custodian').selectOption('self');
    await refusing.getByTestId('holding-asset').fill('BTC');
    await refusing.getByTestId('holding-amount').fill('0.5');
    await refusing.getByTestId('holding-submit').click();
    await expect.poll(() => refusing.getByTestId('holdings-error').textContent()).toBe('Your holdings could not be saved. What you typed is still here: try again.');
    await expect.poll(() => refusing.getByTestId('holding-asset').inputValue()).toBe('BTC');
    await expect.poll(() => refusing.getByTestId('holding-amount').inputValue()).toBe('0.5');
    expect(JSON.parse(await stored()).holdings?.holdings ?? []).toHaveLength(0);
    // Once the browser takes the write again, the same press saves it and the words go.
    await refusing.evaluate(() => {
      (globalThis as unknown as { refuseHoldings: boolean }).refuseHoldings = false;
    });
    await refusing.getByTestId('holding-submit').click();
    await expect.poll(() => refusing.getByTestId('holding-row').count()).toBe(1);
    await expect.poll(() => refusing.getByTestId('holdings-error').count()).toBe(0);
    await expect.poll(() => refusing.getByTestId('holding-amount').inputValue()).toBe('');
    await refusing.close();
  });
});
