/**
 * Shared set-up for the real-browser tests: Debian's Chromium driven by playwright-core with
 * the built `.output/chrome-mv3`, and Debian's Firefox ESR driven by puppeteer-core with the
 * built `.output/firefox-mv2` installed as a temporary add-on. A missing browser or build
 * fails the run with the command that fixes it; nothing is skipped quietly.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env.RADAR_OUT_DIR ?? '.output');
export const chromeBuild = join(outDir, 'chrome-mv3');
export const firefoxBuild = join(outDir, 'firefox-mv2');
export const screenshotsDir = join(root, 'docs/screenshots');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export function requireChromium(): string {
  requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  requireFile(join(chromeBuild, 'manifest.json'), 'The Chrome build', 'Run: npm run build');
  return chromiumPath;
}

export function requireFirefox(): string {
  requireFile(firefoxPath, 'Firefox', 'Install it with: apt-get install -y firefox-esr (or set FIREFOX_PATH).');
  requireFile(join(firefoxBuild, 'manifest.json'), 'The Firefox build', 'Run: npm run build:firefox');
  return firefoxPath;
}

/** The content scripts the built Chrome manifest declares (WXT's output plus the wxt.config.ts hook). */
export function builtContentScripts(): { js?: string[]; run_at?: string }[] {
  requireChromium();
  const manifest = JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; run_at?: string }[] };
  return manifest.content_scripts ?? [];
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotsDir, { recursive: true });
  return join(screenshotsDir, name);
}

/** A page that looks enough like an exchange for the content script: the script reads only the URL. */
export function fakeExchangeHtml(title: string, body = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui;margin:0;padding:24px;background:#f5f5f5;color:#222}header{font-weight:700;font-size:22px}</style></head>
<body><header>${title}</header><p>Stand-in page served by the test.</p>${body}</body></html>`;
}

export interface ChromiumExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request the browser made, for privacy assertions. */
  requests: string[];
  close(): Promise<void>;
}

export async function launchChromium(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<ChromiumExtension> {
  const executablePath = requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--headless=new',
      `--disable-extensions-except=${chromeBuild}`,
      `--load-extension=${chromeBuild}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Nothing leaves the machine: whatever a test does not route explicitly is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    requests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Presses "Refresh now" on an open options page and reads one source's row when it is done: its
 * status and its words (the last error, in plain words). Reloads the page for the next call.
 */
export async function refreshSource(options: Page, source: string): Promise<{ status: string | null; text: string }> {
  await options.getByTestId('refresh-now').click();
  await options.getByTestId('options-notice').filter({ hasText: /\S/ }).waitFor();
  const row = options.locator(`[data-testid="source-row"][data-source="${source}"]`);
  const result = { status: await row.getAttribute('data-status'), text: (await row.textContent()) ?? '' };
  await options.reload();
  await options.getByTestId('sources').waitFor();
  return result;
}

/** Serves `html` for every URL under `origin` (e.g. `https://www.binance.com`). */
export async function routeSite(context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

/** The text inside the pill's shadow root, or null when there is no pill. */
export async function pillText(page: Page): Promise<{ name: string; status: string } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('reserve-radar-pill');
    const shadow = host?.shadowRoot;
    if (!shadow) return null;
    if (!shadow.querySelector('[data-testid="pill-name"]')) return null;
    return {
      name: shadow.querySelector('[data-testid="pill-name"]')?.textContent ?? '',
      status: shadow.querySelector('[data-testid="pill-status"]')?.textContent ?? '',
    };
  });
}

/** The slice of the extension API the tests call inside the service worker. */
declare const chrome: { tabs: { query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> } };

/** The id of the active tab, as the extension sees it. */
export async function activeTabId(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

export async function startHttpServer(listener: RequestListener, port = 0, host = '127.0.0.1'): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())),
  };
}
