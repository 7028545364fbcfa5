/**
 * Shared set-up for the real-browser tests: Debian's Chromium driven by playwright-core with
 * the built `.output/chrome-mv3`, and Debian's Firefox ESR driven by puppeteer-core with the
 * built `.output/firefox-mv2` installed as a temporary add-on. A missing browser or build
 * fails the run with the command that fixes it; nothing is skipped quietly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';

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

export interface LaunchChromiumOptions {
  colorScheme?: 'light' | 'dark';
  /**
   * The install opens the welcome page in a tab of its own (entrypoints/background/install.ts).
   * Closed before the test starts unless kept; either way the launch waits for it.
   */
  keepWelcome?: boolean;
  /** Another copy of the Chrome build to load (a test that updates it in place). */
  extensionDir?: string;
  /** Another built Chrome extension folder (the benchmark compares two builds side by side). */
  build?: string;
  /** More command-line switches. */
  args?: string[];
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumExtension> {
  const build = options.build ?? chromeBuild;
  const executablePath = requireChromium(build);
  const userDataDir = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--headless=new',
      `--disable-extensions-except=${options.extensionDir ?? build}`,
      `--load-extension=${options.extensionDir ?? build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Nothing leaves the machine: whatever a test does not route explicitly is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const welcome = await welcomePage(context, extensionId);
  if (options.keepWelcome !== true) await welcome.close();
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

/** The welcome tab the first install opened, once it is there. */
export async function welcomePage(context: BrowserContext, extensionId: string, timeoutMs = 15_000): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  for (const deadline = Date.now() + timeoutMs; ; ) {
    const page = context.pages().find((candidate) => candidate.url() === url);
    if (page !== undefined) return page;
    if (Date.now() > deadline)
      throw new Error(
        `The install opened no welcome tab within ${timeoutMs} ms; tabs: ${context
          .pages()
          .map((candidate) => candidate.url())
          .join(', ')}`,
      );
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

/**
 * A click on the extension's toolbar button for `page`'s tab, as the user makes it: the browser
 * grants activeTab for that tab and opens the popup. Returns the popup's text once `ready`
 * (a CSS selector) is in it, and every address the popup fetched. Chromium's DevTools protocol does the click (`Extensions.triggerAction`);
 * the popup is a target of its own, read over the browser's session.
 */
export async function clickToolbarButton(extension: ChromiumExtension, page: Page, ready: string, timeoutMs = 15_000): Promise<{ text: string; fetched: string[] }> {
  const browser = extension.context.browser();
  if (browser === null) throw new Error('clickToolbarButton: no browser session for this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const targets = async (type: string) =>
      ((await cdp.send('Target.getTargets', { filter: [{ type }] } as never)) as unknown as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos;
    const tab = (await targets('tab')).find((target) => target.url === page.url());
    if (tab === undefined) throw new Error(`clickToolbarButton: no tab at ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as never, { id: extension.extensionId, targetId: tab.targetId } as never);
    const popupUrl = `chrome-extension://${extension.extensionId}/popup.html`;
    let popup: { targetId: string } | undefined;
    for (const deadline = Date.now() + timeoutMs; popup === undefined; ) {
      popup = (await targets('page')).find((target) => target.url === popupUrl);
      if (popup === undefined && Date.now() > deadline) throw new Error('clickToolbarButton: the popup did not open');
      if (popup === undefined) await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
    }
    // The popup's own session, spoken to through the browser's (Target.sendMessageToTarget).
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false })) as { sessionId: string };
    let nextId = 0;
    const answers = new Map<number, (value: unknown) => void>();
    cdp.on(
      'Target.receivedMessageFromTarget' as never,
      ((event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (event.sessionId === sessionId && message.id !== undefined) answers.get(message.id)?.(message.result?.result?.value);
      }) as never,
    );
    const evaluate = async (expression: string): Promise<unknown> => {
      nextId += 1;
      const answer = new Promise<unknown>((resolvePromise) => answers.set(nextId, resolvePromise));
      await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: nextId, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) } as never);
      return answer;
    };
    for (const deadline = Date.now() + timeoutMs; ; ) {
      if ((await evaluate(`document.querySelector(${JSON.stringify(ready)}) !== null`)) === true) {
        return { text: String(await evaluate('document.body.innerText')), fetched: (await evaluate("performance.getEntriesByType('resource').map((entry) => entry.name)")) as string[] };
      }
      if (Date.now() > deadline) throw new Error(`clickToolbarButton: ${ready} not in the popup within ${timeoutMs} ms: ${String(await evaluate('document.body.innerText'))}`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
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
export async function pillPlaceThenServe(
  context: BrowserContext,
  page: Page,
  origin: string,
  html: string,
): Promise<{ box: { x: number; y: number; width: number; height: number }; pillAppeared: Promise<void> }> {
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
    // In <body>: axe finds the backgrounds behind text among body's boxes only (outside it, every contrast check is "incomplete").
    document.body.append(copy);
    return true;
  });
  if (copied !== true) throw new Error(`openCopyForAxe: no ${hostTag} shadow root`);
  return 'axe-open-copy';
}

