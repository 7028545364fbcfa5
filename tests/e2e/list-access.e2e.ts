import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signWarningList } from '../../lib/community/sign-warning-list';
import { allowSiteInChromium, launchChromium, launchFirefox, startHttpsSite, type ChromiumExtension, type FirefoxExtension, until } from './harness';

/**
 * A warning list is read with the access to its host that the subscribe click asked for: the list
 * host, a real HTTPS server on this machine, needs no CORS headers, and never learns Firefox's
 * per-install address (a CORS request would carry it as `Origin: moz-extension://<uuid>`).
 */

/** Anvil's well-known test key #0: anyone can sign as it, so it only ever signs test lists. */
const TEST_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const TEST_SIGNER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const HOSTS = ['lists.example.org'];
const LIST_URL = 'https://lists.example.org/radar.json';
const ACCESS = "{ origins: ['https://lists.example.org/*'] }";
const testId = (id: string) => `[data-testid="${id}"]`;

async function signedList(): Promise<string> {
  const list = { name: 'Test list', sequence: 1, issued: '2026-01-01T00:00:00Z', expires: '2099-01-01T00:00:00Z', entries: [] };
  return JSON.stringify((await signWarningList({ list, privateKey: TEST_KEY })).envelope);
}

describe('Chromium: a list host that sends no CORS headers', () => {
  let browser: ChromiumExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  const origins: (string | undefined)[] = [];

  beforeAll(async () => {
    const body = await signedList();
    site = await startHttpsSite(HOSTS, (request, response) => {
      origins.push(request.headers.origin);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
    browser = await launchChromium({ args: ['--host-resolver-rules=MAP lists.example.org 127.0.0.1', '--ignore-certificate-errors'] });
    // To the server above, not to a routed answer: Chromium applies no CORS check to an answer the test fulfills.
    await browser.context.route(LIST_URL, (route) => route.continue());
    // The user's "Allow" to the access the subscribe click asks for (headless Chromium draws no prompt).
    await allowSiteInChromium(browser, 'https://lists.example.org/*');
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('is read and verified, and gets no Origin header', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('list-url').fill(LIST_URL);
    await options.getByTestId('list-signer').fill(TEST_SIGNER);
    await options.getByTestId('list-add').click();
    await options.locator('[data-testid="subscription"][data-health="ok"]').waitFor();
    expect(origins.length).toBeGreaterThan(0);
    expect(origins).toEqual(origins.map(() => undefined));
    await options.close();
  });
});

describe('Firefox: a warning list host learns nothing about the install', () => {
  let firefox: FirefoxExtension;
  let site: Awaited<ReturnType<typeof startHttpsSite>>;
  /** The Origin header of each request the list host got (undefined: none sent). */
  const origins: (string | undefined)[] = [];

  beforeAll(async () => {
    const body = await signedList();
    site = await startHttpsSite(HOSTS, (request, response) => {
      origins.push(request.headers.origin);
      // CORS allowed, so that without the access the list would verify too, and only the header tells.
      // (Firefox answers the permission request itself with prompts off, as the user's "Allow".)
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(body);
    });
    firefox = await launchFirefox({ hosts: HOSTS, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  /** Fills the subscribe form and clicks Add (a real click: Firefox asks for an access only during one). */
  async function subscribeInOptions(options: Awaited<ReturnType<FirefoxExtension['openPage']>>): Promise<void> {
    await options.waitForSelector(testId('list-url'));
    for (const [id, value] of [
      ['list-url', LIST_URL],
      ['list-signer', TEST_SIGNER],
    ] as const) {
      await options.$eval(
        testId(id),
        (input, next) => {
          (input as HTMLInputElement).value = next;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        value,
      );
    }
    await options.click(testId('list-add'));
  }

  test('subscribing in the options page asks for the list host alone; the host gets no Origin header; unsubscribing gives the access back', async () => {
    const options = await firefox.openPage('/options.html');
    await subscribeInOptions(options);
    expect(await until(() => options.$eval(testId('subscription'), (row) => row.getAttribute('data-health')), 'ok', 20_000)).toBe('ok');
    expect(origins.length).toBeGreaterThan(0);
    expect(origins).toEqual(origins.map(() => undefined));
    expect(await firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`)).toBe(true);
    // Not all sites: the access asked for is the list host's only.
    expect(await firefox.inExtension<boolean>("browser.permissions.contains({ origins: ['*://*/*'] })")).toBe(false);

    await options.click('[data-testid="subscription"] button[data-remove]');
    expect(await until(() => firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`), false, 20_000)).toBe(false);
    await options.close();
  });

  test('a list whose access was taken away says so in the popup and above the lists; its Allow button asks at the click and the list is checked again', async () => {
    const options = await firefox.openPage('/options.html');
    await subscribeInOptions(options);
    await expect.poll(() => options.$eval(testId('subscription'), (row) => row.getAttribute('data-health')).catch(() => undefined), { timeout: 20_000 }).toBe('ok');
    // As for a subscriber from before each list was read with its host's access, or one who took it away.
    expect(await firefox.inExtension<boolean>(`browser.permissions.remove(${ACCESS})`)).toBe(true);
    await options.close();

    const popup = await firefox.openPage('/popup.html');
    await expect
      .poll(() => popup.$eval(testId('popup-lists-not-checked'), (notice) => notice.querySelector('p')?.textContent).catch(() => undefined), { timeout: 20_000 })
      .toBe('1 warning list is not being checked: Reserve Radar may not read its site, so new warnings from it do not reach you.');
    await popup.close();

    const again = await firefox.openPage('/options.html');
    await expect.poll(() => again.$eval(testId('lists-not-checked'), (notice) => notice.textContent).catch(() => undefined), { timeout: 20_000 }).toMatch(/^1 warning list is not being checked/);
    expect(await again.$eval(testId('subscription'), (row) => row.getAttribute('data-health'))).toBe('failing');
    await again.click(testId('list-allow'));
    await expect.poll(() => firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => again.$eval(testId('subscription'), (row) => row.getAttribute('data-health')).catch(() => undefined), { timeout: 20_000 }).toBe('ok');
    expect(await again.$(testId('lists-not-checked'))).toBeNull();

    await again.click('[data-testid="subscription"] button[data-remove]');
    await expect.poll(() => firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`), { timeout: 20_000 }).toBe(false);
    await again.close();
  });

  test('Reset gives back the list host with the subscriptions (Firefox keeps it when only the access to all sites goes)', async () => {
    const options = await firefox.openPage('/options.html');
    await subscribeInOptions(options);
    await expect.poll(() => options.$eval(testId('subscription'), (row) => row.getAttribute('data-health')).catch(() => undefined), { timeout: 20_000 }).toBe('ok');
    expect(await firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`)).toBe(true);
    await options.click(testId('reset'));
    await options.waitForSelector(testId('reset-confirm'));
    await options.click(testId('reset-confirm'));
    await expect.poll(() => firefox.inExtension<boolean>(`browser.permissions.contains(${ACCESS})`), { timeout: 20_000 }).toBe(false);
    await expect.poll(() => options.$$eval(testId('subscription'), (rows) => rows.length), { timeout: 20_000 }).toBe(0);
    await options.close();
  });
});
