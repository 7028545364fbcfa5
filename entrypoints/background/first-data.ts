import { bundledCheckedOn } from '@/lib/reserves/bundled-holds';
import { bundledSnapshot, bundledSnapshotProblem } from '@/lib/reserves/snapshot';
import { firstDataPending } from '@/lib/view/first-data';
import { sourceRows, sourcesItem } from './data';

/**
 * While no source of reserve figures has answered yet (`firstDataPending`), the data that came with the extension is what
 * the cards show: the day we last checked its proof-of-reserves records (`bundledCheckedOn`, our copy's age), `checked`
 * absent when unknown. Undefined once any source has answered.
 */
export async function bundledInUse(): Promise<{ checked?: string } | undefined> {
  const states = await sourcesItem.getValue();
  const rows = sourceRows().map(({ id, group }) => {
    const lastSuccess = states[id]?.lastSuccess;
    return lastSuccess === undefined ? { group } : { group, lastSuccess };
  });
  if (!firstDataPending(rows)) return undefined;
  const checked = bundledSnapshotProblem() === undefined ? bundledCheckedOn(bundledSnapshot()) : undefined;
  return checked === undefined ? {} : { checked };
}