export async function removeOpenCopy(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('axe-open-copy')?.remove());
}

/**
 * What axe finds on `page` (only inside `include`, when given): every serious or critical
 * violation, and every colour-contrast check axe could not finish. axe reports contrast as
 * "incomplete" when it cannot decide (text and background of one colour, a pseudo-element, an
 * overlap, a gradient), and a 1:1 button is one of those: the project counts them as failures.
 * Each line names the rule, why, and the nodes.
 */
export async function axeProblems(page: Page, include: string | string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of typeof include === 'string' ? [include] : include) builder.include(selector);
  const results = await builder.analyze();
  const targets = (nodes: { target: unknown[] }[]) => nodes.map((node) => node.target.join(' ')).join(', ');
  return [
    ...results.violations.filter((rule) => rule.impact === 'serious' || rule.impact === 'critical').map((rule) => `${rule.id}: ${rule.help} (${targets(rule.nodes)})`),
    ...results.incomplete
      .filter((rule) => rule.id === 'color-contrast')
      .flatMap((rule) => rule.nodes.map((node) => `${rule.id} (incomplete): ${node.any[0]?.message ?? rule.help} (${node.target.join(' ')})`)),
  ];
}

/**
 * The WCAG contrast ratio of an element's text against the first opaque background behind it
 * (its own or an ancestor's), from the computed colours: the check axe leaves "incomplete" when
 * the two are equal. Background images are not looked at: the project's pages use none.
 */
export async function textContrast(element: Locator): Promise<{ ratio: number; color: string; background: string }> {
  return element.evaluate((node) => {
    const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = channels(css).map((value) => value / 255);
      const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const color = getComputedStyle(node).color;
    let background = 'rgb(255, 255, 255)';
    for (let at: Element | null = node; at !== null; at = at.parentElement) {
      const css = getComputedStyle(at).backgroundColor;
      const alpha = channels(css)[3];
      if (css !== 'transparent' && alpha !== 0) {
        background = css;
        break;
      }
    }
    const [light, dark] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
    return { ratio: (light + 0.05) / (dark + 0.05), color, background };
  });
}

/**
 * What a narrow screen cuts off on `page` (or only inside `within`), measured in the browser: a
 * page wider than its viewport (sideways scrolling), a box reaching past the viewport's edges (the
 * outermost one only), a box that clips or scrolls its content sideways, a placeholder or a chosen
 * option wider than its field. One line per problem. What users type into a field may scroll
 * inside it; that is not checked.
 */
