import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import { watchSettings } from './settings';

/**
 * Settings as stored, followed while the page is open: an import, a reset or another page's
 * change shows here, and a later edit builds on what is stored, never on an older copy.
 */
export function useStoredSettings(initial: Settings): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState(initial);
  useEffect(() => watchSettings(setSettings), []);
  return [settings, setSettings];
}
