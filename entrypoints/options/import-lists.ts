import { MAX_SUBSCRIPTIONS } from '@/lib/community/subscription';
import { exportedLists, type ExportedList } from '@/lib/holdings/export-lists';
import type { ListsImport } from '@/entrypoints/background/import-lists';
import type { ListsOutcome } from '@/components/HoldingsData';

/**
 * The subscriptions for an export file, by address and maintainer only; undefined (logged) when they could not be read:
 * the file is written without them then, and the page says the lists were left out.
 */
export async function listsForExport(read: () => Promise<readonly ExportedList[]>): Promise<ExportedList[] | undefined> {
  try {
    return exportedLists(await read());
  } catch (error) {
    console.error('[reserve-radar] the warning lists could not be read for the export; the file leaves them out', error);
    return undefined;
  }
}

/**
 * Whether the file's lists not held yet, with the lists held, make more than Reserve Radar keeps: refused before anything is
 * written. `held` undefined (they could not be read): not known here, and the background's own count in its turn decides.
 */
export function listsOverLimit(held: readonly { url: string }[] | undefined, file: readonly ExportedList[]): boolean {
  if (held === undefined) return false;
  const urls = new Set(held.map((row) => row.url));
  return held.length + file.filter((list) => !urls.has(list.url)).length > MAX_SUBSCRIPTIONS;
}

/** The file's lists handed to the background after the holdings were written; any refusal or failure there is `'failed'` (logged). */
export async function addFileLists(lists: readonly ExportedList[], ask: (lists: { url: string; signer: string }[]) => Promise<ListsImport>): Promise<ListsOutcome> {
  try {
    const answer = await ask(lists.map(({ url, expectedSigner }) => ({ url, signer: expectedSigner })));
    if (answer.ok) return { added: answer.added, needAccess: answer.needAccess, keptOther: answer.keptOther };
    console.error(`[reserve-radar] the imported file's warning lists were not added: ${answer.refused}`);
  } catch (error) {
    console.error("[reserve-radar] the imported file's warning lists were not added", error);
  }
  return 'failed';
}
