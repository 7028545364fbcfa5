import { storage } from '#imports';
import type { TabState } from '@/lib/view/exchange-view';

/**
 * The state the background last built for each tab, one session-storage key per tab. Session
 * storage is for extension pages only (content scripts cannot read it) and is gone when the
 * browser closes. The popup draws its first frame from this one read instead of waiting on a
 * round trip through the service worker; it still asks the background at once and redraws,
 * and the background drops every copy when the data behind the views changes.
 */
const PREFIX = 'tabState:';
const KINDS: ReadonlySet<string> = new Set(['exchange', 'lookalike', 'not-exchange']);

export async function readTabState(tabId: number): Promise<TabState | undefined> {
  const stored = await storage.getItem<TabState>(`session:${PREFIX}${tabId}`);
  // Anything other than a state this version writes is ignored; the background's answer follows.
  return stored !== null && typeof stored === 'object' && KINDS.has(stored.kind) ? stored : undefined;
}

export async function writeTabState(tabId: number, state: TabState): Promise<void> {
  await storage.setItem(`session:${PREFIX}${tabId}`, state);
}

export async function forgetTabState(tabId: number): Promise<void> {
  await storage.removeItem(`session:${PREFIX}${tabId}`);
}

export async function forgetAllTabStates(): Promise<void> {
  const held = await storage.snapshot('session');
  const keys = Object.keys(held).filter((key) => key.startsWith(PREFIX));
  if (keys.length > 0) await storage.removeItems(keys.map((key) => `session:${key}` as const));
}
