import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  axeProblems,
  HIDING_RULES,
  inShadow,
  isolatedWorld,
  launchChromium,
  openCopyForAxe,
  PAGE_PROBES,
  pillAxeProblems,
  removeOpenCopy,
  routeSite,
  shadowMode,
  shadowUi,
  type ChromiumExtension,
  type PageProbes,
} from './harness';

const CHOSEN = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const OTHER = `0x${'ab'.repeat(20)}`;

declare const chrome: {
  storage: { local: { get(keys: string | string[] | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/**
 * An exchange page that attacks the extension with everything a page script has: it hooks
 * attachShadow before any other script runs, reads and queries every node it can reach, hit-tests
 * the pill's corner, sends synthetic clicks, keys and pointer drags to whatever it finds, and puts
 * address-shaped values (the user's guide address among them) into its own fields with synthetic
 * input events. Its own stylesheet tries to hide what we draw (HIDING_RULES). It writes what it learned to
 * `window.findings`.
 */
const hostilePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exchange</title><style>${HIDING_RULES}</style><script>
  window.findings = { roots: [], texts: [], hits: [], mismatchSeen: false, hostShadow: [] };
  const realAttach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = realAttach.call(this, { ...init, mode: 'open' });
    window.findings.roots.push(this.localName);
    return root;
  };
  new MutationObserver(() => {
    if (document.querySelector('reserve-radar-mismatch')) window.findings.mismatchSeen = true;
  }).observe(document.documentElement, { childList: true, subtree: true });
</script></head><body><header>Exchange</header>
<form><label>Address <input id="addr" type="text"></label><textarea id="note"></textarea></form>
<script>
  const fire = (target, type, init = {}) => {
    const Ctor = type.startsWith('pointer') ? PointerEvent : type.startsWith('key') ? KeyboardEvent : type === 'input' ? InputEvent : MouseEvent;
    target.dispatchEvent(new Ctor(type, { bubbles: true, composed: true, cancelable: true, button: 0, clientX: 40, clientY: 40, key: 'Enter', ...init }));
  };
  const attack = () => {
    const f = window.findings;
    for (const host of document.querySelectorAll('reserve-radar-pill, reserve-radar-mismatch')) {
      f.hostShadow.push(host.shadowRoot === null ? null : 'readable');
      f.texts.push(host.textContent, host.innerText, host.outerHTML);
      for (const type of ['pointerdown', 'pointermove', 'pointerup', 'click', 'keydown', 'focusin', 'change']) fire(host, type);
      host.click();
      host.focus();
    }
    // Hit-testing: every point of the viewport's lower right corner that lands on the pill.
    for (let x = innerWidth - 400; x < innerWidth; x += 8) {
      for (let y = innerHeight - 200; y < innerHeight; y += 8) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit.localName.startsWith('reserve-radar')) {
          f.hits.push([x, y]);
          fire(hit, 'click', { clientX: x, clientY: y });
          fire(hit, 'pointerdown', { clientX: x, clientY: y });
          fire(hit, 'pointermove', { clientX: 20, clientY: 20 });
          fire(hit, 'pointerup', { clientX: 20, clientY: 20 });
        }
      }
    }
    for (const type of ['keydown', 'keyup']) fire(window, type, { key: 'Escape' });
    f.texts.push(document.documentElement.innerText, document.documentElement.outerHTML);
    // Address-shaped values, set by script and announced with synthetic events.
    const field = document.getElementById('addr');
    // The guide's address among the guesses, written in two halves so this script's own text does not contain it.
    for (const value of ['${OTHER}', '${CHOSEN.slice(0, 20)}' + '${CHOSEN.slice(20)}', '${OTHER}']) {
      field.value = value;
      fire(field, 'input');
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    document.getElementById('note').value = '${OTHER}';
  };
  window.attack = attack;
</script>${PAGE_PROBES}</body></html>`;

/** Whether what `testId` names in the host's closed root has a box with a size and is visible (host and ancestors included). */
async function onScreen(ui: ReturnType<typeof shadowUi>, testId: string): Promise<boolean | null> {
  return ui.evaluate((root, id) => {
    const element = root.querySelector(`[data-testid="${id}"]`);
    if (element === null) return null;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  }, testId);
}

describe('a hostile exchange page in Chromium', () => {
  let browser: ChromiumExtension;
  const stored = () => browser.worker.evaluate(() => chrome.storage.local.get(['settings', 'nudgeSeen', 'holdings', 'guideState', 'warningSubscriptions', 'allowedLookalikes']));

  beforeAll(async () => {
    browser = await launchChromium();
    await routeSite(browser.context, 'https://www.binance.com', hostilePage);
    // What the page must not learn: a recorded balance above the user's own cap, and the guide's address.
    await browser.worker.evaluate(
      ([chosen]) =>
        chrome.storage.local.set({
          holdings: {
            holdings: [{ id: 'h1', kind: 'fiat', custodian: 'binance', currency: 'USD', value: 48_000, updatedAt: 1 }],
            addresses: [],
            history: [],
            limits: { currency: 'USD', exchanges: { binance: { cap: 10_000 } } },
          },
          guideState: { network: 'ethereum', address: chosen },
          settings: { nudgePolicy: 'every-visit' },
        }),
      [CHOSEN] as const,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('reads, queries and clicks, and finds nothing and changes nothing', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto('https://www.binance.com/en/my/wallet/withdrawal');
    const pill = shadowUi(page);
    // The project's own view, through the DevTools protocol: the pill is there, closed to the page.
    await pill.waitFor('pill-balance');
    expect(await shadowMode(page, 'reserve-radar-pill')).toBe('closed');
    expect(await pill.text('pill-name')).toBe('Binance');
    // The balance line says which limit, never the figures.
    expect(await pill.text('pill-balance')).toBe('You keep more here than your own limit');
    // The page's stylesheet did not hide it.
    expect(await onScreen(pill, 'pill-name')).toBe(true);
    const before = await stored();
    const pagesBefore = browser.context.pages().length;

    await page.evaluate(() => (window as unknown as { attack(): void }).attack());
    await page.waitForTimeout(1500);
    const findings = await page.evaluate(
      () => (window as unknown as { findings: { roots: string[]; texts: string[]; hits: number[][]; mismatchSeen: boolean; hostShadow: (string | null)[] } }).findings,
    );

    // The page did find the pill's element by hit-testing, and aimed its events at it.
    expect(findings.hits.length).toBeGreaterThan(0);
    // The hook on attachShadow caught nothing: our scripts run in their own world.
    expect(findings.roots).toEqual([]);
    expect(findings.hostShadow).toEqual([null]);
    const everything = findings.texts.join('\n');
    for (const secret of ['48,000', '48000', '10,000', '10000', 'limit', 'Binance, grade', CHOSEN, CHOSEN.toLowerCase(), '5aAe b605']) expect(everything).not.toContain(secret);
    // Address-shaped values put in by script are not the user typing: no warning, so the page learns nothing about the guide's address.
    expect(findings.mismatchSeen).toBe(false);
    expect(await page.evaluate(() => document.querySelector('reserve-radar-mismatch'))).toBeNull();

    // Nothing stored, nothing opened, the pill as it was (collapsed, same corner).
    expect(await stored()).toEqual(before);
    expect(browser.context.pages().length).toBe(pagesBefore);
    expect(await pill.attribute('pill-toggle', 'aria-expanded')).toBe('false');
    expect(await pill.attribute('nudge', 'data-corner')).toBe('bottom-right');
    expect(await pill.text('pill-name')).toBe('Binance');

    // The user's own typing is still checked: a real keystroke into the field shows the warning.
    await page.locator('#addr').fill('');
    await page.locator('#addr').pressSequentially(OTHER.slice(0, -1));
    await page.locator('#addr').press(OTHER.slice(-1));
    const warning = shadowUi(page, 'reserve-radar-mismatch');
    await warning.waitFor('mismatch-warning');
    expect(await onScreen(warning, 'mismatch-warning')).toBe(true);
    expect(await shadowMode(page, 'reserve-radar-mismatch')).toBe('closed');
    expect(await page.evaluate(() => document.querySelector('reserve-radar-mismatch')?.shadowRoot ?? null)).toBeNull();
    await page.close();
  });

  test("finds, selects and copies none of the limit line or the guide's address", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto('https://www.binance.com/en/my/wallet/withdrawal');
    const pill = shadowUi(page);
    await pill.waitFor('pill-balance');
    const found = (texts: string[]) => page.evaluate((list) => (window as unknown as PageProbes).findProbe(list), texts);
    const selected = () => page.evaluate(() => (window as unknown as PageProbes).selectedText());
    // window.find searches closed roots too: the fixed words of the limit line are a yes-or-no question about the user's holdings.
    expect.soft(await found(['You keep more here than your own limit', 'than your own limit'])).toEqual([false, false]);
    // The user selects the line with the mouse and copies it: the page's selection and copy listener get none of it.
    const line = await pill.box('pill-balance');
    await page.mouse.click(line.x + line.width / 2, line.y + line.height / 2, { clickCount: 3 });
    expect.soft(await selected()).not.toContain('limit');
    await page.keyboard.press('Control+c');

    // The user types another address than the guide's: the warning names both.
    await page.locator('#addr').pressSequentially(OTHER);
    const warning = shadowUi(page, 'reserve-radar-mismatch');
    await warning.waitFor('mismatch-warning');
    expect.soft(await found(['checked in the guide is', '5aAe b605', 'abab abab'])).toEqual([false, false, false]);
    // Digit by digit after the words that lead to it, the way a page recovers the whole address in a fraction of a second.
    expect.soft(await page.evaluate(() => (window as unknown as PageProbes).recoverAfter('guide is 0x'))).toBe('');
    const body = await warning.box('.mismatch p:nth-of-type(2)');
    await page.mouse.click(body.x + body.width / 2, body.y + body.height / 2, { clickCount: 3 });
    const warningSelected = await selected();
    await page.keyboard.press('Control+c');
    const copies = await page.evaluate(() => (window as unknown as PageProbes).probeCopies);
    for (const secret of [CHOSEN.slice(2, 6), 'b605', 'guide', 'limit']) {
      expect.soft(warningSelected).not.toContain(secret);
      expect.soft(copies.join('\n')).not.toContain(secret);
    }
    // Still drawn for the user, and read out: the drawn words are in the accessibility tree, and axe finds nothing to fix.
    expect(await onScreen(warning, 'mismatch-warning')).toBe(true);
    expect(await onScreen(pill, 'pill-balance')).toBe(true);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; name?: { value?: string } }[] };
    await cdp.detach();
    const read = nodes.filter((node) => node.ignored !== true).map((node) => node.name?.value ?? '');
    expect(read).toContain('You keep more here than your own limit');
    expect(read.some((name) => name.includes('checked in the guide is 0x 5aAe b605'))).toBe(true);
    expect(await pillAxeProblems(page)).toEqual([]);
    await inShadow(page, 'reserve-radar-mismatch', (root) => root.querySelector<HTMLElement>(':scope > div')?.style.setProperty('visibility', 'hidden'));
    expect(await axeProblems(page, await openCopyForAxe(page, 'reserve-radar-mismatch'))).toEqual([]);
    await removeOpenCopy(page);
    await page.close();
  });

  test('a compromised content script gets the page-facing requests only', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.binance.com/en');
    await shadowUi(page).waitFor('pill-name');
    // A site the user chose to open anyway, so that a `disallow-host` taken would show in storage.
    await browser.worker.evaluate(() => chrome.storage.local.set({ allowedLookalikes: ['blnance.com'] }));
    const before = await stored();
    const { cdp, contextId } = await isolatedWorld(page, browser.extensionId);
    const ask = async (message: object) => {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((answer) => ({ answer: answer === undefined ? 'none' : answer }), (error) => ({ error: String(error) }))`,
        awaitPromise: true,
        returnByValue: true,
      });
      return result.value as { answer?: unknown; error?: string };
    };
    // Each of these would hand a script beside the exchange's page a power of the options page.
    for (const message of [
      { type: 'holdings-summary' },
      { type: 'tab-state', tabId: 1 },
      { type: 'subscriptions-state' },
      { type: 'sources-state' },
      { type: 'subscribe', url: 'https://lists.example/list.json', signer: CHOSEN },
      { type: 'allow-host', host: 'binance-login.com' },
      { type: 'disallow-host', host: 'blnance.com' },
      { type: 'refresh-now' },
      { type: 'delete-all-data' },
    ]) {
      const reply = await ask(message);
      expect(reply.answer === undefined || reply.answer === 'none', `${message.type}: ${JSON.stringify(reply)}`).toBe(true);
    }
    expect(await stored()).toEqual(before);
    await browser.worker.evaluate(() => chrome.storage.local.set({ allowedLookalikes: [] }));
    // The page-facing set still answers.
    expect(((await ask({ type: 'page-state' })).answer as { kind?: string }).kind).toBe('exchange');
    await cdp.detach();
    await page.close();
  });
});
