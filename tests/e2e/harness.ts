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
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

export const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, process.env.RADAR_OUT_DIR ?? '.output');
export const chromeBuild = join(outDir, 'chrome-mv3');
export const firefoxBuild = join(outDir, 'firefox-mv2');
/**
 * The Chrome build with `notifications` granted at install (`npm run build:test` makes it with
 * RADAR_GRANT_NOTIFICATIONS=1): headless Chromium cannot answer the optional permission's prompt.
 */
export const grantedChromeBuild = join(outDir, 'notifications-granted', 'chrome-mv3');
export const screenshotsDir = join(root, 'docs/screenshots');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function requireFile(path: string, what: string, fix: string): void {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}. ${fix}`);
}

export function requireChromium(build = chromeBuild): string {
  requireFile(chromiumPath, 'Chromium', 'Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).');
  requireFile(join(build, 'manifest.json'), 'The Chrome build', build === chromeBuild ? 'Run: npm run build' : 'Run: npm run build:test');
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

export async function launchChromium(options: { colorScheme?: 'light' | 'dark'; build?: string } = {}): Promise<ChromiumExtension> {
  const build = options.build ?? chromeBuild;
  const executablePath = requireChromium(build);
  const userDataDir = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--headless=new',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
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

/**
 * Where the collapsed pill sits on `origin`, learned from an ordinary load of a stand-in page; then
 * `origin` serves `html` instead, and a request to `/pill-appeared` (the page's own beacon for the
 * moment our element arrives) resolves `pillAppeared`. Leaves `page` on about:blank.
 */
export async function pillPlaceThenServe(context: BrowserContext, page: Page, origin: string, html: string): Promise<{ box: { x: number; y: number; width: number; height: number }; pillAppeared: Promise<void> }> {
  await routeSite(context, origin, fakeExchangeHtml(`${new URL(origin).hostname} — stand-in`));
  await page.goto(`${origin}/`);
  const box = await shadowUi(page).box('pill-toggle');
  await page.goto('about:blank');
  await context.unroute(`${origin}/**`);
  let appeared: () => void = () => undefined;
  const pillAppeared = new Promise<void>((resolve) => (appeared = resolve));
  await context.route(`${origin}/**`, (route) => {
    if (new URL(route.request().url()).pathname === '/pill-appeared') {
      appeared();
      return route.fulfill({ status: 204 });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  return { box, pillAppeared };
}

/** The extension's content-script world on `page` (Chromium's isolated world), for tests that act from inside it; detach `cdp` when done. */
export async function isolatedWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const world = contexts.find((context) => context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`);
  if (world === undefined) throw new Error('no isolated world of the extension on this page');
  return { cdp, contextId: world.id };
}

/** Serves `html` for every URL under `origin` (e.g. `https://www.binance.com`). */
export async function routeSite(context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, match: (node: CdpNode) => boolean): CdpNode | undefined {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument === undefined ? [] : [node.contentDocument])]) {
    const found = findNode(child, match);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Runs `fn` on the shadow root of the first `hostTag` element, reached the way DevTools reaches
 * it (DOM.getDocument with pierce: true sees closed roots too), so the tests can look inside
 * what a page script cannot. `fn` is serialised like a `page.evaluate` function; `null` when
 * there is no such element or root.
 */
export async function inShadow<T, A = undefined>(page: Page, hostTag: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findNode(root, (node) => node.localName === hostTag)?.shadowRoots?.[0];
    if (shadow === undefined) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails !== undefined) throw new Error(`inShadow: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The mode of the first `hostTag` element's shadow root as DevTools sees it ('closed', 'open'), or null. */
export async function shadowMode(page: Page, hostTag: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    return findNode(root, (node) => node.localName === hostTag)?.shadowRoots?.[0]?.shadowRootType ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** A bare word is a `data-testid`; anything else is a CSS selector. */
const byTestId = (testId: string) => (/^[a-z0-9-]+$/.test(testId) ? `[data-testid="${testId}"]` : testId);

/**
 * The extension's UI inside a closed shadow root on `page`, for the project's own tests: read
 * through the DevTools protocol, clicked with the real mouse and keyboard (trusted input, as a
 * user's), never with synthetic events, which the extension ignores.
 */
export function shadowUi(page: Page, hostTag = 'reserve-radar-pill') {
  const query = <T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A) => inShadow(page, hostTag, fn, arg);
  const ui = {
    /** Whether `selector` (or a `data-testid`) matches inside the root now. */
    async has(testIdOrSelector: string): Promise<boolean> {
      return (await query((root, sel) => root.querySelector(sel) !== null, byTestId(testIdOrSelector))) === true;
    },
    async waitFor(testIdOrSelector: string, { state = 'attached', timeout = 10_000 }: { state?: 'attached' | 'detached'; timeout?: number } = {}): Promise<void> {
      const deadline = Date.now() + timeout;
      for (;;) {
        if ((await ui.has(testIdOrSelector)) === (state === 'attached')) return;
        if (Date.now() > deadline) throw new Error(`shadowUi(${hostTag}): ${testIdOrSelector} not ${state} within ${timeout} ms`);
        await page.waitForTimeout(50);
      }
    },
    async text(testId: string): Promise<string | null> {
      return query((root, sel) => root.querySelector(sel)?.textContent ?? null, byTestId(testId));
    },
    async attribute(testId: string, name: string): Promise<string | null> {
      return query((root, [sel, attr]) => root.querySelector(sel)?.getAttribute(attr) ?? null, [byTestId(testId), name] as const);
    },
    /** Computed style values of the first match, for isolation checks. */
    async style(testIdOrSelector: string, properties: string[]): Promise<Record<string, string> | null> {
      const selector = byTestId(testIdOrSelector);
      return query(
        (root, [sel, props]) => {
          const element = root.querySelector(sel);
          if (element === null) return null;
          const style = getComputedStyle(element);
          return Object.fromEntries(props.map((prop) => [prop, style.getPropertyValue(prop)]));
        },
        [selector, properties] as const,
      );
    },
    /** The element's box in the viewport, for real mouse input. */
    async box(testId: string): Promise<{ x: number; y: number; width: number; height: number }> {
      await ui.waitFor(testId);
      const box = await query((root, sel) => {
        const rect = root.querySelector(sel)?.getBoundingClientRect();
        return rect === undefined ? null : { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }, byTestId(testId));
      if (box === null) throw new Error(`shadowUi(${hostTag}): no ${testId} to find`);
      return box;
    },
    /** A real (trusted) click in the middle of the element, scrolled into view first as Playwright's own click does. */
    async click(testId: string): Promise<void> {
      await ui.waitFor(testId);
      await query((root, sel) => root.querySelector(sel)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }), byTestId(testId));
      const box = await ui.box(testId);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    },
    /** Focus for the keyboard; the keys then come from `page.keyboard`, trusted. */
    async focus(testId: string): Promise<void> {
      await query((root, sel) => (root.querySelector(sel) as HTMLElement | null)?.focus(), byTestId(testId));
    },
    /** Any other look inside the root (serialised like a `page.evaluate` function). */
    evaluate<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T | null> {
      return query(fn, arg);
    },
    async activeTestId(): Promise<string | null> {
      return query((root) => root.activeElement?.getAttribute('data-testid') ?? null, undefined);
    },
  };
  return ui;
}

/** The text inside the pill's shadow root, or null when there is no pill. */
export async function pillText(page: Page): Promise<{ name: string; status: string } | null> {
  const pill = shadowUi(page);
  if (!(await pill.has('pill-name'))) return null;
  return { name: (await pill.text('pill-name')) ?? '', status: (await pill.text('pill-status')) ?? '' };
}

/**
 * A copy of a closed shadow root's nodes in an open root of a test-made element, so axe (which
 * reads open roots only) can check what the user sees: the same nodes and styles. Returns the
 * copy's selector; remove it with `removeOpenCopy`.
 */
export async function openCopyForAxe(page: Page, hostTag: string): Promise<string> {
  const copied = await inShadow(page, hostTag, (root) => {
    const copy = document.createElement('axe-open-copy');
    copy.setAttribute('style', 'position: fixed; inset: 0; width: 0; height: 0; display: block; overflow: visible;');
    const open = copy.attachShadow({ mode: 'open' });
    for (const node of root.childNodes) open.append(node.cloneNode(true));
    document.documentElement.append(copy);
    return true;
  });
  if (copied !== true) throw new Error(`openCopyForAxe: no ${hostTag} shadow root`);
  return 'axe-open-copy';
}

export async function removeOpenCopy(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('axe-open-copy')?.remove());
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

/**
 * Puts the extension's service worker to sleep, as a real first visit meets it (Chrome stops an
 * idle worker after about 30 s): `ServiceWorker.stopAllWorkers` on a page's DevTools session,
 * then waits until every worker reports "stopped". The page can be a blank tab about to be used.
 */
export async function stopServiceWorker(page: Page, timeoutMs = 10_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const status = new Map<string, string>();
    let resolveStopped: () => void = () => undefined;
    const stopped = new Promise<void>((resolvePromise) => (resolveStopped = resolvePromise));
    let asked = false;
    const check = () => {
      if (asked && [...status.values()].every((running) => running === 'stopped')) resolveStopped();
    };
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) status.set(version.versionId, version.runningStatus);
      check();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    asked = true;
    check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`service worker not stopped within ${timeoutMs} ms: ${JSON.stringify([...status])}`)), timeoutMs)));
    await Promise.race([stopped, timedOut]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
