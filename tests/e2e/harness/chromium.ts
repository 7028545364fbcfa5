/** Debian's Chromium driven by playwright-core with the built Chrome extension, and what the tests ask of its browser and service worker. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { chromeBuild, requireChromium } from './builds';

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
  /** Playwright's own switches to leave out (it turns the back-forward cache off by default, `--disable-back-forward-cache`). */
  ignoreDefaultArgs?: string[];
  /** Profile preferences, as Chromium keeps them in `Default/Preferences` (e.g. `{ webkit: { webprefs: { minimum_font_size: 24 } } }`, the "Minimum font size" setting). */
  prefs?: Record<string, unknown>;
}

export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<ChromiumExtension> {
  const build = options.build ?? chromeBuild;
  const executablePath = requireChromium(build);
  const userDataDir = mkdtempSync(join(tmpdir(), 'radar-chromium-'));
  if (options.prefs !== undefined) {
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(options.prefs));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ...(options.ignoreDefaultArgs === undefined ? {} : { ignoreDefaultArgs: options.ignoreDefaultArgs }),
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
  // Builds older than the welcome page (the benchmark compares with them) open no tab at install.
  if (existsSync(join(options.extensionDir ?? build, 'welcome.html'))) {
    const welcome = await welcomePage(context, extensionId);
    if (options.keepWelcome !== true) await welcome.close();
  }
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

/** The extension's content-script worlds on `page` (Chromium's isolated worlds, listed by DevTools as it is enabled), with the session that saw them. */
async function extensionWorlds(page: Page, extensionId: string): Promise<{ cdp: CDPSession; ids: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const ids = contexts.filter((context) => context.auxData?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`).map((context) => context.id);
  return { cdp, ids };
}

/** The extension's content-script world on `page` (Chromium's isolated world), for tests that act from inside it; detach `cdp` when done. */
export async function isolatedWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const { cdp, ids } = await extensionWorlds(page, extensionId);
  const [contextId] = ids;
  if (contextId === undefined) throw new Error('no isolated world of the extension on this page');
  return { cdp, contextId };
}

/**
 * How many worlds of the extension's scripts `page` holds. Its scripts run from document start, so once the page has
 * loaded this is final: 0 says nothing of ours was injected, a check that needs no wait for a pill that might come.
 */
export async function scriptWorlds(page: Page, extensionId: string): Promise<number> {
  const { cdp, ids } = await extensionWorlds(page, extensionId);
  await cdp.detach();
  return ids.length;
}

/**
 * The snoozes in the worker's answer to this page, asked from the exchange-page script's own world as that script asks
 * (a sleeping worker is woken by the question). The page's script asked first, at document start: once this answer is
 * back, so is the one its pill is decided from, and a pill drawn from it is on the page.
 */
export async function pageSnoozes(page: Page, extensionId: string): Promise<unknown> {
  const { cdp, contextId } = await isolatedWorld(page, extensionId);
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId,
    expression: `chrome.runtime.sendMessage({ type: 'page-state' }).then((state) => state?.nudge?.settings?.snoozes ?? null)`,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value;
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

/** How many offscreen documents the extension has open (Chrome: the one that runs the viem work). */
export async function offscreenDocuments(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<unknown[]> } } }).chrome;
    return (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length;
  });
}

/**
 * Grants the extension one site, as the user does on chrome://extensions (the extension's "Site
 * access", add a site), through that page's own API. Headless Chromium cannot answer the prompt of
 * `permissions.request`; with the site granted beforehand the request answers true at once, as
 * after the user's "Allow", and the extension holds it as an optional permission it may give back.
 */
export async function allowSiteInChromium(extension: ChromiumExtension, pattern: string): Promise<void> {
  const page = await extension.context.newPage();
  try {
    await page.goto('chrome://extensions');
    await page.evaluate(
      ([id, site]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id, site),
      [extension.extensionId, pattern] as const,
    );
  } finally {
    await page.close();
  }
}
