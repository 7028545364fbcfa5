import { browser } from 'wxt/browser';

/**
 * What the exchange-page script uses of a content script's context: WXT's `ContentScriptContext`
 * cut to these few members (modules/page-script-entries.ts hands this one to the script in place of
 * WXT's, which weighs about 1 KB gzipped). Everything tied to it stops when the context dies: the
 * extension was reloaded, updated or removed (`browser.runtime.id` is gone, as Chrome leaves an
 * orphaned script), or a newer copy of this script started in the same page.
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

/** WXT's name for it, so a newer copy stops an older one whichever of the two versions made it. */
const startedEvent = (name: string) => `${browser.runtime.id}:${name}:wxt:content-script-started`;

/** How often the address is looked at where the Navigation API is missing (WXT's interval). */
const LOOK_MS = 1000;

export function pageContext(name: string): PageContext {
  const controller = new AbortController();
  const { signal } = controller;
  const id = Math.random().toString(36).slice(2);
  const started = startedEvent(name);
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
  // A newer copy of this script (another version of the extension) takes the page over: this one stops.
  document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: name, messageId: id } }));
  document.addEventListener(
    started,
    (event) => {
      const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
      if (event instanceof CustomEvent && detail?.contentScriptName === name && detail.messageId !== id) controller.abort();
    },
    { signal },
  );
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
