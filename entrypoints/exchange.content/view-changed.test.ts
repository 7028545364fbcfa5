import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from '#imports';
import { VIEW_CHANGED } from '@/lib/view/tab-push';
import { onViewChanged } from './view-updates';

const ctx = { isValid: true, onInvalidated: () => undefined } as unknown as ContentScriptContext;
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
