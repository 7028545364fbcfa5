/** Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built add-on installed as a temporary add-on. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core';
import { firefoxBuild, requireFirefox } from './builds';
import { axeLines } from './checks';

/** The fixed address Firefox gives the add-on in the tests (pref `extensions.webextensions.uuids`). */
export const FIREFOX_UUID = '3c5e8a9e-7f1b-4d2a-9c6e-52a0b1d7e4f3';
export const firefoxOrigin = `moz-extension://${FIREFOX_UUID}`;

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** A top-level context as `browsingContext.getTree` describes it (the fields `browsingContext.contextCreated` carries). */
interface ContextInfo {
  context: string;
  url: string;
  parent?: string | null;
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
 * Debian's Firefox ESR with the built add-on (or `build`, another folder of it) installed as a temporary
 * add-on, under a fixed extension address, with `hosts` resolved to this machine.
 */
export async function launchFirefox(options: { hosts?: readonly string[]; prefs?: Record<string, unknown>; build?: string } = {}): Promise<FirefoxExtension> {
  const executablePath = requireFirefox();
  const build = options.build ?? firefoxBuild;
  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
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
    await browser.installExtension(build);
    // `emit` hands puppeteer an event as if Firefox had sent it.
    const connection = (browser as unknown as { connection: BidiConnection & { emit(method: string, params: object): boolean } }).connection;
    const contexts = async () => (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result.contexts as ContextInfo[];
    const puppeteerPage = async (context: string) => (await browser.pages()).find((candidate) => contextIdOf(candidate) === context);
    /**
     * The puppeteer page of the tab not in `known` that shows `url`. Puppeteer makes a page only when
     * Firefox sends `browsingContext.contextCreated`, and Firefox ESR's WebDriver BiDi leaves that event
     * out for some tabs: one already in the extension process when it is attached (bug 1755014), and
     * one whose first document has not attached within 100 ms (`waitForTopBrowsingContextToBeReady`).
     * `browsingContext.getTree` lists such a tab all the same, so a tab the tree shows at `url` that
     * puppeteer has no page for is announced to puppeteer from the tree, as puppeteer itself announces
     * the tabs already open when it connects. A tab the tree shows at `url` has its document, so Firefox
     * has by then sent the event or given it up; were it still to come, puppeteer would only make a
     * second page object for the same tab, which is never handed out.
     */
    const pageFor = async (url: string, known: ReadonlySet<string>, what: string): Promise<FirefoxPage> => {
      for (const deadline = Date.now() + 15_000; ; ) {
        const info = (await contexts()).find((candidate) => !known.has(candidate.context) && candidate.url === url && !candidate.parent);
        if (info !== undefined && (await puppeteerPage(info.context)) === undefined) connection.emit('browsingContext.contextCreated', info);
        const page = info === undefined ? undefined : await puppeteerPage(info.context);
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

/**
 * Calls `functionDeclaration(root, ...args)` on the pill's closed shadow root in `page`, over WebDriver BiDi
 * (which hands tests closed roots; a page script cannot reach them). `args` go in as strings. Returns the
 * answer's BiDi value, which is only the plain value for primitives (return `JSON.stringify(…)` for objects),
 * or null when the page has no pill or the pill no root.
 */
export async function inFirefoxPillRoot(firefox: Pick<FirefoxExtension, 'connection'>, page: FirefoxPage, functionDeclaration: string, ...args: string[]): Promise<unknown> {
  const connection = firefox.connection as unknown as { send(method: string, params: object): Promise<{ result: { result: { value?: unknown } } }> };
  const context = contextIdOf(page);
  const host = await connection.send('script.evaluate', {
    expression: `document.querySelector('reserve-radar-pill')`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = (host.result.result.value as { shadowRoot?: { sharedId: string } } | undefined)?.shadowRoot;
  if (shadow === undefined || shadow === null) return null;
  const answer = await connection.send('script.callFunction', {
    functionDeclaration,
    arguments: [{ sharedId: shadow.sharedId }, ...args.map((value) => ({ type: 'string', value }))],
    target: { context },
    awaitPromise: false,
  });
  return answer.result.result.value;
}

/**
 * How many of the hosts named `tag` in `page` show something on screen: an element drawn in their closed shadow root
 * (read over WebDriver BiDi) that has a box with a size and that the browser reports visible (`checkVisibility`, which
 * also looks at the host and every ancestor). A host still in the DOM but hidden, or its drawing gone, counts for nothing.
 */
export async function shownInFirefox(firefox: Pick<FirefoxExtension, 'connection'>, page: FirefoxPage, tag: string): Promise<number> {
  const connection = firefox.connection as unknown as { send(method: string, params: object): Promise<{ result: { result: { value?: unknown } } }> };
  const context = contextIdOf(page);
  const hosts = await connection.send('script.evaluate', {
    expression: `[...document.querySelectorAll(${JSON.stringify(tag)})]`,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  let count = 0;
  for (const host of (hosts.result.result.value as { value?: { shadowRoot?: { sharedId: string } | null } }[] | undefined) ?? []) {
    const shadow = host.value?.shadowRoot;
    if (shadow === undefined || shadow === null) continue;
    const answer = await connection.send('script.callFunction', {
      functionDeclaration: `(root) => [...root.querySelectorAll('div > *')].some((element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true }); })`,
      arguments: [{ sharedId: shadow.sharedId }],
      target: { context },
      awaitPromise: false,
    });
    if (answer.result.result.value === true) count++;
  }
  return count;
}

/**
 * What axe finds wrong on a Firefox `page` (only inside `include`, when given), in the words of `axeProblems`:
 * the same axe-core that @axe-core/playwright carries, put into the page over WebDriver BiDi (which an
 * extension page's script policy does not stop) and run there.
 */
export async function axeProblemsInFirefox(page: FirefoxPage, include: string | string[] = []): Promise<string[]> {
  // axe-core as @axe-core/playwright itself resolves it, so both browsers run the same axe.
  const fromPlaywrightAxe = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
  const source = readFileSync(fromPlaywrightAxe.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const selectors = typeof include === 'string' ? [include] : include;
  const results = await page.evaluate(
    (within) => (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe.run(within.length === 0 ? document : { include: within.map((selector) => [selector]) }),
    selectors,
  );
  return axeLines(results);
}
