import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import { useBroadAccess } from './broad-access';
import { LEGACY_ALL_SITES, TAB_ADDRESSES } from './permissions';

/** A page showing only what the hook says, with no background running: nothing else can change it. */
function Shown({ initial }: { initial: boolean }) {
  return <p id="access">{String(useBroadAccess(initial))}</p>;
}

describe('useBroadAccess: a page follows the access to tab addresses by itself', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  function mount(initial: boolean) {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    act(() => render(<Shown initial={initial} />, root));
    const shown = () => root.querySelector('#access')?.textContent;
    return { root, shown };
  }

  test('taken away in the browser while the page is open: it says so', async () => {
    await fakePermissions.grantInBrowser(TAB_ADDRESSES);
    const { root, shown } = mount(true);
    await act(() => fakePermissions.removeInBrowser(TAB_ADDRESSES));
    await vi.waitFor(() => expect(shown()).toBe('false'));
    act(() => render(null, root));
  });

  test('given in the browser while the page is open: it says so', async () => {
    const { root, shown } = mount(false);
    await act(() => fakePermissions.grantInBrowser(TAB_ADDRESSES));
    await vi.waitFor(() => expect(shown()).toBe('true'));
    act(() => render(null, root));
  });

  test('the access to all sites granted before counts, and its loss too while `tabs` is not held', async () => {
    await fakePermissions.grantInBrowser(LEGACY_ALL_SITES);
    const { root, shown } = mount(false);
    await vi.waitFor(() => expect(shown()).toBe('true'));
    await act(() => fakePermissions.grantInBrowser(TAB_ADDRESSES));
    await act(() => fakePermissions.removeInBrowser(LEGACY_ALL_SITES));
    expect(shown()).toBe('true');
    await act(() => fakePermissions.removeInBrowser(TAB_ADDRESSES));
    await vi.waitFor(() => expect(shown()).toBe('false'));
    act(() => render(null, root));
  });

  test('the first read corrects a stale start: no access held, though the page began thinking so', async () => {
    const { root, shown } = mount(true);
    await vi.waitFor(() => expect(shown()).toBe('false'));
    act(() => render(null, root));
  });
});
