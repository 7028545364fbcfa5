import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import { getSettings, watchSettings } from './settings';

/**
 * Settings as stored, followed while the page is open: an import, a reset or another page's
 * change shows here, and a later edit builds on what is stored, never on an older copy
 * (`followStoredSettings`).
 */
export function useStoredSettings(initial: Settings): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState(initial);
  useEffect(() => followStoredSettings(setSettings), []);
  return [settings, setSettings];
}

/**
 * Calls `follow` with each stored change, and once with the settings read as the watch starts, for a
 * change stored while the page was loading, which is never reported to it; a report that comes first is
 * newer, and that read is then dropped. Returns the watch's stop.
 */
export function followStoredSettings(follow: (next: Settings) => void): () => void {
  let reported = false;
  const stop = watchSettings((next) => {
    reported = true;
    follow(next);
  });
  getSettings().then(
    (next) => reported || follow(next),
    () => undefined,
  );
  return stop;
}
