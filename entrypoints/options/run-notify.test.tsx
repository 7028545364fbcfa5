import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakePermissions } from '@/tests/fake-permissions';
import { NOTIFICATIONS } from '@/utils/permissions';
import { getSettings, updateSettings } from '@/utils/settings';
import { I18nContext, translateFrom } from '@/utils/i18n';
import { RunNotifications } from '@/components/RunNotifications';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { changeRunNotifications } from './run-notify';
import { localeMessages } from '../../utils/locale-files.testkit';

describe('changeRunNotifications: the options page turning run notifications on or off', () => {
  beforeEach(() => fakeBrowser.reset());

  test('granted at the click: the permission is held and the setting on', async () => {
    await expect(changeRunNotifications(true, false)).resolves.toBe(true);
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(true);
    expect((await getSettings()).runAlertNotifications).toBe(true);
  });

  test('already held: the browser is not asked again', async () => {
    await fakePermissions.grantInBrowser(NOTIFICATIONS);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    await expect(changeRunNotifications(true, true)).resolves.toBe(true);
    expect(request).not.toHaveBeenCalled();
    expect((await getSettings()).runAlertNotifications).toBe(true);
  });

  test('declined: answers false and leaves the setting off, so the box the page puts back is the truth', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await expect(changeRunNotifications(true, false)).resolves.toBe(false);
    expect((await getSettings()).runAlertNotifications).toBe(false);
  });

  test('the browser refusing the request is a failure, not a decline: it rejects and writes nothing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('This function must be called during a user gesture'));
    await expect(changeRunNotifications(true, false)).rejects.toThrow('user gesture');
    expect((await getSettings()).runAlertNotifications).toBe(false);
  });

  test('granted, but storage refuses the setting: it rejects, the setting stays off, and the permission granted for it is given back', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changeRunNotifications(true, false)).rejects.toThrow('QUOTA_BYTES');
    // Least privilege: no stored setting wants it.
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(false);
    vi.restoreAllMocks();
    expect((await getSettings()).runAlertNotifications).toBe(false);
  });

  test('turning off, and storage refuses: it rejects, and the setting stays on', async () => {
    await fakePermissions.grantInBrowser(NOTIFICATIONS);
    await updateSettings({ runAlertNotifications: true });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changeRunNotifications(false, true)).rejects.toThrow('QUOTA_BYTES');
    vi.restoreAllMocks();
    expect((await getSettings()).runAlertNotifications).toBe(true);
  });
});

describe('the run notifications switch with this glue', () => {
  effectsOnNextTask();
  beforeEach(() => fakeBrowser.reset());
  const t = translateFrom(localeMessages('fr'));

  test("granted, but storage refuses the setting: the box goes back and the page says so in the reader's language", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const { window, root, $ } = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'fr' }}>
        <RunNotifications enabled={false} holdsOnExchange notificationsGranted={false} onChange={(enabled) => changeRunNotifications(enabled, false)} />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const box = $('run-notify') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(box.checked).toBe(false);
    expect(root.querySelector('[role="status"]')?.textContent).toBe(t('runNotifyFailed'));
    // The permission asked for at this click went back with the setting that failed.
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(false);
    render(null, root);
  });
});
