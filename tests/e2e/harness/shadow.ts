/** The extension's UI inside closed shadow roots, reached over the DevTools protocol and driven with trusted input. */
import type { Page } from 'playwright-core';
import { axeProblems } from './checks';

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
    if (object.objectId === undefined) return null;
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
    /** The text as drawn: words drawn from a `data-drawn` attribute (card.css), which are no text node, read in their place. */
    async text(testId: string): Promise<string | null> {
      return query((root, sel) => {
        const element = root.querySelector(sel);
        if (element === null) return null;
        const copy = element.cloneNode(true) as Element;
        for (const drawn of [copy, ...copy.querySelectorAll('[data-drawn]')]) drawn.prepend(drawn.getAttribute('data-drawn') ?? '');
        return copy.textContent;
      }, byTestId(testId));
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
 * `axeProblems` over the pill: a copy of its closed root in an open one (`openCopyForAxe`), with
 * what the closed root draws hidden meanwhile, so axe sees the copy alone, not two stacked, and
 * can tell the backgrounds behind its text.
 */
export function pillAxeProblems(page: Page): Promise<string[]> {
  return onPillCopy(page, (copy) => axeProblems(page, copy));
}

/**
 * `pillAxeProblems` in each colour scheme in turn (the last one stays emulated), by scheme, all on one copy made at once:
 * a pill that leaves by itself meanwhile (a status line's few seconds) is checked as it was shown, however long axe takes.
 */
export function pillAxeProblemsBySchemes(page: Page, schemes: readonly ('light' | 'dark')[] = ['light', 'dark']): Promise<Record<string, string[]>> {
  return onPillCopy(page, async (copy) => {
    const found: Record<string, string[]> = {};
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      found[colorScheme] = await axeProblems(page, copy);
    }
    return found;
  });
}

/** Runs `check` on an open copy of the pill's root, the pill's own drawing hidden meanwhile (if it is still there). */
async function onPillCopy<T>(page: Page, check: (copy: string) => Promise<T>): Promise<T> {
  const setHidden = (hidden: boolean) =>
    inShadow(page, 'reserve-radar-pill', (root, hide) => root.querySelector<HTMLElement>(':scope > div')?.style[hide ? 'setProperty' : 'removeProperty']('visibility', 'hidden'), hidden);
  const copy = await openCopyForAxe(page, 'reserve-radar-pill');
  await setHidden(true);
  try {
    return await check(copy);
  } finally {
    await setHidden(false);
    await removeOpenCopy(page);
  }
}

/**
 * What a hostile exchange page's own stylesheet can say to hide our hosts: the custom property the manifest's sheet
 * gives them (entrypoints/exchange.content/shown.css), on the hosts and on <html> for them to inherit, and `display`,
 * with plain and more specific selectors, all `!important`.
 */
export const HIDING_RULES = [
  'html{--reserve-radar-shown:none !important}',
  'reserve-radar-pill,reserve-radar-mismatch{--reserve-radar-shown:none !important;display:none !important}',
  'html>body~reserve-radar-pill,html>body~reserve-radar-mismatch{--reserve-radar-shown:none !important;display:none !important}',
].join('\n');
