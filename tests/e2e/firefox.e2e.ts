import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fakeExchangeHtml, firefoxBuild, requireFirefox } from './harness';

const HOSTS = ['www.binance.com', 'www.example.org'];

/** A throwaway self-signed certificate for the stand-in hosts; Firefox is told to accept it (acceptInsecureCerts). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'radar-cert-'));
  try {
    const config = join(dir, 'openssl.cnf');
    writeFileSync(config, `[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=${HOSTS[0]}\n[ext]\nsubjectAltName=${HOSTS.map((host) => `DNS:${host}`).join(',')}\n`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { result: { type: string; value?: unknown; sharedId?: string } } }>;
}

/**
 * The text of `testId` inside the closed shadow root of `hostTag`, read over WebDriver BiDi:
 * with `includeShadowTree: 'all'` the browser hands the test a reference to closed roots too,
 * which a page script never gets. `null` when there is no such element.
 */
async function closedRootText(browser: Browser, page: Page, hostTag: string, testId: string): Promise<{ mode: unknown; text: unknown } | null> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const host = await connection.send('script.evaluate', {
    expression: `document.querySelector(${JSON.stringify(hostTag)})`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string; value?: { mode?: string } } } | undefined)?.shadowRoot;
  if (shadow === undefined || shadow === null) return null;
  const text = await connection.send('script.callFunction', {
    functionDeclaration: '(root, selector) => root.querySelector(selector)?.textContent ?? null',
    arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: `[data-testid="${testId}"]` }],
    target: { context },
    awaitPromise: false,
  });
  return { mode: shadow.value?.mode, text: text.result.result.value ?? null };
}

/**
 * Firefox resolves the exchange's hostname to this machine (`network.dns.localDomains`) and a
 * local HTTPS server on port 443 plays the exchange, so the content script (HTTPS only) runs as
 * it would there.
 */
describe('Firefox with the built extension', () => {
  let browser: Browser;
  let site: Server;

  beforeAll(async () => {
    const executablePath = requireFirefox();
    site = createServer(selfSignedCertificate(), (request, response) => {
      const host = request.headers.host ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fakeExchangeHtml(host === 'www.binance.com' ? 'Binance — stand-in' : `${host} — not an exchange`));
    });
    await new Promise<void>((resolve, reject) => {
      site.once('error', reject);
      site.listen(443, '127.0.0.1', () => resolve());
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: { 'network.dns.localDomains': HOSTS.join(',') },
    });
    await browser.installExtension(firefoxBuild);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (site === undefined ? resolve() : site.close(() => resolve())));
  });

  test('shows the pill with the exchange name on binance.com, in a root closed to the page', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.binance.com/en/trade/BTC_USDT');
    let pill: Awaited<ReturnType<typeof closedRootText>> = null;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
      pill = await closedRootText(browser, page, 'reserve-radar-pill', 'pill-name');
      if (pill?.text) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(pill).toEqual({ mode: 'closed', text: 'Binance' });
    // The page itself sees an element and nothing in it.
    expect(await page.evaluate(() => {
      const host = document.querySelector('reserve-radar-pill');
      return { present: host !== null, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? null };
    })).toEqual({ present: true, shadowRoot: null, text: '' });
    await page.close();
  });

  test('injects nothing on a page that is not an exchange', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.example.org/');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(() => document.querySelector('reserve-radar-pill') === null)).toBe(true);
    await page.close();
  });
});
