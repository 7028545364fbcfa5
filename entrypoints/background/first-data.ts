import { firstDataPending } from '@/lib/view/first-data';
import { memoizedRead } from '@/utils/memo-item';
import type { SourceState } from '@/lib/reserves/schedule';
import { sourceRows, sourcesItem } from './data';

/** The sources' states held in memory (utils/memo-item.ts), one per background context: the pill's answer asks storage for them once, then our writes hand them over. */
export function heldSourcesReader(): () => Promise<Record<string, SourceState>> {
  return memoizedRead(sourcesItem);
}

/**
 * True while no source of reserve figures has answered yet (`firstDataPending`): the data that came with the extension is
 * what the cards show. `heldSources`: `heldSourcesReader`'s.
 */
export async function bundledInUse(heldSources: () => Promise<Record<string, SourceState>>): Promise<boolean> {
  const states = await heldSources();
  const rows = sourceRows().map(({ id, group }) => {
    const lastSuccess = states[id]?.lastSuccess;
    return lastSuccess === undefined ? { group } : { group, lastSuccess };
  });
  return firstDataPending(rows);
}
