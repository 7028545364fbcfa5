import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from './page-context';
import { REPORT_PAGE, VIEW_CHANGED } from '@/lib/view/tab-push';
import { onViewChanged, reportWhenAsked } from './view-updates';

const ctx = {
  isValid: true,
  onInvalidated: () => undefined,
  addEventListener: (target: EventTarget, type: string, handler: (event: Event) => void) => target.addEventListener(type, handler),
} as unknown as PageContext;
const notice = () => fakeBrowser.runtime.onMessage.trigger(VIEW_CHANGED, { id: fakeBrowser.runtime.id }, () => undefined);

describe('onViewChanged: a notice that comes while the pill is still being drawn is not lost', () => {
  beforeEach(() => fakeBrowser.reset());

  test('heard from the start, acted on once the pill is ready (once for several)', async () => {
    const changes = onViewChanged(ctx);
    await notice();
    await notice();
    const changed = vi.fn();
    changes.ready(changed);
    expect(changed).toHaveBeenCalledTimes(1);
    await notice();
    expect(changed).toHaveBeenCalledTimes(2);
  });

  test('no notice before ready: nothing to act on; a message from elsewhere is no notice', async () => {
    const changes = onViewChanged(ctx);
    await fakeBrowser.runtime.onMessage.trigger(VIEW_CHANGED, { id: 'another-extension' }, () => undefined);
    const changed = vi.fn();
    changes.ready(changed);
    expect(changed).not.toHaveBeenCalled();
  });
});

describe('reportWhenAsked: the background asks where the tab is', () => {
  beforeEach(() => fakeBrowser.reset());

  test('our background asks: the page is reported through `page-here`, and the answer comes once that is done', async () => {
    const reported: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      reported.push(message);
    }) as unknown as typeof fakeBrowser.runtime.sendMessage);
    reportWhenAsked(ctx);
    const answered = new Promise((resolve) => void fakeBrowser.runtime.onMessage.trigger(REPORT_PAGE, { id: fakeBrowser.runtime.id }, resolve));
    expect(await answered).toBe(true);
    expect(reported).toEqual([{ type: 'page-here' }]);
  });

  test('another extension, or another notice, gets nothing reported', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    reportWhenAsked(ctx);
    await fakeBrowser.runtime.onMessage.trigger(REPORT_PAGE, { id: 'another-extension' }, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(VIEW_CHANGED, { id: fakeBrowser.runtime.id }, () => undefined);
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('onViewChanged: a `pageshow` is no notice', () => {
  beforeEach(() => fakeBrowser.reset());

  test("a page's own persisted `pageshow` (made by its script) does not ask again: the background tells a restored tab itself", () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    const changed = vi.fn();
    onViewChanged(ctx).ready(changed);
    for (let count = 0; count < 50; count++) page.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(changed).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
