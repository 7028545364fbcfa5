import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { bundledLocales, PSEUDO_LOCALE } from '../../scripts/locales';
import { axeProblems, chromeBuild, focusedTestId, launchChromium, layoutProblems, root, screenshotPath, welcomePage, type ChromiumExtension } from './harness';

/** The slice of the extension API these tests call inside the service worker. */
declare const chrome: {
  permissions: { contains(permissions: { permissions: string[] }): Promise<boolean> };
  runtime: { getManifest(): { version: string } };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } };
};

/** What the page shows when it cannot fit: anything wider than the window scrolls sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The Tab key from the top of the page, until focus leaves it or comes round again: each stop's test id or tag. */
async function tabStops(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const stops: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => (document.activeElement === document.body ? null : (document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null)));
    if (stop === null || stops.includes(stop)) break;
    stops.push(stop);
  }
  return stops;
}

/** Font sizes of the page's heading and the first language's name, and the width of that language's radio, in px. */
const textAndRadioSize = (page: Page) =>
  page.evaluate(() => {
    const radio = document.querySelector<HTMLInputElement>('[data-testid="welcome-language-auto"]');
    const label = radio?.closest('label');
    const heading = document.querySelector('h1');
    if (radio === null || radio === undefined || label === null || label === undefined || heading === null) throw new Error('welcome page without its heading or language group');
    const size = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
    return { heading: size(heading), label: size(label), radio: radio.getBoundingClientRect().width };
  });

