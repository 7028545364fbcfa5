import { storage } from '#imports';

/** Where the background keeps each data source's state: its last success among it (entrypoints/background/data.ts). */
export const SOURCES_KEY = 'local:sources';

/**
 * Calls `changed` after each write of the data sources' stored state: an answer, a failure, a Reset. The popup follows
 * it, so that the first data update that arrives while it is open is drawn without reopening it. Returns the stop.
 */
export function watchSources(changed: () => void): () => void {
  return storage.watch<unknown>(SOURCES_KEY, () => changed());
}
