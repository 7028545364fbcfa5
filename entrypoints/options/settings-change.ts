import { useCallback } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { ChangeSettings } from '@/components/options/setting-change';
import { getSettings, updateSettings } from '@/utils/settings';

/**
 * The options page's change of settings: stores it, and hands the page what was stored. A change storage refuses
 * rejects, for the control to say so, after handing the page the settings read again: a new object, so the page
 * draws again and the control the user changed shows the stored value, not the one that was not saved.
 */
export function useSettingsChange(setSettings: (next: Settings) => void): ChangeSettings {
  return useCallback(
    async (patch: Partial<Settings>) => {
      try {
        setSettings(await updateSettings(patch));
      } catch (error) {
        await getSettings().then(setSettings, (readError: unknown) => console.error('[reserve-radar] settings not read again after a failed change', readError));
        throw error;
      }
    },
    [setSettings],
  );
}
