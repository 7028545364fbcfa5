import { render } from 'preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '@/components/Options';
import { quietOptions } from '@/components/options/options.testkit';
import { effectsOnNextTask, page, settle } from '@/components/test-dom';
import { defaultSettings, type Settings } from '@/lib/settings';
import { I18nContext, translateFrom } from '@/utils/i18n';
import { getSettings, updateSettings } from '@/utils/settings';
import { useStoredSettings } from '@/utils/stored-settings';
import { useSettingsChange } from './settings-change';
import { localeMessages } from '../../utils/locale-files.testkit';

const refuseWrites = () => vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));

/** Renders the hook alone: what it hands the page, in order, and the change it returns. */
function hook() {
  const handed: Settings[] = [];
  let change: ((patch: Partial<Settings>) => Promise<unknown>) | undefined;
  function Probe() {
    change = useSettingsChange((next) => handed.push(next));
    return null;
  }
  const { root } = page();
  render(<Probe />, root);
  return { handed, change: (patch: Partial<Settings>) => (change as NonNullable<typeof change>)(patch), root };
}

describe('useSettingsChange: the options page storing a change of settings', () => {
  effectsOnNextTask();
  beforeEach(() => fakeBrowser.reset());

  test('a change storage takes is stored, and the page is handed what was stored', async () => {
    const { handed, change, root } = hook();
    await expect(change({ nudgePolicy: 'off' })).resolves.toBeUndefined();
    expect((await getSettings()).nudgePolicy).toBe('off');
    expect(handed.at(-1)?.nudgePolicy).toBe('off');
    render(null, root);
  });

  test('a change storage refuses rejects, stores nothing, and hands the page the stored settings again as a new object, so it draws again', async () => {
    await updateSettings({ nudgePolicy: 'daily' });
    const { handed, change, root } = hook();
    refuseWrites();
    await expect(change({ nudgePolicy: 'off' })).rejects.toThrow('QUOTA_BYTES');
    vi.restoreAllMocks();
    expect((await getSettings()).nudgePolicy).toBe('daily');
    expect(handed).toHaveLength(1);
    expect(handed[0]).toEqual(await getSettings());
    render(null, root);
  });
});

describe('the options page with this glue, storage refusing every write', () => {
  effectsOnNextTask();
  beforeEach(() => fakeBrowser.reset());
  const t = translateFrom(localeMessages('es'));

  function OptionsPage({ initial }: { initial: Settings }) {
    const [settings, setSettings] = useStoredSettings(initial);
    const change = useSettingsChange(setSettings);
    return (
      <I18nContext.Provider value={{ t, locale: 'es' }}>
        <Options {...quietOptions} settings={settings} onChange={change} />
      </I18nContext.Provider>
    );
  }

  test("the auto-expand box goes back to the stored setting and says so in the reader's language; nothing is stored", async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { root, $, window } = page();
    render(<OptionsPage initial={defaultSettings} />, root);
    await settle();
    refuseWrites();
    const box = root.querySelector('[data-testid="nudge-policy"] input[type="checkbox"]') as HTMLInputElement;
    box.checked = !defaultSettings.autoExpandOnDanger;
    box.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(box.checked).toBe(defaultSettings.autoExpandOnDanger);
    expect($('nudge-notice')?.textContent).toBe(t('settingNotSaved'));
    vi.restoreAllMocks();
    expect((await getSettings()).autoExpandOnDanger).toBe(defaultSettings.autoExpandOnDanger);
    render(null, root);
  });
});