describe('the welcome page in Chromium', () => {
  let browser: ChromiumExtension;
  let welcome: Page;

  beforeAll(async () => {
    browser = await launchChromium({ keepWelcome: true });
    welcome = await welcomePage(browser.context, browser.extensionId);
    await welcome.getByTestId('welcome').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the first install opens it in front: what Reserve Radar does and what it never does', async () => {
    expect(await welcome.evaluate(() => document.visibilityState)).toBe('visible');
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Reserve Radar');
    expect(await welcome.title()).toBe('Welcome to Reserve Radar');
    await expect.poll(() => welcome.getByTestId('welcome-does').textContent()).toContain('walks you through a withdrawal to a wallet you control');
    const never = await welcome.getByTestId('welcome-never').locator('li').allTextContents();
    expect(never).toEqual([
      'It never moves your money. It links, checks and warns; every transfer is yours to make.',
      "It never fills in or submits a form on an exchange's site.",
      'Nothing personal leaves your device: not the sites you visit, not your holdings, not your addresses. It downloads the same public data as everyone else, on a schedule.',
    ]);
    // Holdings are offered, not asked for.
    await expect.poll(() => welcome.getByTestId('welcome-holdings').textContent()).toBe('Record your holdings in the options');
    await welcome.screenshot({ path: screenshotPath('welcome.png'), fullPage: true });
  });

  test('axe finds nothing, incomplete contrast included; at 360 px nothing scrolls sideways, at 320 px with 200 % text nothing is cut; the keyboard reaches every control', async () => {
    expect(await axeProblems(welcome)).toEqual([]);
    // One stop for the language group, at its chosen radio; the arrow keys move within it.
    expect(await tabStops(welcome)).toEqual(['welcome-language-auto', 'welcome-protection-on', 'welcome-holdings']);
    const wide = welcome.viewportSize();
    await welcome.setViewportSize({ width: 360, height: 740 });
    try {
      expect(await overflowsSideways(welcome)).toBe(false);
      expect(await axeProblems(welcome)).toEqual([]);
      // The button keeps its words on one or two lines and stays inside the window.
      const button = await welcome.getByTestId('welcome-protection-on').boundingBox();
      expect(button !== null && button.x >= 0 && button.x + button.width <= 360).toBe(true);
      // At 320 px with 200 % text every language's name shows whole, "Same as the browser" too: nothing cut or past the edge.
      await welcome.setViewportSize({ width: 320, height: 740 });
      const before = await textAndRadioSize(welcome);
      await welcome.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      // The text really grew (a size in px would hold it still), and the radio with it.
      const after = await textAndRadioSize(welcome);
      expect(after.heading / before.heading).toBeGreaterThan(1.9);
      expect(after.label / before.label).toBeGreaterThan(1.9);
      expect(after.radio).toBeGreaterThanOrEqual(after.label * 0.9);
      expect(await layoutProblems(welcome)).toEqual([]);
      expect(await axeProblems(welcome, '[data-testid="welcome-language"]')).toEqual([]);
    } finally {
      await welcome.evaluate(() => {
        document.documentElement.style.fontSize = '';
      });
      if (wide !== null) await welcome.setViewportSize(wide);
    }
  });

  test('offers every language the settings know, each in its own name; Swedish turns the page Swedish and stays', async () => {
    const picker = welcome.getByTestId('welcome-language');
    expect(await picker.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value))).toEqual([
      'auto',
      ...bundledLocales({ localesDir: join(root, 'public/_locales'), pseudo: existsSync(join(chromeBuild, '_locales', PSEUDO_LOCALE.id)) }).map((entry) => entry.id),
    ]);
    // Named in its own language, marked so: the radio's accessible name is the name.
    const swedish = picker.getByRole('radio', { name: 'Svenska', exact: true });
    await expect.poll(() => swedish.getAttribute('value')).toBe('sv');
    await expect.poll(() => picker.getByText('Svenska', { exact: true }).getAttribute('lang')).toBe('sv');

    await swedish.check();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen till Reserve Radar');
    expect(await welcome.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await welcome.title()).toBe('Välkommen till Reserve Radar');
    await expect.poll(() => welcome.getByTestId('welcome-protection-on').textContent()).toBe('Slå på skyddet mot efterapningar');
    // The choice is the extension's language setting: a reload, and the options page, keep it.
    await welcome.reload();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen till Reserve Radar');
    await expect.poll(() => welcome.getByTestId('welcome-language-sv').isChecked()).toBe(true);
    expect(await axeProblems(welcome)).toEqual([]);
    await welcome.screenshot({ path: screenshotPath('welcome-sv.png'), fullPage: true });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.getByTestId('language-sv').isChecked()).toBe(true);
    await options.close();

    await welcome.getByTestId('welcome-language-auto').check();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Reserve Radar');
  });

  test('quick changes of language, as arrowing through the picker makes them: the page ends in the one the picker shows', async () => {
    // German first (its words load from a file), then Automatic (the browser's own words, at hand):
    // the slower German answer comes last and must not win.
    const pick = (first: string, second: string) =>
      welcome.evaluate(
        async ([a, b]) => {
          const radio = (value: string) => document.querySelector(`[data-testid="welcome-language"] input[value="${value}"]`) as HTMLInputElement;
          radio(a!).click();
          await new Promise((resolve) => setTimeout(resolve, 0));
          radio(b!).click();
        },
        [first, second],
      );
    const shown = () =>
      welcome.evaluate(() => ({
        lang: document.documentElement.lang,
        picker: (document.querySelector('[data-testid="welcome-language"] input:checked') as HTMLInputElement | null)?.value,
        heading: document.querySelector('h1')?.textContent,
      }));
    for (let i = 0; i < 3; i++) {
      await pick('de', 'auto');
      // Long enough for the German file to have arrived (it takes milliseconds).
      await welcome.waitForTimeout(800);
      expect(await shown()).toEqual({ lang: expect.stringMatching(/^en/), picker: 'auto', heading: 'Welcome to Reserve Radar' });
      expect((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings).toMatchObject({ language: 'auto' });
      await pick('auto', 'de');
      await expect.poll(shown).toEqual({ lang: 'de', picker: 'de', heading: 'Willkommen bei Reserve Radar' });
      await welcome.waitForTimeout(300);
      expect(await shown()).toEqual({ lang: 'de', picker: 'de', heading: 'Willkommen bei Reserve Radar' });
    }
    // The arrow keys move through the choices as in any radio group, each step a choice that is stored.
    const storedLanguage = async () => ((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings as { language?: string } | undefined)?.language;
    await welcome.getByTestId('welcome-language-de').focus();
    await welcome.keyboard.press('ArrowDown');
    await expect.poll(shown).toEqual({ lang: 'fr', picker: 'fr', heading: expect.stringContaining('Reserve Radar') });
    await expect.poll(storedLanguage).toBe('fr');
    await welcome.keyboard.press('ArrowUp');
    await expect.poll(shown).toEqual({ lang: 'de', picker: 'de', heading: 'Willkommen bei Reserve Radar' });
    await expect.poll(storedLanguage).toBe('de');
    await welcome.getByTestId('welcome-language-auto').check();
    await expect.poll(() => welcome.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Reserve Radar');
  });

  test('a language chosen in the options page while it is open: its words and its picker follow', async () => {
    const shown = () =>
      welcome.evaluate(() => ({
        lang: document.documentElement.lang,
        picker: (document.querySelector('[data-testid="welcome-language"] input:checked') as HTMLInputElement | null)?.value,
        heading: document.querySelector('h1')?.textContent,
      }));
    await expect.poll(shown).toEqual({ lang: expect.stringMatching(/^en/), picker: 'auto', heading: 'Welcome to Reserve Radar' });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('language-sv').check();
    await expect.poll(shown).toEqual({ lang: 'sv', picker: 'sv', heading: 'Välkommen till Reserve Radar' });
    expect(await welcome.title()).toBe('Välkommen till Reserve Radar');
    await options.getByTestId('language-auto').check();
    await expect.poll(shown).toEqual({ lang: expect.stringMatching(/^en/), picker: 'auto', heading: 'Welcome to Reserve Radar' });
    await options.close();
  });

  test('the holdings link opens the options page at the holdings section', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    await page.getByTestId('welcome-holdings').click();
    await page.waitForURL(`chrome-extension://${browser.extensionId}/options.html#holdings-title`);
    const heading = page.locator('#holdings-title');
    await heading.waitFor();
    await expect
      .poll(async () => {
        const box = await heading.boundingBox();
        return box !== null && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0);
      })
      .toBe(true);
    await page.close();
  });

  test('one click asks the browser for the permission, with the why already on the page; nothing is granted without the answer', async () => {
    const protection = welcome.getByTestId('welcome-protection');
    // The why sits beside the button before the click, and the button names it.
    await expect.poll(() => protection.textContent()).toContain('your browser will ask you to let Reserve Radar read the addresses of your open tabs');
    await expect.poll(() => protection.textContent()).not.toContain('all websites');
    await expect.poll(() => protection.textContent()).toContain('checks it on this device and sends it nowhere');
    await expect.poll(() => welcome.getByTestId('welcome-protection-on').getAttribute('aria-describedby')).toBe('protection-ask');
    await expect.poll(() => welcome.getByTestId('welcome-protection-result').textContent()).toBe('');

    // By keyboard, as a user without a mouse would.
    await welcome.getByTestId('welcome-protection-on').focus();
    await welcome.keyboard.press('Enter');
    await expect.poll(() => protection.getAttribute('data-state')).toBe('asking');
    await expect.poll(() => welcome.getByTestId('welcome-protection-result').textContent()).toBe("Waiting for your answer in the browser's dialog…");
    // The keyboard focus stays on the button, marked busy, instead of falling to the page's body.
    expect(await focusedTestId(welcome)).toBe('welcome-protection-on');
    expect(await welcome.getByTestId('welcome-protection-on').getAttribute('aria-busy')).toBe('true');
    // Another press while the browser asks asks nothing more, and still keeps the focus.
    await welcome.keyboard.press('Enter');
    expect(await focusedTestId(welcome)).toBe('welcome-protection-on');
    // Headless Chromium shows the browser's permission prompt where no test can answer it: the
    // request stays open. Granted and declined are tested in Firefox and in components/Welcome.test.tsx.
    expect(await browser.worker.evaluate(() => chrome.permissions.contains({ permissions: ['tabs'] }))).toBe(false);
    expect((await browser.worker.evaluate(() => chrome.storage.local.get('settings'))).settings).not.toMatchObject({ lookalikeProtection: true });
  });
});