export async function layoutProblems(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scope === undefined && scroller.scrollWidth > scroller.clientWidth) problems.push(`the page scrolls sideways: ${scroller.scrollWidth}px wide in ${scroller.clientWidth}px`);
    const name = (element: Element) => element.getAttribute('data-testid') ?? (element.id === '' ? `${element.localName}${[...element.classList].map((c) => `.${c}`).join('')}` : `#${element.id}`);
    const context = document.createElement('canvas').getContext('2d');
    const textWidth = (text: string, style: CSSStyleDeclaration) => {
      if (context === null) return 0;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(text).width;
    };
    const outside = new Set<Element>();
    const roots = scope === undefined ? [document.body] : [...document.querySelectorAll(scope)];
    for (const element of roots.flatMap((root) => [root, ...root.querySelectorAll('*')])) {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Not drawn, or drawn for screen readers only (.visually-hidden is 1 px).
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden') continue;
      if (rect.right > viewport + 0.5 || rect.left < -0.5) {
        outside.add(element);
        if (element.parentElement === null || !outside.has(element.parentElement))
          problems.push(`${name(element)} reaches outside the viewport (${Math.round(rect.left)} to ${Math.round(rect.right)} of ${viewport}px)`);
      }
      const field = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
      if (!field && style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1)
        problems.push(`${name(element)} cuts off its content sideways (${element.scrollWidth}px in ${element.clientWidth}px)`);
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (element instanceof HTMLInputElement && element.value === '' && element.placeholder !== '' && textWidth(element.placeholder, style) > room + 0.5) {
        problems.push(`${name(element)}: the placeholder “${element.placeholder}” is cut off (${Math.ceil(textWidth(element.placeholder, style))}px in ${Math.floor(room)}px)`);
      }
      // The arrow of a closed select takes about 20 px of its inside.
      const chosen = element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.textContent ?? '') : '';
      if (chosen !== '' && textWidth(chosen, style) > room - 20) problems.push(`${name(element)}: the chosen option “${chosen}” is cut off`);
    }
    return problems;
  }, within);
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

/**
 * A stand-in exchange page with its pill drawn, and the options page open at Data sources: the
 * setup of the tests that refresh a source and read what the tab and the options page show.
 */
export async function exchangeTabAndSources(browser: ChromiumExtension, { origin, path, name }: { origin: string; path: string; name: string }): Promise<{ tabId: number; options: Page }> {
  await routeSite(browser.context, origin, fakeExchangeHtml(`${name} — stand-in`));
  const page = await browser.context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => document.querySelector('reserve-radar-pill'));
  const tabId = await activeTabId(browser.worker);
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('sources').waitFor();
  return { tabId, options };
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

/**
 * What axe finds wrong on `page`: every violation, and every contrast check axe could not settle
 * ("incomplete"), which counts as a failure too: text over a colour axe cannot measure is text
 * nobody checked.
 */
export async function axeFailures(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const describe = (kind: string) => (rule: (typeof results.violations)[number]) =>
    `${kind} ${rule.id}: ${rule.help} (${rule.nodes.map((node) => `${node.target.join(' ')}${node.any[0]?.message === undefined ? '' : ` — ${node.any[0].message}`}`).join('; ')})`;
  return [...results.violations.map(describe('violation')), ...results.incomplete.filter((rule) => rule.id === 'color-contrast' || rule.id === 'color-contrast-enhanced').map(describe('incomplete'))];
}

/** A throwaway self-signed certificate for `hosts`; the browsers are told to accept it. */
export function selfSignedCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'radar-cert-'));
  try {
    const config = join(dir, 'openssl.cnf');
    writeFileSync(config, `[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=${hosts[0]}\n[ext]\nsubjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\n`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-config', config], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An HTTPS server on 127.0.0.1:443 for stand-in sites: Firefox resolves `hosts` here
 * (`network.dns.localDomains`), so content scripts that match HTTPS pages only run as on the real site.
 */
export async function startHttpsSite(hosts: readonly string[], listener: RequestListener): Promise<{ server: Server; close(): Promise<void> }> {
  const server = createHttpsServer(selfSignedCertificate(hosts), listener);
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(443, '127.0.0.1', () => resolvePromise());
  });
  return { server, close: () => new Promise<void>((resolvePromise) => server.close(() => resolvePromise())) };
}

