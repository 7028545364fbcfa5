import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageContext } from './page-context';

/** The page's document (events only), address and, when the browser has it, Navigation API. */
function page({ navigationApi }: { navigationApi: boolean }) {
  const document = new EventTarget();
  const location = { href: 'https://www.binance.com/en' };
  const navigation = new EventTarget();
  const window = new EventTarget();
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('location', location);
  vi.stubGlobal('navigation', navigationApi ? navigation : undefined);
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => setTimeout(run, 16));
  vi.stubGlobal('cancelAnimationFrame', (frame: ReturnType<typeof setTimeout>) => clearTimeout(frame));
  /** An in-app navigation: the Navigation API tells it before the address changes; without it, only the address changes. */
  const go = (url: string) => {
    if (navigationApi) navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    location.href = url;
  };
  return { document, window: window as Window, go };
}

/** Chrome leaves a script orphaned when its extension is reloaded, updated or removed: the runtime has no id any more. */
const extensionGoes = () => vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('pageContext: what the exchange-page script ties to its life dies with it', () => {
  test('valid while the extension is there; once it went, invalid for good, and every teardown runs once', () => {
    page({ navigationApi: true });
    const ctx = pageContext('exchange');
    const teardown = vi.fn();
    ctx.onInvalidated(teardown);
    expect(ctx.isValid).toBe(true);
    expect(ctx.isInvalid).toBe(false);
    expect(teardown).not.toHaveBeenCalled();
    const gone = extensionGoes();
    expect(ctx.isInvalid).toBe(true);
    gone.mockRestore();
    expect(ctx.isValid).toBe(false);
    expect(ctx.isInvalid).toBe(true);
    expect(teardown).toHaveBeenCalledOnce();
  });

  test('timers and frames run while valid, never after', () => {
    page({ navigationApi: true });
    const ctx = pageContext('exchange');
    const ran: string[] = [];
    ctx.setTimeout(() => ran.push('first timeout'), 10);
    ctx.requestAnimationFrame(() => ran.push('first frame'));
    vi.advanceTimersByTime(20);
    ctx.setTimeout(() => ran.push('late timeout'), 10);
    ctx.requestAnimationFrame(() => ran.push('late frame'));
    extensionGoes();
    vi.advanceTimersByTime(20);
    expect(ran).toEqual(['first timeout', 'first frame']);
  });

  test("a listener on the page's document hears events while valid, and is removed when the context dies", () => {
    const { document } = page({ navigationApi: true });
    const ctx = pageContext('exchange');
    const heard = vi.fn();
    ctx.addEventListener(document as Document, 'input', heard, { capture: true, passive: true });
    document.dispatchEvent(new Event('input'));
    extensionGoes();
    expect(ctx.isValid).toBe(false);
    document.dispatchEvent(new Event('input'));
    expect(heard).toHaveBeenCalledOnce();
  });

  test("starting, it sends WXT's started notice, which stops an older copy made with WXT's class", () => {
    const { document } = page({ navigationApi: true });
    const heard: unknown[] = [];
    document.addEventListener(`${fakeBrowser.runtime.id}:exchange:wxt:content-script-started`, (event) => heard.push((event as CustomEvent).detail));
    pageContext('exchange');
    expect(heard).toEqual([{ contentScriptName: 'exchange', messageId: expect.any(String) }]);
  });

  test('nothing sent on the document stops it: the page can forge the started notice, with any detail', () => {
    const { document } = page({ navigationApi: true });
    const ctx = pageContext('exchange');
    const teardown = vi.fn();
    ctx.onInvalidated(teardown);
    const started = `${fakeBrowser.runtime.id}:exchange:wxt:content-script-started`;
    for (const detail of [{ contentScriptName: 'exchange', messageId: 'forged' }, { contentScriptName: 'exchange' }, null]) document.dispatchEvent(new CustomEvent(started, { detail }));
    document.dispatchEvent(new Event(started));
    pageContext('exchange');
    expect(ctx.isValid).toBe(true);
    expect(teardown).not.toHaveBeenCalled();
  });
});

describe.each([true, false])('pageContext: in-app navigations (Navigation API: %s)', (navigationApi) => {
  test('each new address is told once to every listener, a same-address navigation not at all, nothing once the context died', () => {
    const { window, go } = page({ navigationApi });
    const ctx = pageContext('exchange');
    const first = vi.fn();
    const second = vi.fn();
    ctx.addEventListener(window, 'wxt:locationchange', first);
    ctx.addEventListener(window, 'wxt:locationchange', second);
    go('https://www.binance.com/en');
    vi.advanceTimersByTime(1000);
    expect(first).not.toHaveBeenCalled();
    go('https://www.binance.com/en/my/wallet');
    vi.advanceTimersByTime(1000);
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    go('https://www.binance.com/en/my/wallet/withdraw');
    vi.advanceTimersByTime(1000);
    expect(first).toHaveBeenCalledTimes(2);
    extensionGoes();
    vi.advanceTimersByTime(1000);
    go('https://www.binance.com/en/markets');
    vi.advanceTimersByTime(1000);
    expect(first).toHaveBeenCalledTimes(2);
    expect(second).toHaveBeenCalledTimes(2);
  });
});

describe('pageContext: where the Navigation API is missing', () => {
  test('the address is looked at on a timer, which stops when the context dies', () => {
    const { window } = page({ navigationApi: false });
    const ctx = pageContext('exchange');
    ctx.addEventListener(window, 'wxt:locationchange', vi.fn());
    expect(vi.getTimerCount()).toBe(1);
    extensionGoes();
    expect(ctx.isValid).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
