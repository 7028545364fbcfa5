import { browser } from 'wxt/browser';
import { NOTIFICATIONS } from '@/utils/permissions';
import { updateSettings } from '@/utils/settings';

/**
 * Turns run notifications on or off, asking for the notifications permission first when turning them on without it
 * (only at the user's click, with the reason on screen beside the switch). Resolves false when the user declines, and
 * then writes nothing: the setting stays as the box goes back to. Rejects when the browser refuses the request or
 * storage the write, so the page can say it failed rather than that the user said no.
 */
export async function changeRunNotifications(enabled: boolean, granted: boolean): Promise<boolean> {
  if (enabled && !granted && !(await browser.permissions.request(NOTIFICATIONS))) return false;
  await updateSettings({ runAlertNotifications: enabled });
  return true;
}
