import { defineLazyItem } from '@/utils/lazy-item';
import { parseSettings, type Settings } from '@/lib/settings';
import { snoozesInForce } from '@/lib/view/nudge-policy';
import { memoizedRead } from './memo-item';
import { inTurn, replaceInTurn, replacement, updateItem, type Replacement } from './in-turn';

/** Declared once; every entrypoint reads and writes settings through here so they are always validated. */
const settingsItem = defineLazyItem<unknown>('local:settings', { version: 1 });

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/**
 * Merges `patch` into the settings as stored, in the settings' turn across the background and our
 * pages (utils/in-turn.ts): changes made at the same moment elsewhere all stay. `patch` as a
 * function is made from the settings as stored just before; `undefined` writes nothing.
 */
export async function updateSettings(patch: Partial<Settings> | ((current: Settings) => Partial<Settings> | undefined)): Promise<Settings> {
  return parseSettings(
    await updateItem(settingsItem, (stored) => {
      const current = parseSettings(stored);
      const wanted = typeof patch === 'function' ? patch(current) : patch;
      return wanted === undefined ? stored : parseSettings({ ...current, ...wanted });
    }),
  );
}

/**
 * Takes the spent card snoozes out of storage (`snoozesInForce`): those whose time has passed, and those made on data
 * other than the exchange's now (`fingerprints`, by exchange id). Writes nothing when none is spent. `fingerprints` is
 * asked in the settings' turn, after any snooze written before: `undefined` there (the data moved on since they were
 * made) keeps every snooze until a data change, for a later call to judge.
 */
export async function dropSpentSnoozes(now: number, fingerprints: () => Readonly<Record<string, string>> | undefined): Promise<void> {
  await updateSettings(({ snoozes }) => {
    const kept = snoozesInForce(snoozes, now, fingerprints());
    return kept === snoozes ? undefined : { snoozes: kept };
  });
}

/** Replaces every setting in one write, in the settings' turn, so no moment of storage holds none; watchers see one change. */
export async function replaceSettings(next: Settings): Promise<Settings> {
  return replaceInTurn(settingsReplacement(next));
}

/** The settings replaced by `next`, validated, for a write with other values (utils/import-write.ts). */
export function settingsReplacement(next: Settings): Replacement<Settings> {
  return replacement(settingsItem, parseSettings(next));
}

export async function resetSettings(): Promise<void> {
  await inTurn(settingsItem.key, () => settingsItem.removeValue());
}

export function watchSettings(callback: (settings: Settings, before: Settings) => void): () => void {
  return settingsItem.watch((value, old) => callback(parseSettings(value), parseSettings(old)));
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

/** Tabs of different exchanges can say so at the same moment: each time stays. */
export async function markNudgeShown(exchangeId: string, now: number = Date.now()): Promise<void> {
  await updateItem(nudgeSeen, (seen) => ({ ...seen, [exchangeId]: now }));
}
