import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from './fake-permissions';

/**
 * The stand-in answers as the browser does: host permissions are match patterns, and a granted pattern covers every
 * pattern whose URLs it matches (MDN, permissions.contains: "if the extension's permissions pattern-match the
 * permissions listed in origins, then they are considered to match"; Chrome's match-patterns page for what each part
 * matches; the path of a host permission is ignored).
 */
const { permissions } = fakeBrowser;

describe('the permissions stand-in', () => {
  beforeEach(() => fakeBrowser.reset());

  describe('contains: a granted pattern covers the patterns it matches', () => {
    test.each([
      ['*://*/*', 'https://a.com/*'],
      ['*://*/*', 'http://a.com/'],
      ['*://*/*', '*://a.com/*'],
      ['<all_urls>', 'https://a.com/*'],
      ['<all_urls>', '*://*/*'],
      ['<all_urls>', 'file:///*'],
      ['https://*/*', 'https://sub.a.com/*'],
      ['*://*.mozilla.org/*', '*://mozilla.org/'],
      ['*://*.mozilla.org/*', 'https://developer.mozilla.org/'],
      ['*://*.mozilla.org/*', '*://*.developer.mozilla.org/*'],
      ['https://a.com/*', 'https://a.com/some/path'],
      ['https://a.com/path', 'https://a.com/other'],
      ['https://A.com/*', 'https://a.COM/*'],
      ['https://a.com/*', 'https://a.com:8443/*'],
      ['https://a.com:8443/*', 'https://a.com:8443/*'],
    ])('%s covers %s', async (granted, asked) => {
      await fakePermissions.grantInBrowser({ origins: [granted] });
      expect(await permissions.contains({ origins: [asked] })).toBe(true);
    });

    test.each([
      ['https://a.com/*', 'https://b.com/*'],
      ['https://a.com/*', 'http://a.com/*'],
      ['https://a.com/*', '*://a.com/*'],
      ['https://a.com/*', 'https://sub.a.com/*'],
      ['https://a.com/*', 'https://*/*'],
      ['*://*.mozilla.org/*', 'https://notmozilla.org/*'],
      ['*://*.mozilla.org/*', '*://*/*'],
      ['*://*/*', '<all_urls>'],
      ['*://*/*', 'file:///*'],
      ['*://*/*', 'ftp://a.com/*'],
      ['https://a.com:8443/*', 'https://a.com/*'],
      ['https://a.com:8443/*', 'https://a.com:443/*'],
    ])('%s does not cover %s', async (granted, asked) => {
      await fakePermissions.grantInBrowser({ origins: [granted] });
      expect(await permissions.contains({ origins: [asked] })).toBe(false);
    });

    test('every origin and every named permission asked must be held', async () => {
      await fakePermissions.grantInBrowser({ origins: ['*://*/*'], permissions: ['notifications'] });
      expect(await permissions.contains({ origins: ['https://a.com/*', 'http://b.org/*'], permissions: ['notifications'] })).toBe(true);
      expect(await permissions.contains({ origins: ['https://a.com/*'], permissions: ['notifications', 'alarms'] })).toBe(false);
      expect(await permissions.contains({ origins: ['https://a.com/*', 'file:///*'] })).toBe(false);
      expect(await permissions.contains({})).toBe(true);
    });

    test('an origin that is no match pattern is refused, as the browser refuses it', async () => {
      await expect(permissions.contains({ origins: ['a.com'] })).rejects.toThrow();
      await expect(permissions.contains({ origins: ['https://a.*.com/*'] })).rejects.toThrow();
    });
  });

  describe('request', () => {
    test('already covered: answers true without asking, changes nothing and fires nothing', async () => {
      await fakePermissions.grantInBrowser({ origins: ['<all_urls>'], permissions: ['notifications'] });
      const added = vi.fn();
      permissions.onAdded.addListener(added);
      expect(await permissions.request({ origins: ['https://a.com/*', '*://*/*'], permissions: ['notifications'] })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(added).not.toHaveBeenCalled();
      expect(await permissions.getAll()).toEqual({ origins: ['<all_urls>'], permissions: ['notifications'] });
    });

    test('not covered: grants it, and onAdded names only what was not held', async () => {
      await fakePermissions.grantInBrowser({ origins: ['*://*/*'] });
      const added = vi.fn();
      permissions.onAdded.addListener(added);
      expect(await permissions.request({ origins: ['https://a.com/*', 'file:///*'], permissions: ['notifications'] })).toBe(true);
      await vi.waitFor(() => expect(added).toHaveBeenCalledWith({ origins: ['file:///*'], permissions: ['notifications'] }));
      expect(await permissions.contains({ origins: ['file:///*', 'https://b.com/*'], permissions: ['notifications'] })).toBe(true);
    });
  });

  describe('remove', () => {
    test('the granted pattern itself: gone, onRemoved says so, and the patterns it covered are no longer held', async () => {
      await fakePermissions.grantInBrowser({ origins: ['*://*/*'] });
      const removed = vi.fn();
      permissions.onRemoved.addListener(removed);
      expect(await permissions.remove({ origins: ['*://*/*'] })).toBe(true);
      await vi.waitFor(() => expect(removed).toHaveBeenCalledWith({ origins: ['*://*/*'], permissions: [] }));
      expect(await permissions.contains({ origins: ['https://a.com/*'] })).toBe(false);
    });

    // Both browsers answer true whenever they do not refuse, though the site stays granted here (see the fake's header).
    test('a narrower pattern under a broader grant: the grant stays, so the site is still granted, yet the answer is true', async () => {
      await fakePermissions.grantInBrowser({ origins: ['*://*/*'] });
      const removed = vi.fn();
      permissions.onRemoved.addListener(removed);
      expect(await permissions.remove({ origins: ['https://a.com/*'] })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(removed).not.toHaveBeenCalled();
      expect(await permissions.contains({ origins: ['https://a.com/*'] })).toBe(true);
    });

    test('nothing of it held: the answer is true, and nothing fires', async () => {
      const removed = vi.fn();
      permissions.onRemoved.addListener(removed);
      expect(await permissions.remove({ origins: ['*://*/*'], permissions: ['notifications'] })).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(removed).not.toHaveBeenCalled();
    });

    test('a required permission named: refused, and nothing removed', async () => {
      vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ name: 'x', version: '1', manifest_version: 3, permissions: ['notifications'] } as never);
      await fakePermissions.grantInBrowser({ origins: ['*://*/*'], permissions: ['notifications'] });
      await expect(permissions.remove({ origins: ['*://*/*'], permissions: ['notifications'] })).rejects.toThrow('required');
      expect(await permissions.contains({ origins: ['*://*/*'], permissions: ['notifications'] })).toBe(true);
    });

    test("a host a content script's match covers: refused, as Chrome refused it for a user's own site grant", async () => {
      vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
        name: 'x',
        version: '1',
        manifest_version: 3,
        content_scripts: [{ matches: ['https://*.binance.com/*'], js: ['c.js'] }],
      } as never);
      await fakePermissions.grantInBrowser({ origins: ['https://www.binance.com/*'] });
      await expect(permissions.remove({ origins: ['https://www.binance.com/*'] })).rejects.toThrow('required');
      expect(await permissions.contains({ origins: ['https://www.binance.com/*'] })).toBe(true);
    });
  });
});
