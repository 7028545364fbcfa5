import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HoldingsData } from '@/components/HoldingsData';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { I18nContext, translateFrom } from '@/utils/i18n';
import { NOTIFICATIONS } from '@/utils/permissions';
import { getSettings, updateSettings } from '@/utils/settings';
import { changeReminders } from './reminders';
import { localeMessages } from '../../utils/locale-files.testkit';

describe('changeReminders: the options page storing the reminders chosen', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a reminder turned on, the permission granted at the click: it answers true and the choice is stored', async () => {
    await expect(changeReminders({ proofOfKeysDay: true }, false)).resolves.toBe(true);
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(true);
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: true });
  });

  test('declined: it answers false, and the choice is stored all the same, to remind once the permission is given', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await expect(changeReminders({ proofOfKeysDay: false, monthlyDay: 3 }, false)).resolves.toBe(false);
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: false, monthlyDay: 3 });
  });

  test('the browser refusing the request is a failure, not a decline: it rejects and stores nothing', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('This function must be called during a user gesture'));
    await expect(changeReminders({ proofOfKeysDay: true }, false)).rejects.toThrow('user gesture');
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: false });
  });

  test('granted at the click, but storage refuses the choice: it rejects, and the permission granted for it is given back', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changeReminders({ proofOfKeysDay: true }, false)).rejects.toThrow('QUOTA_BYTES');
    vi.restoreAllMocks();
    expect(await fakeBrowser.permissions.contains(NOTIFICATIONS)).toBe(false);
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: false });
  });

  test('storage refusing the choice: it rejects, and the reminders stay as they were', async () => {
    await updateSettings({ reminders: { proofOfKeysDay: true } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(changeReminders({ proofOfKeysDay: false }, true)).rejects.toThrow('QUOTA_BYTES');
    vi.restoreAllMocks();
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: true });
  });
});

describe('the reminders with this glue', () => {
  effectsOnNextTask();
  beforeEach(() => fakeBrowser.reset());
  const t = translateFrom(localeMessages('sv'));

  test("the browser refusing the request: the box goes back and the section says the change was not made, in the reader's language, not that the user declined", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('This function must be called during a user gesture'));
    const { window, root, $ } = page();
    render(
      <I18nContext.Provider value={{ t, locale: 'sv' }}>
        <HoldingsData
          reminders={{ proofOfKeysDay: false }}
          notificationsGranted={false}
          onReminders={(next) => changeReminders(next, false)}
          onExport={() => Promise.resolve('with-lists')}
          onImport={() => Promise.resolve({ ok: true, holdings: 0, addresses: 0, history: 0 })}
          onDeleteEverything={() => Promise.resolve(true)}
          unusedRpcUrls={[]}
        />
      </I18nContext.Provider>,
      root,
    );
    await settle();
    const box = $('reminder-pok') as HTMLInputElement;
    box.checked = true;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(box.checked).toBe(false);
    expect($('reminders-notice')?.getAttribute('role')).toBe('status');
    expect($('reminders-notice')?.textContent).toBe(t('settingNotSaved'));
    expect($('reminders-no-permission')).toBeNull();
    expect((await getSettings()).reminders).toEqual({ proofOfKeysDay: false });
    render(null, root);
  });
});
