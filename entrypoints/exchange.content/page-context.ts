import { browser } from 'wxt/browser';

/**
 * What the exchange-page script uses of a content script's context: WXT's `ContentScriptContext`
 * cut to these few members (modules/page-script-entries.ts hands this one to the script in place of
 * WXT's, which weighs about 1 KB gzipped). Everything tied to it stops when the context dies: the
 * extension was reloaded, updated or removed (`browser.runtime.id` is gone, as Chrome leaves an
 * orphaned script). Nothing the page sends stops it: see `startedEvent`.
 */
export interface PageContext {
  /** Reading it notices an orphaned script (the extension went) and invalidates the context. */
  readonly isValid: boolean;
  readonly isInvalid: boolean;
  onInvalidated(run: () => void): void;
  /** Like the window's, never run once the context is invalid. */
  setTimeout(run: () => void, ms: number): void;
  requestAnimationFrame(run: () => void): void;
  /** A listener removed when the context dies. */
  addEventListener<K extends keyof DocumentEventMap>(target: Document, type: K, run: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): void;
  /** `wxt:locationchange`: each change of the page's address (an in-app navigation); nothing goes through the page's own events. */
  addEventListener(target: Window, type: 'wxt:locationchange', run: () => void): void;
}

/**
 * WXT's notice that a newer copy of a content script started: sent, so that an older copy made with WXT's
 * class stops, but never listened to. Its name is public and both browsers let an extension's script read a
 * `detail` the page made, so a page could forge it and take the pill and the withdrawal-address watch off
 * for good. An older copy of this context goes another way: Chrome's orphan check above (the runtime has no
 * id), and in Firefox its sandbox dies with the old extension, whose sheet (shown.css) takes what it drew off
 * the screen; the new copy removes those elements.
 */
const startedEvent = (name: string) => `${browser.runtime.id}:${name}:wxt:content-script-started`;

/** How often the address is looked at where the Navigation API is missing (WXT's interval). */
const LOOK_MS = 1000;

export function pageContext(name: string): PageContext {
  const controller = new AbortController();
  const { signal } = controller;
  const isValid = () => {
    if (browser.runtime?.id == null) controller.abort();
    return !signal.aborted;
  };
  const onInvalidated = (run: () => void) => signal.addEventListener('abort', run);
  // The address changes: each listener once per new address, none once the extension went.
  const moved: (() => void)[] = [];
  let lastUrl: string | undefined;
  const look = (url: string) => {
    if (url === lastUrl || !isValid()) return;
    lastUrl = url;
    for (const run of moved) run();
  };
  const watch = () => {
    if (lastUrl !== undefined) return;
    lastUrl = location.href;
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') navigation.addEventListener('navigate', (event) => look((event as Event & { destination: { url: string } }).destination.url), { signal });
    else {
      const timer = setInterval(() => look(location.href), LOOK_MS);
      onInvalidated(() => clearInterval(timer));
    }
  };
  // WXT's class stops when the messageId is not its own, which it draws at random.
  document.dispatchEvent(new CustomEvent(startedEvent(name), { detail: { contentScriptName: name, messageId: 'newer' } }));
  return {
    get isValid() {
      return isValid();
    },
    get isInvalid() {
      return !isValid();
    },
    onInvalidated,
    setTimeout(run, ms) {
      const timer = setTimeout(() => isValid() && run(), ms);
      onInvalidated(() => clearTimeout(timer));
    },
    requestAnimationFrame(run) {
      const frame = requestAnimationFrame(() => isValid() && run());
      onInvalidated(() => cancelAnimationFrame(frame));
    },
    addEventListener(target: EventTarget, type: string, run: (event: Event) => void, options?: AddEventListenerOptions) {
      if (type !== 'wxt:locationchange') return target.addEventListener(type, run, { ...options, signal });
      if (!isValid()) return;
      watch();
      moved.push(run as () => void);
    },
  };
}