/** The fixed address Firefox gives the add-on in the tests (pref `extensions.webextensions.uuids`). */
export const FIREFOX_UUID = '3c5e8a9e-7f1b-4d2a-9c6e-52a0b1d7e4f3';
export const firefoxOrigin = `moz-extension://${FIREFOX_UUID}`;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface FirefoxExtension {
  browser: FirefoxBrowser;
  connection: BidiConnection;
  /** The welcome tab the install opened (entrypoints/background/install.ts), left as it is. */
  welcome: FirefoxPage;
  /**
   * Opens an extension page (`/options.html`…) in a new tab and returns it once it is there.
   * WebDriver BiDi refuses to navigate a tab to a moz-extension: address, so the extension opens
   * it itself (`tabs.create` from its welcome page), as it does for its own pages.
   */
  openPage(path: string): Promise<FirefoxPage>;
  /** Evaluates `expression` in the welcome page, where the WebExtension API is at hand; awaits promises. */
  inExtension<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

/** The id of a puppeteer page's top-level browsing context (BiDi's name for a tab). */
export function contextIdOf(page: FirefoxPage): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/**
 * Debian's Firefox ESR with the built add-on installed as a temporary add-on, under a fixed
 * extension address, with `hosts` resolved to this machine.
 */
export async function launchFirefox(options: { hosts?: readonly string[]; prefs?: Record<string, unknown> } = {}): Promise<FirefoxExtension> {
  const executablePath = requireFirefox();
  const manifest = JSON.parse(readFileSync(join(firefoxBuild, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': (options.hosts ?? []).join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: FIREFOX_UUID }),
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(firefoxBuild);
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const contexts = async () => (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as { context: string; url: string }[];
    const pageFor = async (url: string, known: ReadonlySet<string>, what: string): Promise<FirefoxPage> => {
      for (const deadline = Date.now() + 15_000; ; ) {
        const context = (await contexts()).find((candidate) => !known.has(candidate.context) && candidate.url === url)?.context;
        const page = context === undefined ? undefined : (await browser.pages()).find((candidate) => contextIdOf(candidate) === context);
        if (page !== undefined) {
          await page.waitForFunction(() => document.readyState === 'complete');
          return page;
        }
        if (Date.now() > deadline) throw new Error(`${what}: no tab at ${url} within 15 s; tabs: ${(await contexts()).map((candidate) => candidate.url).join(', ')}`);
        await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
      }
    };
    const welcome = await pageFor(`${firefoxOrigin}/welcome.html`, new Set(), 'The install opened no welcome tab');
    const inExtension = async <T>(expression: string): Promise<T> => {
      // As JSON text: BiDi hands other values back in its own typed form.
      const wrapped = `Promise.resolve(${expression}).then((value) => JSON.stringify(value ?? null))`;
      const answer = await connection.send('script.evaluate', { expression: wrapped, target: { context: contextIdOf(welcome) }, awaitPromise: true, resultOwnership: 'none' });
      const result = answer.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
      if (result.type === 'exception') throw new Error(`inExtension(${expression}): ${result.exceptionDetails?.text ?? 'exception'}`);
      return JSON.parse(String(result.result?.value)) as T;
    };
    return {
      browser,
      connection,
      welcome,
      inExtension,
      async openPage(path) {
        const known = new Set((await contexts()).map((candidate) => candidate.context));
        await inExtension(`browser.tabs.create({ url: ${JSON.stringify(path)} }).then(() => true)`);
        return pageFor(`${firefoxOrigin}${path}`, known, `openPage(${path})`);
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** How many offscreen documents the extension has open (Chrome: the one that runs the viem work). */
export async function offscreenDocuments(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<unknown[]> } } }).chrome;
    return (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
  });
}
