import { defineLazyItem } from '@/utils/lazy-item';
import { parseSettings, type Settings } from '@/lib/settings';
import { memoizedRead } from './memo-item';

/** Declared once; every entrypoint reads settings through here so they are always validated. */
const settingsItem = defineLazyItem<unknown>('local:settings', { version: 1 });

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await getSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

/** Replaces every setting in one write (an import), so no moment of storage holds none; watchers see one change. */
export async function replaceSettings(next: Settings): Promise<Settings> {
  const parsed = parseSettings(next);
  await settingsItem.setValue(parsed);
  return parsed;
}

export async function resetSettings(): Promise<void> {
  await settingsItem.removeValue();
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}

/**
 * For the background's answer to the exchange page, which the pill's first paint waits on:
 * validated settings from a copy held in memory until storage reports a change.
 */
export function heldSettingsReader(): () => Promise<Settings> {
  const read = memoizedRead(settingsItem);
  return async () => parseSettings(await read());
}

/** When the pill was last shown per exchange, for the "once a day" policy. Local only. */
export const nudgeSeen = defineLazyItem<Record<string, number>>('local:nudgeSeen', { fallback: {}, version: 1 });
