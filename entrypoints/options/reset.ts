import { removeOptionalPermissions } from '@/utils/permissions';
import { resetSettings } from '@/utils/settings';

/**
 * A reset's settings and permissions: the settings go back to the defaults first, then the
 * optional permissions are given back. In this order because the background, seeing the access
 * to tab addresses go, reads the settings to turn protection off (entrypoints/background/broad-access.ts):
 * it then finds the defaults and writes nothing, where the other order lets its write put the
 * old settings back over the reset. Answers whether the browser took the permissions back.
 */
export async function resetSettingsThenPermissions(): Promise<boolean> {
  await resetSettings();
  return removeOptionalPermissions();
}