/**
 * An update as the browser makes it: the same extension, loaded again from its folder with a
 * higher version (Chromium's DevTools protocol, `Extensions.loadUnpacked`). `chrome.runtime.reload()`
 * is no use here: Chromium unloads a command-line extension on reload instead of reloading it.
 */
describe('an update of the extension in Chromium', () => {
  let browser: ChromiumExtension;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'radar-update-'));
    cpSync(chromeBuild, folder, { recursive: true });
    browser = await launchChromium({ extensionDir: folder, args: ['--enable-unsafe-extension-debugging'], keepWelcome: true });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('does not open the welcome page again', async () => {
    // The install did open it (launchChromium waited for it).
    expect(browser.context.pages().some((page) => page.url().endsWith('/welcome.html'))).toBe(true);
    const manifestPath = join(folder, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    await browser.worker.evaluate(() => chrome.storage.local.remove('firstPaint'));

    const cdp = await browser.context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked' as never, { path: folder } as never);
    await cdp.detach();
    // The update replaces the worker, and the new one can restart again as it starts (it opens its
    // offscreen document): each question goes to the extension's newest worker, asked again if that
    // worker restarts under it.
    const newestWorker = () =>
      browser.context
        .serviceWorkers()
        .filter((candidate) => new URL(candidate.url()).host === browser.extensionId)
        .at(-1);
    const askWorker =
      <T>(question: () => T | Promise<T>) =>
      async (): Promise<T | undefined> => {
        const worker = newestWorker();
        if (worker === undefined) return undefined;
        try {
          return await worker.evaluate(question);
        } catch (error) {
          if (/Service worker restarted|has been closed|Target closed|context was destroyed/i.test(String(error))) return undefined;
          throw error;
        }
      };
    // The same extension (same id) runs the new version.
    await expect
      .poll(
        askWorker(() => chrome.runtime.getManifest().version),
        { timeout: 20_000 },
      )
      .toBe(`${manifest.version}.1`);
    // The new version's worker has run its start-up (its onInstalled rebuilds the first paint).
    await expect
      .poll(
        askWorker(async () => (await chrome.storage.local.get('firstPaint')).firstPaint !== undefined),
        { timeout: 20_000 },
      )
      .toBe(true);
    // A welcome tab would be there by now; a moment more on this shared machine.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(
      browser.context
        .pages()
        .map((page) => page.url())
        .filter((url) => url.includes('/welcome.html')),
    ).toEqual([]);
  });
});

describe('the welcome page in dark mode', () => {
  let browser: ChromiumExtension;

  beforeAll(async () => {
    browser = await launchChromium({ colorScheme: 'dark', keepWelcome: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('dark colours, axe finds nothing (incomplete contrast included); screenshot', async () => {
    const welcome = await welcomePage(browser.context, browser.extensionId);
    await welcome.getByTestId('welcome').waitFor();
    expect(await welcome.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(27, 27, 31)');
    expect(await axeProblems(welcome)).toEqual([]);
    await welcome.screenshot({ path: screenshotPath('welcome-dark.png'), fullPage: true });
  });
});
