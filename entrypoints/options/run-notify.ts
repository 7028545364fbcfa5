import { browser } from 'wxt/browser';
import { NOTIFICATIONS, storeOrGiveBackNotifications } from '@/utils/permissions';
import { updateSettings } from '@/utils/settings';

/**
 * Turns run notifications on or off, asking for the notifications permission first when turning them on without it
 * (only at the user's click, with the reason on screen beside the switch). Resolves false when the user declines, and
 * then writes nothing: the setting stays as the box goes back to. Rejects when the browser refuses the request or
 * storage the write (the permission asked for at this click then goes back), so the page can say it failed rather than
 * that the user said no.
 */
export async function changeRunNotifications(enabled: boolean, granted: boolean): Promise<boolean> {
  const asked = enabled && !granted;
  if (asked && !(await browser.permissions.request(NOTIFICATIONS))) return false;
  await storeOrGiveBackNotifications(asked, () => updateSettings({ runAlertNotifications: enabled }));
  return true;
}
