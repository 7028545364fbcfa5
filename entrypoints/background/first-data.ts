import { bundledCheckedOn } from '@/lib/reserves/bundled-holds';
import { bundledSnapshot, bundledSnapshotProblem } from '@/lib/reserves/snapshot';
import { firstDataPending } from '@/lib/view/first-data';
import { memoizedRead } from '@/utils/memo-item';
import type { SourceState } from '@/lib/reserves/schedule';
import { sourceRows, sourcesItem } from './data';

/** The sources' states held in memory (utils/memo-item.ts), one per background context: the pill's answer asks storage for them once, then our writes hand them over. */
export function heldSourcesReader(): () => Promise<Record<string, SourceState>> {
  return memoizedRead(sourcesItem);
}

/**
 * While no source of reserve figures has answered yet (`firstDataPending`), the data that came with the extension is what
 * the cards show: the day we last checked its proof-of-reserves records (`bundledCheckedOn`, our copy's age), `checked`
 * absent when unknown. Undefined once any source has answered. `heldSources`: `heldSourcesReader`'s.
 */
export async function bundledInUse(heldSources: () => Promise<Record<string, SourceState>>): Promise<{ checked?: string } | undefined> {
  const states = await heldSources();
  const rows = sourceRows().map(({ id, group }) => {
    const lastSuccess = states[id]?.lastSuccess;
    return lastSuccess === undefined ? { group } : { group, lastSuccess };
  });
  if (!firstDataPending(rows)) return undefined;
  const checked = bundledSnapshotProblem() === undefined ? bundledCheckedOn(bundledSnapshot()) : undefined;
  return checked === undefined ? {} : { checked };
}
