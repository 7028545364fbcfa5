import { browser } from 'wxt/browser';
import type { Reminders } from '@/components/HoldingsData';
import { NOTIFICATIONS, storeOrGiveBackNotifications } from '@/utils/permissions';
import { updateSettings } from '@/utils/settings';

export function wantsAnyReminder(reminders: Reminders): boolean {
  return reminders.monthlyDay !== undefined || reminders.proofOfKeysDay;
}

/**
 * Stores the reminders chosen, asking for the notifications permission first when one is on without it (only at the
 * user's click). Resolves false when the user declines, and stores the choice all the same: the reminders wait for the
 * permission, and the page says none is shown until then. Rejects, storing nothing, when the browser refuses the
 * request, so the page can say it failed rather than that the user said no; rejects too when storage refuses the write,
 * and then gives back the permission granted at this click.
 */
export async function changeReminders(next: Reminders, granted: boolean): Promise<boolean> {
  const asked = !granted && wantsAnyReminder(next);
  const held = !asked || (await browser.permissions.request(NOTIFICATIONS));
  await storeOrGiveBackNotifications(asked && held, () => updateSettings({ reminders: next }));
  return held;
}
