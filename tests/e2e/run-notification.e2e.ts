import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signWarningList } from '../../lib/community/sign-warning-list';
import { allowSiteInChromium, grantedChromeBuild, launchChromium, type ChromiumExtension } from './harness';
import { cexsWithRunOnBinance } from './run-cexs';

/**
 * The run alert's system notification in real Chromium, in German: a routed `/cexs` answer with a
 * run on Binance, held back until the worker records what `notifications.create` is given (the
 * notification's text cannot be read back from Chrome). Built with `notifications` granted at
 * install (`grantedChromeBuild`), as run-alert.e2e.ts explains.
 */

declare const chrome: {
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  notifications: { create(...args: unknown[]): Promise<string> };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
};

describe('run notification in Chromium', () => {
  let browser: ChromiumExtension;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    const body = cexsWithRunOnBinance();
    await browser.context.route('https://api.llama.fi/**', async (route) => {
      if (new URL(route.request().url()).pathname !== '/cexs') return route.fulfill({ status: 404, body: '' });
      await held;
      return route.fulfill({ status: 200, contentType: 'application/json', body });
    });
    await browser.context.route('https://coins.llama.fi/**', (route) => route.fulfill({ status: 404, body: '' }));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("names the figures' source host and the moment they describe, in the user's language", async () => {
    await browser.worker.evaluate(async () => {
      const recorded: string[] = [];
      (globalThis as { recordedNotifications?: string[] }).recordedNotifications = recorded;
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (...args: unknown[]) => {
        recorded.push(JSON.stringify(args[1]));
        return create(...args);
      };
      await chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'binance', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
        settings: { runAlertNotifications: true, language: 'de' },
      });
    });
    release();
    const notes = () => browser.worker.evaluate(() => (globalThis as { recordedNotifications?: string[] }).recordedNotifications ?? []);
    await expect.poll(async () => (await notes()).length, { timeout: 30_000 }).toBe(1);
    const { title, message } = JSON.parse((await notes())[0]!) as { title: string; message: string };
    expect(title).toBe('Geld fließt schnell von Binance ab');
    // The reading's time as the pages write it: German date and time on the reader's clock, no "UTC".
    expect(message).toMatch(/^Klick öffnet den Auszahlungsassistenten\. .* Zahlen von api\.llama\.fi, Stand \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\.$/);
  });
});

/** Anvil's well-known test key #0 (never a real maintainer's), as warnings.e2e.ts signs its lists. */
const TEST_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const TEST_SIGNER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const LIST_URL = 'https://lists.example.org/radar.json';

describe('a run alert a warning list raised, in Chromium', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium({ build: grantedChromeBuild });
    const list = {
      name: 'E2E test list',
      sequence: 2,
      issued: '2026-01-01T00:00:00Z',
      expires: '2099-01-01T00:00:00Z',
      entries: [
        {
          exchange: 'kraken',
          severity: 'danger',
          title: 'Withdrawals halted, test warning',
          body: 'A test warning, shown only in this end-to-end run.',
          sources: ['https://www.example.org/warning-source'],
          published: '2026-01-01T00:00:00Z',
          expires: '2099-01-01T00:00:00Z',
        },
      ],
    };
    const body = JSON.stringify((await signWarningList({ list, privateKey: TEST_KEY })).envelope);
    await browser.context.route(LIST_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body }));
    // The user's "Allow" to the access the subscribe click asks for (headless Chromium draws no prompt).
    await allowSiteInChromium(browser, 'https://lists.example.org/*');
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a notification that fails still leaves the alert stored and the badge red; the next one says the list, not money leaving', async () => {
    await browser.worker.evaluate(async () => {
      const recorded: string[] = [];
      (globalThis as { recordedNotifications?: string[] }).recordedNotifications = recorded;
      const create = chrome.notifications.create.bind(chrome.notifications);
      // The first notification fails, as when the system refuses it.
      chrome.notifications.create = (...args: unknown[]) => {
        recorded.push(JSON.stringify(args[1]));
        return recorded.length === 1 ? Promise.reject(new Error('notifications unavailable (test)')) : create(...args);
      };
      await chrome.storage.local.set({
        holdings: { holdings: [{ id: 'h1', kind: 'asset', custodian: 'kraken', asset: 'ETH', amount: 2, updatedAt: Date.now() }], addresses: [], history: [] },
        settings: { runAlertNotifications: true, language: 'en' },
      });
    });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('list-url').fill(LIST_URL);
    await options.getByTestId('list-signer').fill(TEST_SIGNER);
    await options.getByTestId('list-add').click();
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    const notes = () => browser.worker.evaluate(() => (globalThis as { recordedNotifications?: string[] }).recordedNotifications ?? []);
    const stored = () => browser.worker.evaluate(async () => (await chrome.storage.local.get('runAlerts')).runAlerts as Record<string, { phase: string; notifiedAt?: string }> | undefined);

    await options.getByTestId('refresh-now').click();
    await expect.poll(async () => (await notes()).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await stored())?.kraken?.phase, { timeout: 10_000 }).toBe('alert');
    expect((await stored())?.kraken?.notifiedAt).toBeUndefined();
    // The badge and its tooltip are drawn after the states are stored (the tooltip in its own turn): waited for, not read once.
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('!');
    await expect.poll(() => browser.worker.evaluate(() => chrome.action.getTitle({})), { timeout: 10_000 }).toBe('Reserve Radar: Alert: a warning list flags Kraken');

    // The next refresh tries again, and this time it goes out.
    await options.getByTestId('refresh-now').click();
    await expect.poll(async () => (await notes()).length, { timeout: 30_000 }).toBe(2);
    const { title, message } = JSON.parse((await notes())[1]!) as { title: string; message: string };
    expect(title).toBe('A warning list flags Kraken');
    expect(message).toBe('Click for the withdrawal guide. Warning list “E2E test list”: Withdrawals halted, test warning (listed since Jan 1, 2026; source: example.org).');
    await expect.poll(async () => (await stored())?.kraken?.notifiedAt, { timeout: 10_000 }).toBeDefined();
  });
});
